package cn.hemeigrid.planning.geometry;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;

import tools.jackson.databind.JsonNode;

/**
 * Reads the coordinates of a GeoJSON Polygon, MultiPolygon or LineString without judging the
 * shape: each polygon is a list of rings as given. Structural problems (missing or unsupported
 * geometry, empty or malformed arrays, non-finite numbers, too many vertices) become findings
 * that name the JSON path, for example {@code coordinates[0][3]}. A third ordinate (height)
 * is ignored.
 */
final class GeoJsonShapeParser {

    private final String feature;
    private final List<Finding> findings;
    private final int maxVertices;
    private int vertices;

    GeoJsonShapeParser(String feature, List<Finding> findings, int maxVertices) {
        this.feature = feature;
        this.findings = findings;
        this.maxVertices = maxVertices;
    }

    /** Returns the polygons read; when a rejecting finding was added the list is incomplete. */
    List<List<Coordinate[]>> parse(JsonNode geometry) {
        List<List<Coordinate[]>> polygons = new ArrayList<>();
        if (geometry == null || geometry.isNull() || geometry.isMissingNode()) {
            reject(FindingKind.MISSING_GEOMETRY);
            return polygons;
        }
        if (!geometry.isObject()) {
            reject(FindingKind.MALFORMED_COORDINATES, "geometry");
            return polygons;
        }
        String type = GeoJson.typeOf(geometry);
        JsonNode coordinates = geometry.path("coordinates");
        if (!type.equals("Polygon") && !type.equals("MultiPolygon")) {
            reject(FindingKind.UNSUPPORTED_TYPE, type.isEmpty() ? "?" : type);
            return polygons;
        }
        if (!nonEmptyArray(coordinates, "coordinates")) {
            return polygons;
        }

        if (type.equals("Polygon")) {
            polygon(coordinates, "coordinates", polygons);
        } else {
            for (int p = 0; p < coordinates.size() && !rejected(); p++) {
                polygon(coordinates.get(p), "coordinates[" + p + "]", polygons);
            }
        }
        return polygons;
    }

    /** Returns the positions of a LineString, or null when a rejecting finding was added. */
    Coordinate[] line(JsonNode geometry) {
        if (geometry == null || geometry.isNull() || geometry.isMissingNode()) {
            reject(FindingKind.MISSING_GEOMETRY);
            return null;
        }
        String type = geometry.isObject() ? GeoJson.typeOf(geometry) : "";
        if (!type.equals("LineString")) {
            reject(FindingKind.UNSUPPORTED_TYPE, type.isEmpty() ? "?" : type);
            return null;
        }
        return ring(geometry.path("coordinates"), "coordinates");
    }

    private void polygon(JsonNode rings, String path, List<List<Coordinate[]>> polygons) {
        if (!nonEmptyArray(rings, path)) {
            return;
        }
        List<Coordinate[]> polygon = new ArrayList<>();
        for (int r = 0; r < rings.size() && !rejected(); r++) {
            Coordinate[] ring = ring(rings.get(r), path + "[" + r + "]");
            if (ring != null) {
                polygon.add(ring);
            }
        }
        polygons.add(polygon);
    }

    private Coordinate[] ring(JsonNode positions, String path) {
        if (!nonEmptyArray(positions, path)) {
            return null;
        }
        Coordinate[] ring = new Coordinate[positions.size()];
        for (int i = 0; i < positions.size(); i++) {
            String at = path + "[" + i + "]";
            if (++vertices > maxVertices) {
                reject(FindingKind.TOO_MANY_VERTICES, maxVertices);
                return null;
            }
            JsonNode position = positions.get(i);
            if (!position.isArray() || position.size() < 2 || !position.get(0).isNumber()
                    || !position.get(1).isNumber()) {
                reject(FindingKind.MALFORMED_COORDINATES, at);
                return null;
            }
            double lon = position.get(0).doubleValue();
            double lat = position.get(1).doubleValue();
            if (!Double.isFinite(lon) || !Double.isFinite(lat)) {
                reject(FindingKind.NON_FINITE, at, String.valueOf(lon), String.valueOf(lat));
                return null;
            }
            ring[i] = new Coordinate(lon, lat);
        }
        return ring;
    }

    private boolean nonEmptyArray(JsonNode node, String path) {
        if (node == null || !node.isArray()) {
            reject(FindingKind.MALFORMED_COORDINATES, path);
            return false;
        }
        if (node.isEmpty()) {
            reject(FindingKind.EMPTY, path);
            return false;
        }
        return true;
    }

    private boolean rejected() {
        return findings.stream().anyMatch(Finding::rejects);
    }

    private void reject(FindingKind kind, Object... arguments) {
        findings.add(Finding.of(kind, null, feature, arguments));
    }
}
