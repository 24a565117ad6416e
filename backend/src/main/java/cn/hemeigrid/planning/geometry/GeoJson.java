package cn.hemeigrid.planning.geometry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

import tools.jackson.databind.JsonNode;

/**
 * Reads the features of a GeoJSON request and writes JTS geometries as GeoJSON (RFC 7946)
 * objects that Jackson serialises. Written coordinates are rounded to 7 decimal places, the
 * precision of {@link GridGeometry}; ring order is kept as it is, so a shape that
 * {@link ShapeValidator} oriented stays counter-clockwise with clockwise holes.
 */
public final class GeoJson {

    private GeoJson() {
    }

    /** A submitted geometry with the name problems refer to it by, or a null name. */
    public record SubmittedFeature(String name, JsonNode geometry) {
    }

    /**
     * Splits a request value into its features: a FeatureCollection gives each feature, a
     * Feature gives itself and a bare geometry gives one unnamed feature. A feature is named by
     * its {@code id}, else its {@code code} or {@code name} property, else its position
     * ({@code #1} for the first).
     */
    public static List<SubmittedFeature> features(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return List.of(new SubmittedFeature(null, null));
        }
        String type = typeOf(value);
        if (type.equals("FeatureCollection")) {
            List<SubmittedFeature> features = new ArrayList<>();
            JsonNode members = value.path("features");
            for (int i = 0; i < members.size(); i++) {
                features.add(new SubmittedFeature(nameOf(members.get(i), i), members.get(i).get("geometry")));
            }
            return features;
        }
        if (type.equals("Feature")) {
            return List.of(new SubmittedFeature(nameOf(value, -1), value.get("geometry")));
        }
        return List.of(new SubmittedFeature(null, value));
    }

    /** Returns the {@code type} member, or an empty string when it is missing or not a string. */
    static String typeOf(JsonNode value) {
        JsonNode type = value.path("type");
        return type.isString() ? type.asString() : "";
    }

    private static String nameOf(JsonNode feature, int index) {
        JsonNode properties = feature.path("properties");
        for (JsonNode candidate : List.of(feature.path("id"), properties.path("code"), properties.path("name"))) {
            if ((candidate.isString() && !candidate.asString().isBlank()) || candidate.isNumber()) {
                return candidate.asString();
            }
        }
        return index < 0 ? null : "#" + (index + 1);
    }

    /** Returns a GeoJSON geometry object, or null for a null geometry. */
    public static Map<String, Object> geometry(Geometry geometry) {
        if (geometry == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", geometry.getGeometryType());
        if (geometry instanceof GeometryCollection collection && !isMulti(collection)) {
            List<Object> members = new ArrayList<>();
            for (int i = 0; i < collection.getNumGeometries(); i++) {
                members.add(geometry(collection.getGeometryN(i)));
            }
            out.put("geometries", members);
            return out;
        }
        out.put("coordinates", coordinates(geometry));
        return out;
    }

    /** Returns a GeoJSON Feature with the given properties. */
    public static Map<String, Object> feature(Geometry geometry, Map<String, Object> properties) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "Feature");
        out.put("geometry", geometry(geometry));
        out.put("properties", properties);
        return out;
    }

    public static Map<String, Object> featureCollection(List<Map<String, Object>> features) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "FeatureCollection");
        out.put("features", features);
        return out;
    }

    private static boolean isMulti(GeometryCollection collection) {
        return collection instanceof MultiPolygon || collection instanceof MultiLineString
                || collection instanceof MultiPoint;
    }

    private static Object coordinates(Geometry geometry) {
        if (geometry instanceof Point point) {
            return point.isEmpty() ? List.of() : position(point.getCoordinate());
        }
        if (geometry instanceof LineString line) {
            return positions(line.getCoordinates());
        }
        if (geometry instanceof Polygon polygon) {
            List<Object> rings = new ArrayList<>();
            if (!polygon.isEmpty()) {
                rings.add(positions(polygon.getExteriorRing().getCoordinates()));
                for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
                    rings.add(positions(polygon.getInteriorRingN(i).getCoordinates()));
                }
            }
            return rings;
        }
        List<Object> members = new ArrayList<>();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            members.add(coordinates(geometry.getGeometryN(i)));
        }
        return members;
    }

    private static List<double[]> positions(Coordinate[] coordinates) {
        List<double[]> out = new ArrayList<>(coordinates.length);
        for (Coordinate c : coordinates) {
            out.add(position(c));
        }
        return out;
    }

    private static double[] position(Coordinate c) {
        return new double[] {round(c.x), round(c.y)};
    }

    private static double round(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }
}
