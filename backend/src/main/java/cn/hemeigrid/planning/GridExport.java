package cn.hemeigrid.planning;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the basic and dedicated grids of villages/communities for export, current or as they
 * were at an instant. Shapes are written with shells counter-clockwise and holes clockwise
 * (RFC 7946), whatever the orientation stored, at 7 decimal places (about 1 cm).
 */
@Repository
class GridExport {

    private final JdbcClient jdbc;

    GridExport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One exported grid, whose {@code geometry} is GeoJSON or WKT as requested. */
    record ExportedGrid(String code, String name, String kind, String dedicatedType, String villageCode, int version,
                        String source, String geometry) {
    }

    /** Lists the active grids of the villages, basic grids first, each kind in code order. */
    List<ExportedGrid> current(List<String> villageCodes, boolean wkt) {
        if (villageCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT code, name, kind, dedicated_type, village_code, version, source, %s AS geometry
                          FROM grid
                         WHERE village_code IN (:villages) AND status = 'active'
                         ORDER BY kind, code
                        """.formatted(geometryColumn("geom", wkt)))
                .param("villages", villageCodes)
                .query(GridExport::toGrid)
                .list();
    }

    /**
     * Lists the grids of the villages that were active at the instant, from the version
     * history. NOTE: grid_version does not store the source, so the grid's current source is
     * given; it differs only for a grid reshaped after an import.
     */
    List<ExportedGrid> asOf(List<String> villageCodes, Instant at, boolean wkt) {
        if (villageCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT v.code, v.name, v.kind, v.dedicated_type, v.village_code, v.version, g.source,
                               %s AS geometry
                          FROM grid_version v JOIN grid g ON g.id = v.grid_id
                         WHERE v.village_code IN (:villages) AND v.status = 'active'
                           AND v.valid_from <= :at AND (v.valid_to IS NULL OR v.valid_to > :at)
                         ORDER BY v.kind, v.code
                        """.formatted(geometryColumn("v.geom", wkt)))
                .param("villages", villageCodes)
                .param("at", Timestamp.from(at))
                .query(GridExport::toGrid)
                .list();
    }

    /** Returns the OGC WKT definition of an SRID from PostGIS's {@code spatial_ref_sys}. */
    String srsDefinition(int srid) {
        return jdbc.sql("SELECT srtext FROM spatial_ref_sys WHERE srid = ?").param(srid).query(String.class).single();
    }

    private static String geometryColumn(String column, boolean wkt) {
        String oriented = "ST_ForcePolygonCCW(" + column + ")";
        return wkt ? "ST_AsText(" + oriented + ", 7)" : "ST_AsGeoJSON(" + oriented + ", 7, 0)";
    }

    private static ExportedGrid toGrid(java.sql.ResultSet row, int rowNumber) throws java.sql.SQLException {
        return new ExportedGrid(row.getString("code").trim(), row.getString("name"), row.getString("kind"),
                row.getString("dedicated_type"), row.getString("village_code").trim(), row.getInt("version"),
                row.getString("source"), row.getString("geometry"));
    }
}
