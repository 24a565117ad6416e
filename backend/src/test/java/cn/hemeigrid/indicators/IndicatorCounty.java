package cn.hemeigrid.indicators;

import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A test county (codes 9702xxxx) with incidents of March 2021 whose timestamps are chosen to
 * hit every indicator and both ends of the period. No other test or the demonstration data
 * stores incidents in 2021, so the department rows of that period are exact as well.
 *
 * <p>Township 1 has village 1 with grids 1 and 2; township 2 has village 2 with grid 3.
 * Inserting is idempotent: the units and grids are keyed by code, incidents by tracking code.
 */
public final class IndicatorCounty {

    public static final String COUNTY = "970200000000";
    public static final String TOWNSHIP_1 = "970200001000";
    public static final String VILLAGE_1 = "970200001001";
    public static final String GRID_1 = "970200001001001";
    public static final String GRID_2 = "970200001001002";
    public static final String TOWNSHIP_2 = "970200002000";
    public static final String VILLAGE_2 = "970200002001";
    public static final String GRID_3 = "970200002001001";

    private IndicatorCounty() {
    }

    public static void insert(JdbcClient jdbc) {
        unit(jdbc, COUNTY, "county", "指标测试县", "441300000000");
        unit(jdbc, TOWNSHIP_1, "township", "指标第一镇", COUNTY);
        unit(jdbc, VILLAGE_1, "village", "指标第一村", TOWNSHIP_1);
        unit(jdbc, TOWNSHIP_2, "township", "指标第二镇", COUNTY);
        unit(jdbc, VILLAGE_2, "village", "指标第二村", TOWNSHIP_2);
        grid(jdbc, GRID_1, "指标第一村第1网格", VILLAGE_1);
        grid(jdbc, GRID_2, "指标第一村第2网格", VILLAGE_1);
        grid(jdbc, GRID_3, "指标第二村第1网格", VILLAGE_2);

        // Grid 1, city management. A: reported at the first instant of March, closed on time.
        incident(jdbc, "IND-A", GRID_1, "city_management", "closed", 0,
                "2021-03-01T00:00:00+08:00", "2021-03-01T00:30:00+08:00",
                "2021-03-10T00:00:00+08:00", "2021-03-09T00:00:00+08:00");
        // B: reported one second before March, due in its last second, closed just after it.
        incident(jdbc, "IND-B", GRID_1, "city_management", "closed", 0,
                "2021-02-28T23:59:59+08:00", "2021-03-01T00:09:59+08:00",
                "2021-03-31T23:59:59+08:00", "2021-04-01T00:00:00+08:00");
        // C: closed a day late after one rework, rated 1 (which reopened it) and then 4.
        long reworked = incident(jdbc, "IND-C", GRID_1, "city_management", "rated", 1,
                "2021-03-05T10:00:00+08:00", "2021-03-05T10:20:00+08:00",
                "2021-03-06T10:00:00+08:00", "2021-03-07T10:00:00+08:00");
        rating(jdbc, reworked, 1, "2021-03-06T12:00:00+08:00");
        rating(jdbc, reworked, 4, "2021-03-07T12:00:00+08:00");
        // D: rejected, so left out of every indicator.
        incident(jdbc, "IND-D", GRID_1, "city_management", "rejected", 0,
                "2021-03-02T09:00:00+08:00", "2021-03-02T09:05:00+08:00", "2021-03-04T09:00:00+08:00", null);
        // E: still in handling, due after March.
        incident(jdbc, "IND-E", GRID_1, "city_management", "in_handling", 0,
                "2021-03-10T08:00:00+08:00", "2021-03-10T09:00:00+08:00", "2021-04-10T08:00:00+08:00", null);
        // F: closed in March but reopened since, so not counted as closed.
        incident(jdbc, "IND-F", GRID_1, "city_management", "reopened", 1,
                "2021-03-12T08:00:00+08:00", "2021-03-12T08:40:00+08:00",
                "2021-03-20T08:00:00+08:00", "2021-03-15T08:00:00+08:00");

        // Grid 2, public security. H: reported, never accepted, due after March.
        incident(jdbc, "IND-H", GRID_2, "public_security", "reported", 0,
                "2021-03-20T08:00:00+08:00", null, "2021-04-05T08:00:00+08:00", null);
        // K: closed exactly at its handling deadline, which counts as on time.
        incident(jdbc, "IND-K", GRID_2, "public_security", "closed", 0,
                "2021-03-21T08:00:00+08:00", "2021-03-21T08:15:00+08:00",
                "2021-03-25T08:00:00+08:00", "2021-03-25T08:00:00+08:00");

        // Grid 3, public security. I: closed in January, rated 5 in March.
        long ratedLater = incident(jdbc, "IND-I", GRID_3, "public_security", "rated", 0,
                "2021-01-10T08:00:00+08:00", "2021-01-10T08:10:00+08:00",
                "2021-01-20T08:00:00+08:00", "2021-01-19T08:00:00+08:00");
        rating(jdbc, ratedLater, 5, "2021-03-02T08:00:00+08:00");
        // J: reported at the first instant after March.
        incident(jdbc, "IND-J", GRID_3, "public_security", "reported", 0,
                "2021-04-01T00:00:00+08:00", null, "2021-04-02T00:00:00+08:00", null);
    }

