package cn.hemeigrid.map;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.hemeigrid.access.Jurisdiction;
import cn.hemeigrid.access.JurisdictionCondition;
import cn.hemeigrid.system.Labels;

/**
 * Reads the features of one layer inside a box as GeoJSON feature parts: the geometry as
 * GeoJSON text (simplified for the zoom) and the properties as a map.
 *
 * <p>Boundaries and grid outlines with their codes and names are public, because residents
 * need them to place a report and the public routing response names the grid anyway. Facilities
 * (cameras among them) are for staff and limited to the jurisdiction. Incidents are not a layer
 * here: the map reads them from the staff incident list, which is limited the same way.
 */
@Repository
class LayerFeatures {

    private final JdbcClient jdbc;
    private final Labels labels;

    LayerFeatures(JdbcClient jdbc, Labels labels) {
        this.jdbc = jdbc;
        this.labels = labels;
    }

    record Feature(String geometryJson, Map<String, Object> properties) {
    }

    /**
     * Reads up to {@code limit} features intersecting the box, simplified to the given
     * tolerance in degrees (0 keeps every vertex). The jurisdiction limits the staff layers only.
     */
    List<Feature> read(MapLayer layer, Jurisdiction jurisdiction, BoundingBox box, double tolerance, int limit) {
        JurisdictionCondition facilitiesInJurisdiction = JurisdictionCondition.facilities(jurisdiction, "f");
        String sql = switch (layer) {
            case COUNTIES, TOWNSHIPS, VILLAGES -> """
                    SELECT code, name, level, %s AS geometry
                      FROM administrative_unit
                     WHERE level = :level AND geom && ST_MakeEnvelope(:minLon, :minLat, :maxLon, :maxLat, 4490)
                     ORDER BY code
                     LIMIT :limit
                    """.formatted(simplified("geom"));
            case GRIDS -> """
                    SELECT code, name, kind, dedicated_type, village_code, %s AS geometry
                      FROM grid
                     WHERE status = 'active' AND geom && ST_MakeEnvelope(:minLon, :minLat, :maxLon, :maxLat, 4490)
                     ORDER BY kind, code
                     LIMIT :limit
                    """.formatted(simplified("geom"));
            case FACILITIES -> """
                    SELECT f.id, f.kind, f.name, ST_AsGeoJSON(f.geom, 7, 0) AS geometry
                      FROM facility f
                     WHERE f.geom && ST_MakeEnvelope(:minLon, :minLat, :maxLon, :maxLat, 4490)
                       AND %s
                     ORDER BY f.id
                     LIMIT :limit
                    """.formatted(facilitiesInJurisdiction.sql());
        };
        JdbcClient.StatementSpec statement = jdbc.sql(sql)
                .param("minLon", box.minLon()).param("minLat", box.minLat())
                .param("maxLon", box.maxLon()).param("maxLat", box.maxLat())
                .param("limit", limit);
        if (layer == MapLayer.FACILITIES) {
            statement = statement.params(facilitiesInJurisdiction.parameters());
        }
        if (sql.contains(":tolerance")) {
            statement = statement.param("tolerance", tolerance);
        }
        if (sql.contains(":level")) {
            statement = statement.param("level", switch (layer) {
                case COUNTIES -> "county";
                case TOWNSHIPS -> "township";
                default -> "village";
            });
        }
        return statement.query((row, n) -> new Feature(row.getString("geometry"), switch (layer) {
            case COUNTIES, TOWNSHIPS, VILLAGES -> properties(
                    "code", row.getString("code").trim(), "name", row.getString("name"), "level", row.getString("level"));
            case GRIDS -> properties(
                    "code", row.getString("code"), "name", row.getString("name"), "kind", row.getString("kind"),
                    "dedicatedType", row.getString("dedicated_type"),
                    "dedicatedTypeName", labels.of("dedicated", row.getString("dedicated_type")),
                    "villageCode", row.getString("village_code"));
            case FACILITIES -> properties(
                    "id", row.getLong("id"), "kind", row.getString("kind"),
                    "kindName", labels.of("facility", row.getString("kind")), "name", row.getString("name"));
        })).list();
    }

    private static String simplified(String column) {
        return "ST_AsGeoJSON(CASE WHEN :tolerance > 0 THEN ST_SimplifyPreserveTopology(" + column
                + ", :tolerance) ELSE " + column + " END, 7, 0)";
    }

    private static Map<String, Object> properties(Object... keysAndValues) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }
}
