package cn.hemeigrid.dataload;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import org.locationtech.jts.precision.GeometryPrecisionReducer;

/**
 * Rounds a polygon coverage to the stored precision of 1e-7 degrees (about 1 cm) so that
 * neighbours share their edges vertex for vertex.
 *
 * <p>Rounding each polygon on its own would not do: where a grid edge meets a long village
 * edge, the meeting point moves to the nearest grid node and the grid's edge bends away from
 * the village's straight edge, leaving slivers of tens of square metres. Instead, the
 * boundaries of all pieces are noded together with snap-rounding (OverlayNG line union), the
 * noded lines are polygonized into faces, and each face goes to the piece that contains its
 * interior point. Any union of faces is then exact, so every level built from them (grid,
 * village, township, county) covers its parent without gaps or overlaps.
 *
 * <p>Faces and unions are put in JTS normal form (fixed ring orientation and start vertex)
 * because the start vertex and order of the noding and union output vary from run to run, and
 * the import must write the same rows every time.
 */
final class SnapRoundedCoverage {

    /** Scale 1e7: stored coordinates are multiples of 1e-7 degrees. */
    static final PrecisionModel PRECISION = new PrecisionModel(1e7);

    /**
     * A face whose interior point lies outside every piece, but this close to one (in degrees,
     * about 10 cm), is a sliver between two pieces and goes to the nearer one.
     */
    private static final double SLIVER_DISTANCE = 1e-6;

    /**
     * The faces of the noded coverage.
     *
     * @param byPiece the faces of each piece, by its key, in a fixed order
     * @param unassigned faces that belong to no piece, such as gaps between the pieces
     */
    record Faces(SortedMap<String, List<Polygon>> byPiece, List<Polygon> unassigned) {
    }

    private SnapRoundedCoverage() {
    }

    /**
     * Nodes the boundaries of the pieces and of {@code frame} together and returns the faces.
     *
     * @param pieces polygons that form a coverage up to floating-point error, by key
     * @param frame an outline whose boundary is noded too, so that faces outside the pieces but
     *     inside the frame are returned as unassigned
     */
    static Faces node(Map<String, ? extends Geometry> pieces, Geometry frame) {
        List<Geometry> boundaries = new ArrayList<>(pieces.size() + 1);
        pieces.values().forEach(piece -> boundaries.add(piece.getBoundary()));
        boundaries.add(frame.getBoundary());
        Geometry noded = UnaryUnionNG.union(boundaries, PolygonOps.FACTORY, PRECISION);

        Polygonizer polygonizer = new Polygonizer();
        polygonizer.add(noded);
        @SuppressWarnings("unchecked")
        Collection<Polygon> faces = polygonizer.getPolygons();
        faces.forEach(Polygon::normalize);

        PieceIndex index = new PieceIndex(pieces);
        SortedMap<String, List<Polygon>> byPiece = new TreeMap<>();
        List<Polygon> unassigned = new ArrayList<>();
        for (Polygon face : faces) {
            String key = index.pieceOf(InteriorPointArea.getInteriorPoint(face));
            if (key == null) {
                unassigned.add(face);
            } else {
                byPiece.computeIfAbsent(key, k -> new ArrayList<>()).add(face);
            }
        }
        byPiece.values().forEach(list -> list.sort(Geometry::compareTo));
        unassigned.sort(Geometry::compareTo);
        return new Faces(byPiece, unassigned);
    }

    /** Returns the exact union of faces taken from one {@link #node} result, in JTS normal form. */
    static MultiPolygon union(List<Polygon> faces) {
        Geometry union = faces.size() == 1 ? faces.get(0) : CoverageUnion.union(faces.toArray(Geometry[]::new));
        return PolygonOps.normalized(union);
    }

    /** Repairs an invalid source polygon and rounds it to the stored precision. */
    static MultiPolygon snapToPrecision(Geometry polygonal) {
        Geometry valid = polygonal.isValid() ? polygonal : GeometryFixer.fix(polygonal);
        return PolygonOps.toMultiPolygon(GeometryPrecisionReducer.reduce(valid, PRECISION));
    }

    static Coordinate round(Coordinate coordinate) {
        return new Coordinate(PRECISION.makePrecise(coordinate.x), PRECISION.makePrecise(coordinate.y));
    }

    static Point point(Coordinate coordinate) {
        return PolygonOps.FACTORY.createPoint(round(coordinate));
    }

    /** Finds the piece that contains a point, or failing that the piece nearest it within {@link #SLIVER_DISTANCE}. */
    private static final class PieceIndex {

        private final STRtree tree = new STRtree();
        private final Map<String, Geometry> pieces;
        private final Map<String, IndexedPointInAreaLocator> locators = new TreeMap<>();

        PieceIndex(Map<String, ? extends Geometry> pieces) {
            this.pieces = new TreeMap<>(pieces);
            this.pieces.forEach((key, piece) -> tree.insert(piece.getEnvelopeInternal(), key));
        }

        String pieceOf(Coordinate point) {
            Envelope near = new Envelope(point);
            near.expandBy(SLIVER_DISTANCE);
            @SuppressWarnings("unchecked")
            List<String> candidates = new ArrayList<>(tree.query(near));
            candidates.sort(Comparator.naturalOrder());

            String nearest = null;
            double nearestDistance = SLIVER_DISTANCE;
            for (String key : candidates) {
                if (locator(key).locate(point) != Location.EXTERIOR) {
                    return key;
                }
                double distance = pieces.get(key).distance(PolygonOps.FACTORY.createPoint(point));
                if (distance <= nearestDistance) {
                    nearest = key;
                    nearestDistance = distance;
                }
            }
            return nearest;
        }

        private IndexedPointInAreaLocator locator(String key) {
            return locators.computeIfAbsent(key, k -> new IndexedPointInAreaLocator(pieces.get(k)));
        }
    }
}
