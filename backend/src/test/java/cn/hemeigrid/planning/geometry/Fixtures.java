package cn.hemeigrid.planning.geometry;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WKT fixtures in cell units near Huizhou: x and y count cells of 0.001° (about 102 m east-west
 * and 111 m north-south) from 114.0°E, 23.0°N, so {@code POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))} is
 * one cell of about 11,400 m². Ring order is kept as written.
 */
final class Fixtures {

    static final double WEST = 114.0;
    static final double SOUTH = 23.0;
    static final double CELL = 0.001;

    /** Lenient like the planning API: NaN and Infinity literals are read as numbers. */
    static final JsonMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private static final WKTReader WKT = new WKTReader(new GeometryFactory(new org.locationtech.jts.geom.PrecisionModel(), 4490));

    private Fixtures() {
    }

    static Geometry cells(String wkt) {
        Geometry geometry;
        try {
            geometry = WKT.read(wkt);
        } catch (ParseException malformed) {
            throw new IllegalArgumentException(wkt, malformed);
        }
        geometry.apply((CoordinateFilter) c -> c.setCoordinate(lonLat(c.x, c.y)));
        geometry.geometryChanged();
        return geometry;
    }

    static Coordinate lonLat(double x, double y) {
        return new Coordinate(WEST + x * CELL, SOUTH + y * CELL);
    }

    /** Returns the GeoJSON of a cell-unit WKT geometry, rings in the order written. */
    static JsonNode geoJson(String wkt) {
        return JSON.valueToTree(GeoJson.geometry(cells(wkt)));
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
