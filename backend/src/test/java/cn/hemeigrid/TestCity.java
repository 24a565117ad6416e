package cn.hemeigrid;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A test county far from Huizhou (codes 97xxxx, in Qinghai) for tests that need committed data,
 * such as HTTP calls and the escalation job. It hangs under the real city 441300000000, so the
 * city's outline and the map's extent stay Huizhou's, and has one township, one
 * village/community and a single basic grid covering the square 95.0–95.2° E, 36.0–36.2° N.
 *
 * <p>The rows are committed and stay until the next test run empties the database, because
 * the incidents reported in it have append-only history that cannot be deleted. Inserting is
 * idempotent, so every test class may call {@link #insert}.
 */
public final class TestCity {

    public static final String CITY = "441300000000";
    public static final String COUNTY = "970100000000";
    public static final String TOWNSHIP = "970100001000";
    public static final String VILLAGE = "970100001001";
    public static final String GRID = "970100001001001";

    /** A point inside the grid. */
    public static final double LON = 95.1;
    public static final double LAT = 36.1;

    private TestCity() {
    }

    public static void insert(JdbcClient jdbc) {
        unit(jdbc, COUNTY, "county", "测试区", CITY);
        unit(jdbc, TOWNSHIP, "township", "测试街道", COUNTY);
        unit(jdbc, VILLAGE, "village", "测试社区居委会", TOWNSHIP);
        jdbc.sql("""
                        INSERT INTO grid (code, name, kind, village_code, geom, source)
                        VALUES (?, '测试社区第1网格', 'basic', ?, ST_Multi(ST_MakeEnvelope(95.0, 36.0, 95.2, 36.2, 4490)), 'drawn')
                        ON CONFLICT (code) DO NOTHING
                        """)
                .params(GRID, VILLAGE)
                .update();
    }

    private static void unit(JdbcClient jdbc, String code, String level, String name, String parent) {
        jdbc.sql("""
                        INSERT INTO administrative_unit (code, level, name, parent_code, geom, geometry_source)
                        VALUES (?, ?, ?, ?, ST_Multi(ST_MakeEnvelope(95.0, 36.0, 95.2, 36.2, 4490)), 'generated')
                        ON CONFLICT (code) DO NOTHING
                        """)
                .params(code, level, name, parent)
                .update();
    }
}
