package cn.hemeigrid.planning.geometry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateArrays;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsSimpleOp;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

import tools.jackson.databind.JsonNode;

/**
 * Validates a submitted GeoJSON Polygon or MultiPolygon in CGCS2000 longitude/latitude and
 * repairs what has only one sensible reading:
 * <ul>
 * <li>coordinates are rounded to the {@link GridGeometry} precision (7 decimal places);</li>
 * <li>repeated consecutive vertices are removed, as left by a double click;</li>
 * <li>an unclosed ring is closed;</li>
 * <li>rings are oriented as RFC 7946 requires: shells counter-clockwise, holes clockwise.</li>
 * </ul>
 * Everything else is rejected with the place to highlight: a ring that crosses or touches
 * itself (each crossing point), rings that cross each other, a hole outside its shell, an
 * empty or degenerate ring, non-finite or out-of-range coordinates, and coordinates that look
 * like latitude and longitude swapped. A MultiPolygon is accepted wherever a Polygon is, and
 * the result is always a MultiPolygon.
 *
 * <p>Two holes that touch at one vertex are valid (the OGC rule JTS follows). A ring that
 * touches itself at a vertex is rejected, because it has two readings: one polygon with a
 * pinched hole, or two polygons. Instances are immutable and thread-safe.
 */
public final class ShapeValidator {

    /** Vertices one shape may have; a grid drawn by hand has a few hundred. */
    public static final int MAX_VERTICES = 50_000;

    private final Envelope expectedArea;

    /**
     * @param expectedArea where shapes are expected (for example the city's extent), used to
     *                     recognise latitude and longitude swapped; null to check the globe's
     *                     ranges only
     */
    public ShapeValidator(Envelope expectedArea) {
        this.expectedArea = expectedArea == null ? null : new Envelope(expectedArea);
    }

    /** Validates one geometry; {@code feature} names it in the findings and may be null. */
    public CheckedShape validate(JsonNode geometry, String feature) {
        List<Finding> findings = new ArrayList<>();
        List<List<Coordinate[]>> polygons = new GeoJsonShapeParser(feature, findings, MAX_VERTICES).parse(geometry);
        if (rejects(findings) || !coordinatesInRange(polygons, feature, findings)) {
            return rejected(findings);
        }

        List<Polygon> built = new ArrayList<>();
        for (int p = 0; p < polygons.size(); p++) {
            Polygon polygon = buildPolygon(polygons.get(p), p + 1, feature, findings);
            if (polygon != null) {
                built.add(polygon);
            }
        }
        if (rejects(findings)) {
            return rejected(findings);
        }

        MultiPolygon shape = GridGeometry.FACTORY.createMultiPolygon(built.toArray(Polygon[]::new));
        TopologyValidationError error = new IsValidOp(shape).getValidationError();
        if (error != null) {
            findings.add(Finding.of(kindOf(error), GridGeometry.FACTORY.createPoint(error.getCoordinate()), feature));
            return rejected(findings);
        }
        return new CheckedShape(java.util.Optional.of(shape), findings);
    }

    private boolean coordinatesInRange(List<List<Coordinate[]>> polygons, String feature, List<Finding> findings) {
        List<Coordinate> all = new ArrayList<>();
        polygons.forEach(rings -> rings.forEach(ring -> all.addAll(Arrays.asList(ring))));
        Envelope original = new Envelope();
        Envelope swapped = new Envelope();
        Coordinate outOfRange = null;
        boolean swappedInRange = true;
        for (Coordinate c : all) {
            original.expandToInclude(c);
            swapped.expandToInclude(c.y, c.x);
            if (outOfRange == null && !onGlobe(c.x, c.y)) {
                outOfRange = c;
            }
            swappedInRange &= onGlobe(c.y, c.x);
        }

        boolean looksSwapped = outOfRange != null
                ? swappedInRange
                : expectedArea != null && !expectedArea.intersects(original) && expectedArea.intersects(swapped);
        if (looksSwapped) {
            findings.add(Finding.of(FindingKind.SWAPPED_LON_LAT, GridGeometry.FACTORY.toGeometry(swapped), feature,
                    original.getMinX(), original.getMinY()));
            return false;
        }
        if (outOfRange != null) {
            findings.add(Finding.of(FindingKind.OUT_OF_RANGE, null, feature, outOfRange.x, outOfRange.y));
            return false;
        }
        return true;
    }

    private static boolean onGlobe(double lon, double lat) {
        return lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90;
    }

