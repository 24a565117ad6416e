package cn.hemeigrid.indicators;

import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.hemeigrid.access.Jurisdiction;
import cn.hemeigrid.access.JurisdictionCondition;

/**
 * Counts incidents reported in a period per square cell, for the hot spot map of the review page.
 *
 * <p>Cells are squares of a fixed side in EPSG:4547 (CGCS2000 Gauss-Krüger, central meridian
 * 114°E), aligned to multiples of the side from the projection's origin, so the same cell has
 * the same bounds in every request. They are returned in CGCS2000 longitude/latitude (EPSG:4490),
 * where they are slightly skewed quadrilaterals. As in the indicators, rejected incidents and
 * duplicates are left out. Only cells with at least one incident are listed, and only incidents
 * inside the caller's jurisdiction are counted.
 */
@Repository
class Hotspots {

    /** Minimum and maximum cell side in metres that a request may set. */
    static final int MIN_CELL_METRES = 100;
    static final int MAX_CELL_METRES = 5000;

    private static final String FEATURE_COLLECTION_SQL = """
            WITH cells AS (
                SELECT floor(ST_X(p) / :side)::bigint AS column_index,
                       floor(ST_Y(p) / :side)::bigint AS row_index,
                       count(*) AS incidents
                  FROM (SELECT ST_Transform(i.location, 4547) AS p
                          FROM incident i
                         WHERE i.status NOT IN ('rejected', 'duplicate')
                           AND i.reported_at >= :start AND i.reported_at < :end
                           AND (CAST(:category AS text) IS NULL OR i.category_code = CAST(:category AS text))
                           AND %s
                       ) AS projected
                 GROUP BY 1, 2
            )
            SELECT json_build_object(
                       'type', 'FeatureCollection',
                       'features', coalesce(json_agg(json_build_object(
                           'type', 'Feature',
                           'geometry', ST_AsGeoJSON(ST_Transform(ST_MakeEnvelope(
                               column_index * :side, row_index * :side,
                               (column_index + 1) * :side, (row_index + 1) * :side, 4547), 4490), 7, 0)::json,
                           'properties', json_build_object('count', incidents))
                           ORDER BY incidents DESC, column_index, row_index), '[]'::json))::text
              FROM cells
            """;

    private final JdbcClient jdbc;

    Hotspots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Returns a GeoJSON FeatureCollection of the non-empty cells, each with the property
     * {@code count}, ordered by count from the highest.
     *
     * @param category a matter category code, or null for all categories
     */
    String featureCollection(Jurisdiction jurisdiction, IndicatorPeriod period, int cellMetres, String category) {
        JurisdictionCondition inJurisdiction = JurisdictionCondition.incidents(jurisdiction, "i");
        return jdbc.sql(FEATURE_COLLECTION_SQL.formatted(inJurisdiction.sql()))
                .params(inJurisdiction.parameters())
                .param("side", (double) cellMetres)
                .param("start", Timestamp.from(period.start()))
                .param("end", Timestamp.from(period.end()))
                .param("category", category)
                .query(String.class)
                .single();
    }

    boolean categoryExists(String code) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM matter_category WHERE code = ?)")
                .param(code)
                .query(Boolean.class)
                .single();
    }
}
