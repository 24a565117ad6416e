package cn.hemeigrid.dataload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Splits a parent polygon into labelled parts that cover it without gaps or overlaps: the
 * Voronoi cells of labelled seed points, clipped to the parent, united per label, with small
 * detached pieces handed to a neighbour by {@link FragmentMerger}.
 *
 * <p>Every seed lies inside the part of its label, provided the seed lies strictly inside the
 * parent: its Voronoi cell contains it, and the piece that contains a seed is never moved.
 */
final class VoronoiPartition {

    /**
     * Detached pieces below this share of the mean part area go to a neighbour that borders
     * them. A judgment call: large enough to catch the crumbs that clipping leaves along the
     * parent's boundary, small enough to leave real parts of a unit alone.
     */
    private static final double FRAGMENT_SHARE = 0.05;

    /** A seed point of the Voronoi diagram and the label of the part it belongs to. */
    record Seed(String label, Coordinate at) {
    }

    private VoronoiPartition() {
    }

    /**
     * Returns the parts by label, in label order. Several seeds may share a label; their cells
     * are united.
     *
     * @throws IllegalArgumentException if there are no seeds, or two seeds with different labels
     *     lie at the same point
     * @throws IllegalStateException if a label gets no area, which means its seeds lie outside
     *     the parent
     */
    static SortedMap<String, MultiPolygon> split(Geometry parent, List<Seed> seeds) {
        Map<Coordinate, String> labelAt = labelsByPoint(seeds);

        SortedMap<String, List<Geometry>> cellsByLabel = new TreeMap<>();
        for (Geometry cell : voronoiCells(parent, labelAt)) {
            Geometry clipped = PolygonOps.intersection(cell, parent);
            if (!clipped.isEmpty()) {
                String label = labelAt.get((Coordinate) cell.getUserData());
                cellsByLabel.computeIfAbsent(label, key -> new ArrayList<>()).add(clipped);
            }
        }

        SortedMap<String, MultiPolygon> parts = new TreeMap<>();
        Map<String, List<Coordinate>> protectedPoints = new TreeMap<>();
        for (Seed seed : seeds) {
            protectedPoints.computeIfAbsent(seed.label(), key -> new ArrayList<>()).add(seed.at());
        }
        for (var entry : cellsByLabel.entrySet()) {
            List<Geometry> cells = entry.getValue();
            Geometry united = cells.size() == 1 ? cells.get(0) : PolygonOps.union(cells);
            parts.put(entry.getKey(), PolygonOps.normalized(united));
        }
        for (String label : protectedPoints.keySet()) {
            if (!parts.containsKey(label) || parts.get(label).isEmpty()) {
                throw new IllegalStateException("Part " + label + " has no area inside the parent; its seeds "
                        + protectedPoints.get(label) + " lie outside it");
            }
        }

        double maxFragmentArea = FRAGMENT_SHARE * parent.getArea() / parts.size();
        SortedMap<String, MultiPolygon> merged = FragmentMerger.merge(parts, maxFragmentArea, protectedPoints);
        merged.replaceAll((label, part) -> PolygonOps.normalized(part));
        return merged;
    }

    private static Map<Coordinate, String> labelsByPoint(List<Seed> seeds) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("At least one seed is needed to split a polygon");
        }
        Map<Coordinate, String> labelAt = new TreeMap<>();
        for (Seed seed : seeds) {
            Coordinate at = SnapRoundedCoverage.round(seed.at());
            String previous = labelAt.putIfAbsent(at, seed.label());
            if (previous != null && !previous.equals(seed.label())) {
                throw new IllegalArgumentException("Seeds of " + previous + " and " + seed.label()
                        + " lie at the same point " + at + "; drop one of them before splitting");
            }
        }
        return labelAt;
    }

    /**
     * Returns one cell per distinct seed point, each carrying its seed coordinate as user data.
     * The diagram is clipped to an envelope well beyond the parent, so that clipping to the
     * parent alone sets the outer boundary.
     */
    private static List<Geometry> voronoiCells(Geometry parent, Map<Coordinate, String> labelAt) {
        Envelope frame = new Envelope(parent.getEnvelopeInternal());
        labelAt.keySet().forEach(frame::expandToInclude);
        frame.expandBy(Math.max(frame.getWidth(), frame.getHeight()));

        VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
        builder.setSites(new ArrayList<>(labelAt.keySet()));
        builder.setClipEnvelope(frame);
        Geometry diagram = builder.getDiagram(PolygonOps.FACTORY);

        List<Geometry> cells = new ArrayList<>(diagram.getNumGeometries());
        for (int i = 0; i < diagram.getNumGeometries(); i++) {
            cells.add(diagram.getGeometryN(i));
        }
        return cells;
    }
}