    private static Polygon buildPolygon(List<Coordinate[]> rawRings, int polygonNumber, String feature,
                                        List<Finding> findings) {
        LinearRing shell = null;
        List<LinearRing> holes = new ArrayList<>();
        for (int r = 0; r < rawRings.size(); r++) {
            Coordinate[] ring = repairRing(rawRings.get(r), polygonNumber, r + 1, feature, findings);
            if (ring == null) {
                continue;
            }
            boolean isShell = r == 0;
            if (Orientation.isCCW(ring) != isShell) {
                CoordinateArrays.reverse(ring);
                findings.add(Finding.of(isShell ? FindingKind.SHELL_REORIENTED : FindingKind.HOLE_REORIENTED,
                        GridGeometry.FACTORY.createLineString(ring), feature, polygonNumber, r + 1));
            }
            LinearRing linearRing = GridGeometry.FACTORY.createLinearRing(ring);
            if (isShell) {
                shell = linearRing;
            } else {
                holes.add(linearRing);
            }
        }
        if (shell == null) {
            return null;
        }
        return GridGeometry.FACTORY.createPolygon(shell, holes.toArray(LinearRing[]::new));
    }

    /** Returns the repaired, closed ring, or null after adding a rejecting finding. */
    private static Coordinate[] repairRing(Coordinate[] raw, int polygonNumber, int ringNumber, String feature,
                                           List<Finding> findings) {
        List<Coordinate> vertices = new ArrayList<>(raw.length + 1);
        List<Coordinate> repeats = new ArrayList<>();
        for (Coordinate original : raw) {
            Coordinate c = new Coordinate(original.x, original.y);
            GridGeometry.PRECISION.makePrecise(c);
            if (!vertices.isEmpty() && vertices.get(vertices.size() - 1).equals2D(c)) {
                repeats.add(c);
            } else {
                vertices.add(c);
            }
        }
        if (!repeats.isEmpty()) {
            findings.add(Finding.of(FindingKind.REPEATED_VERTEX_REMOVED,
                    GridGeometry.FACTORY.createMultiPointFromCoords(repeats.toArray(Coordinate[]::new)), feature,
                    repeats.size(), polygonNumber, ringNumber));
        }
        if (!vertices.get(0).equals2D(vertices.get(vertices.size() - 1))) {
            findings.add(Finding.of(FindingKind.RING_CLOSED, GridGeometry.FACTORY.createPoint(vertices.get(0)), feature,
                    polygonNumber, ringNumber));
            vertices.add(vertices.get(0).copy());
        }

        Coordinate[] ring = vertices.toArray(Coordinate[]::new);
        if (ring.length < 4 || collinear(ring)) {
            Geometry where = ring.length < 2
                    ? GridGeometry.FACTORY.createPoint(ring[0])
                    : GridGeometry.FACTORY.createLineString(ring);
            findings.add(Finding.of(FindingKind.DEGENERATE_RING, where, feature, polygonNumber, ringNumber));
            return null;
        }

        IsSimpleOp simple = new IsSimpleOp(GridGeometry.FACTORY.createLineString(ring));
        simple.setFindAllLocations(true);
        if (!simple.isSimple()) {
            for (Coordinate crossing : new LinkedHashSet<>(simple.getNonSimpleLocations())) {
                findings.add(Finding.of(FindingKind.SELF_INTERSECTION, GridGeometry.FACTORY.createPoint(crossing),
                        feature, polygonNumber, ringNumber, crossing.x, crossing.y));
            }
            return null;
        }
        return ring;
    }

    /** Returns true when every vertex lies on one line, so the ring encloses no area. */
    private static boolean collinear(Coordinate[] ring) {
        for (int i = 2; i < ring.length - 1; i++) {
            if (Orientation.index(ring[0], ring[1], ring[i]) != Orientation.COLLINEAR) {
                return false;
            }
        }
        return true;
    }

    private static FindingKind kindOf(TopologyValidationError error) {
        return switch (error.getErrorType()) {
            case TopologyValidationError.HOLE_OUTSIDE_SHELL -> FindingKind.HOLE_OUTSIDE_SHELL;
            case TopologyValidationError.NESTED_HOLES -> FindingKind.NESTED_HOLES;
            case TopologyValidationError.DISCONNECTED_INTERIOR -> FindingKind.DISCONNECTED_INTERIOR;
            case TopologyValidationError.NESTED_SHELLS, TopologyValidationError.DUPLICATE_RINGS ->
                    FindingKind.OVERLAPPING_PARTS;
            case TopologyValidationError.SELF_INTERSECTION -> FindingKind.RINGS_CROSS;
            case TopologyValidationError.RING_SELF_INTERSECTION -> FindingKind.SELF_INTERSECTION;
            default -> FindingKind.DEGENERATE_RING;
        };
    }

    private static boolean rejects(List<Finding> findings) {
        return findings.stream().anyMatch(Finding::rejects);
    }

    private static CheckedShape rejected(List<Finding> findings) {
        return new CheckedShape(java.util.Optional.empty(), findings);
    }
}
