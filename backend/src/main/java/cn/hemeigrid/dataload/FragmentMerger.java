package cn.hemeigrid.dataload;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * Moves small detached pieces (slivers) of the polygons in a coverage to the neighbour that
 * shares the longest boundary with them. So no polygon keeps a crumb that clipping left behind,
 * and the coverage as a whole keeps its area.
 *
 * <p>A piece is moved only when all of these hold: it is not the largest piece of its polygon,
 * its area is below the given limit, it contains none of the polygon's protected points, and it
 * shares a boundary of positive length with another polygon. A small island that touches no
 * other polygon therefore stays where it is.
 */
final class FragmentMerger {

    private FragmentMerger() {
    }

    /**
     * Returns the coverage with small pieces moved, as a new map in key order.
     *
     * @param coverage polygons that do not overlap, by key
     * @param maxFragmentArea area limit in the units of the coordinates (square degrees here)
     * @param protectedPoints points per key whose piece must stay with that key
     */
    static SortedMap<String, MultiPolygon> merge(Map<String, MultiPolygon> coverage, double maxFragmentArea,
                                                 Map<String, List<Coordinate>> protectedPoints) {
        SortedMap<String, MultiPolygon> result = new TreeMap<>(coverage);
        for (String key : List.copyOf(result.keySet())) {
            for (Polygon fragment : movableFragments(result.get(key), maxFragmentArea,
                    protectedPoints.getOrDefault(key, List.of()))) {
                String neighbour = longestSharedBoundary(fragment, key, result);
                if (neighbour == null) {
                    continue;
                }
                result.put(key, withoutPiece(result.get(key), fragment));
                result.put(neighbour, PolygonOps.toMultiPolygon(
                        PolygonOps.union(List.of(result.get(neighbour), fragment))));
            }
        }
        return result;
    }

    private static List<Polygon> movableFragments(MultiPolygon polygon, double maxFragmentArea,
                                                  List<Coordinate> protectedPoints) {
        List<Polygon> pieces = new ArrayList<>();
        for (int i = 0; i < polygon.getNumGeometries(); i++) {
            pieces.add((Polygon) polygon.getGeometryN(i));
        }
        if (pieces.size() < 2) {
            return List.of();
        }
        pieces.sort(Comparator.comparingDouble(Polygon::getArea).reversed()
                .thenComparing(piece -> piece.getEnvelopeInternal().centre()));

        return pieces.subList(1, pieces.size()).stream()
                .filter(piece -> piece.getArea() < maxFragmentArea)
                .filter(piece -> protectedPoints.stream().noneMatch(p -> piece.covers(SnapRoundedCoverage.point(p))))
                .toList();
    }

    private static MultiPolygon withoutPiece(MultiPolygon polygon, Polygon piece) {
        List<Polygon> remaining = new ArrayList<>();
        for (int i = 0; i < polygon.getNumGeometries(); i++) {
            Polygon candidate = (Polygon) polygon.getGeometryN(i);
            if (!candidate.equalsExact(piece)) {
                remaining.add(candidate);
            }
        }
        return PolygonOps.FACTORY.createMultiPolygon(remaining.toArray(Polygon[]::new));
    }

    private static String longestSharedBoundary(Polygon fragment, String ownKey, Map<String, MultiPolygon> coverage) {
        String best = null;
        double bestLength = 0;
        for (Map.Entry<String, MultiPolygon> other : coverage.entrySet()) {
            if (other.getKey().equals(ownKey)
                    || !other.getValue().getEnvelopeInternal().intersects(fragment.getEnvelopeInternal())) {
                continue;
            }
            Geometry shared = PolygonOps.intersection(fragment.getBoundary(), other.getValue().getBoundary());
            if (shared.getLength() > bestLength) {
                bestLength = shared.getLength();
                best = other.getKey();
            }
        }
        return best;
    }
}
