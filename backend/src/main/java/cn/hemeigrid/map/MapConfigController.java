package cn.hemeigrid.map;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MapConfigController {

    private static final int INITIAL_ZOOM = 9;

    private final MapProperties properties;
    private final JdbcClient jdbc;

    MapConfigController(MapProperties properties, JdbcClient jdbc) {
        this.properties = properties;
        this.jdbc = jdbc;
    }

    record MapConfig(String tileUrl, String tileAttribution, List<Double> centre, int zoom, List<Double> bounds) {
    }

    /** Returns the base map settings and the city's extent, which the pages open on. */
    @GetMapping("/api/v1/map/config")
    MapConfig config() {
        List<Double> bounds = jdbc.sql("""
                        SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e)
                          FROM (SELECT ST_Extent(geom) AS e FROM administrative_unit WHERE level = 'city') x
                         WHERE e IS NOT NULL
                        """)
                .query((row, n) -> List.of(row.getDouble(1), row.getDouble(2), row.getDouble(3), row.getDouble(4)))
                .optional()
                .orElse(List.of(113.85, 22.55, 115.45, 23.95));
        List<Double> centre = List.of((bounds.get(0) + bounds.get(2)) / 2, (bounds.get(1) + bounds.get(3)) / 2);
        return new MapConfig(properties.tileUrl(), properties.tileAttribution(), centre, INITIAL_ZOOM, bounds);
    }
}
