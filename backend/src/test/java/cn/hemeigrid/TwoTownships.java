package cn.hemeigrid;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A test county with two townships, A and B, for jurisdiction tests (codes 9703xx, in Qinghai,
 * far from Huizhou and from {@link TestCity}). Each township has one village/community with one
 * basic grid and one facility: A covers 97.0–97.1° E and B 97.1–97.2° E, both 37.0–37.1° N.
 * Like {@link TestCity}, it hangs under the real city, its rows are committed and inserting is
 * idempotent.
 */
public final class TwoTownships {

    public static final String COUNTY = "970300000000";
    public static final String TOWNSHIP_A = "970300001000";
    public static final String VILLAGE_A = "970300001001";
    public static final String GRID_A = "970300001001001";
    public static final String TOWNSHIP_B = "970300002000";
    public static final String VILLAGE_B = "970300002001";
    public static final String GRID_B = "970300002001001";

    /** Points inside grid A and grid B. */
    public static final double LON_A = 97.05;
    public static final double LON_B = 97.15;
    public static final double LAT = 37.05;

    /** A box around both townships, as the {@code bbox} parameter. */
    public static final String BBOX = "96.99,36.99,97.21,37.11";

    private TwoTownships() {
    }

    public static void insert(JdbcClient jdbc) {
        unit(jdbc, COUNTY, "county", "辖区测试区", TestCity.CITY, 97.0, 97.2);
        unit(jdbc, TOWNSHIP_A, "township", "甲街道", COUNTY, 97.0, 97.1);
        unit(jdbc, VILLAGE_A, "village", "甲社区居委会", TOWNSHIP_A, 97.0, 97.1);
        unit(jdbc, TOWNSHIP_B, "township", "乙街道", COUNTY, 97.1, 97.2);
        unit(jdbc, VILLAGE_B, "village", "乙社区居委会", TOWNSHIP_B, 97.1, 97.2);
        grid(jdbc, GRID_A, "甲社区第1网格", VILLAGE_A, 97.0, 97.1);
        grid(jdbc, GRID_B, "乙社区第1网格", VILLAGE_B, 97.1, 97.2);
        facility(jdbc, "甲社区消防栓", LON_A);
        facility(jdbc, "乙社区消防栓", LON_B);
    }

    private static void unit(JdbcClient jdbc, String code, String level, String name, String parent, double west,
                             double east) {
        jdbc.sql("""
                        INSERT INTO administrative_unit (code, level, name, parent_code, geom, geometry_source)
                        VALUES (?, ?, ?, ?, ST_Multi(ST_MakeEnvelope(?, 37.0, ?, 37.1, 4490)), 'generated')
                        ON CONFLICT (code) DO NOTHING
                        """)
                .params(code, level, name, parent, west, east)
                .update();
    }

    private static void grid(JdbcClient jdbc, String code, String name, String village, double west, double east) {
        jdbc.sql("""
                        INSERT INTO grid (code, name, kind, village_code, geom, source)
                        VALUES (?, ?, 'basic', ?, ST_Multi(ST_MakeEnvelope(?, 37.0, ?, 37.1, 4490)), 'drawn')
                        ON CONFLICT (code) DO NOTHING
                        """)
                .params(code, name, village, west, east)
                .update();
    }

    private static void facility(JdbcClient jdbc, String name, double lon) {
        jdbc.sql("""
                        INSERT INTO facility (kind, name, geom, source)
                        SELECT 'fire_hydrant', ?, ST_SetSRID(ST_MakePoint(?, ?), 4490), 'generated'
                         WHERE NOT EXISTS (SELECT 1 FROM facility WHERE name = ?)
                        """)
                .params(name, lon, LAT, name)
                .update();
    }
}