    private static void unit(JdbcClient jdbc, String code, String level, String name, String parent) {
        jdbc.sql("""
                        INSERT INTO administrative_unit (code, level, name, parent_code, geom, geometry_source)
                        VALUES (?, ?, ?, ?, ST_Multi(ST_MakeEnvelope(96.0, 36.0, 96.2, 36.2, 4490)), 'generated')
                        ON CONFLICT (code) DO NOTHING
                        """)
                .params(code, level, name, parent)
                .update();
    }

    private static void grid(JdbcClient jdbc, String code, String name, String village) {
        jdbc.sql("""
                        INSERT INTO grid (code, name, kind, village_code, geom, source)
                        VALUES (?, ?, 'basic', ?, ST_Multi(ST_MakeEnvelope(96.0, 36.0, 96.2, 36.2, 4490)), 'drawn')
                        ON CONFLICT (code) DO NOTHING
                        """)
                .params(code, name, village)
                .update();
    }

    /** Inserts an incident unless its tracking code exists, and returns its id. */
    private static long incident(JdbcClient jdbc, String trackingCode, String gridCode, String department,
                                 String status, int reopenCount, String reportedAt, String acceptedAt,
                                 String handlingDeadline, String closedAt) {
        jdbc.sql("""
                        INSERT INTO incident (tracking_code, location, reported_lon, reported_lat, reported_crs,
                                              category_code, description, urgency, channel, grid_id, grid_version,
                                              village_code, department_code, handler_route_code, status,
                                              rejection_reason, reported_at, assign_deadline, handling_deadline,
                                              updated_at, handling_counted_from, accepted_at, closed_at,
                                              reopen_count)
                        SELECT :tracking, ST_SetSRID(ST_MakePoint(96.1, 36.1), 4490), 96.1, 36.1, 'cgcs2000',
                               '0501', '指标测试事件', 'ordinary', 'app', g.id, g.version,
                               g.village_code, :department, 'department', CAST(:status AS text),
                               CASE WHEN CAST(:status AS text) = 'rejected' THEN 'other' END,
                               CAST(:reported AS timestamptz), CAST(:reported AS timestamptz) + interval '2 hours',
                               CAST(:deadline AS timestamptz), CAST(:reported AS timestamptz),
                               CAST(:reported AS timestamptz), CAST(:accepted AS timestamptz),
                               CAST(:closed AS timestamptz), CAST(:reopens AS integer)
                          FROM grid g
                         WHERE g.code = :grid
                        ON CONFLICT (tracking_code) DO NOTHING
                        """)
                .param("tracking", trackingCode)
                .param("department", department)
                .param("status", status)
                .param("reported", time(reportedAt))
                .param("deadline", time(handlingDeadline))
                .param("accepted", time(acceptedAt))
                .param("closed", time(closedAt))
                .param("reopens", reopenCount)
                .param("grid", gridCode)
                .update();
        return jdbc.sql("SELECT id FROM incident WHERE tracking_code = ?").param(trackingCode).query(Long.class)
                .single();
    }

    /** Inserts a rating unless the incident already has one at that time. */
    private static void rating(JdbcClient jdbc, long incidentId, int score, String ratedAt) {
        jdbc.sql("""
                        INSERT INTO incident_rating (incident_id, score, rated_at)
                        SELECT CAST(:incident AS bigint), CAST(:score AS smallint), CAST(:rated AS timestamptz)
                         WHERE NOT EXISTS (SELECT 1 FROM incident_rating
                                            WHERE incident_id = :incident AND rated_at = CAST(:rated AS timestamptz))
                        """)
                .param("incident", incidentId)
                .param("score", score)
                .param("rated", time(ratedAt))
                .update();
    }

    private static OffsetDateTime time(String text) {
        return text == null ? null : OffsetDateTime.parse(text);
    }
}
