package cn.hemeigrid.planning;

import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A test city with one county, township and village/community, placed in the sea south of
 * Guangdong (inside the EPSG:4547 zone, outside Huizhou) so that no real grid interferes.
 * The village is a square of 0.01° (about 1 km) whose south-west corner is ({@code west},
 * {@code south}); {@link #cell} gives squares of 0.001° inside it. Codes start with the
 * two-digit {@code prefix}.
 */
public record TestVillage(JdbcClient jdbc, String prefix, double west, double south) {

    public TestVillage {
        if (!prefix.matches("[0-9]{2}")) {
            throw new IllegalArgumentException("A test village prefix has two digits, got " + prefix);
        }
    }

    static final double SIZE = 0.01;

    public String cityCode() {
        return prefix + "0000000000";
    }

    public String countyCode() {
        return prefix + "0100000000";
    }

    public String townshipCode() {
        return prefix + "0100001000";
    }

    public String villageCode() {
        return prefix + "0100001001";
    }

    public String gridCode(int serial) {
        return villageCode() + String.format("%03d", serial);
    }

    public void insert() {
        insertUnit(cityCode(), "city", "测试市", null, 0.05);
        insertUnit(countyCode(), "county", "测试区", cityCode(), 0.02);
        insertUnit(townshipCode(), "township", "测试街道", countyCode(), 0.01);
        insertUnit(villageCode(), "village", "测试社区", townshipCode(), 0);
    }

    /** Inserts an active basic grid directly, as the data import would. */
    public long insertGrid(int serial, String wkt) {
        return jdbc.sql("""
                        INSERT INTO grid (code, name, kind, village_code, geom, source)
                        VALUES (?, ?, 'basic', ?, ST_Multi(ST_GeomFromText(?, 4490)), 'generated')
                        RETURNING id
                        """)
                .params(gridCode(serial), "测试社区第" + serial + "网格", villageCode(), wkt)
                .query(Long.class)
                .single();
    }

    /** Returns the WKT of a rectangle of cells of 0.001°, counted from the village's south-west corner. */
    public String cells(int x, int y, int width, int height) {
        double w = west + x * 0.001;
        double s = south + y * 0.001;
        double e = w + width * 0.001;
        double n = s + height * 0.001;
        return String.format(Locale.ROOT, "POLYGON((%.7f %.7f, %.7f %.7f, %.7f %.7f, %.7f %.7f, %.7f %.7f))",
                w, s, e, s, e, n, w, n, w, s);
    }

    /** Returns a GeoJSON Polygon of the same rectangle, counter-clockwise. */
    public String cellsGeoJson(int x, int y, int width, int height) {
        double w = west + x * 0.001;
        double s = south + y * 0.001;
        double e = w + width * 0.001;
        double n = s + height * 0.001;
        return String.format(Locale.ROOT,
                "{\"type\":\"Polygon\",\"coordinates\":[[[%.7f,%.7f],[%.7f,%.7f],[%.7f,%.7f],[%.7f,%.7f],[%.7f,%.7f]]]}",
                w, s, e, s, e, n, w, n, w, s);
    }

    /** Deletes everything under the test city, for tests whose requests commit. */
    public void delete() {
        String like = prefix + "%";
        deleteIncidents(like);
        jdbc.sql("""
                        DELETE FROM grid_lineage WHERE predecessor_id IN (SELECT id FROM grid WHERE code LIKE :like)
                                                    OR successor_id IN (SELECT id FROM grid WHERE code LIKE :like)
                        """).param("like", like).update();
        jdbc.sql("DELETE FROM grid_assignment WHERE grid_id IN (SELECT id FROM grid WHERE code LIKE ?)").param(like)
                .update();
        jdbc.sql("DELETE FROM grid_version WHERE code LIKE ?").param(like).update();
        jdbc.sql("DELETE FROM grid WHERE code LIKE ?").param(like).update();
        for (String level : new String[] {"village", "township", "county", "city"}) {
            jdbc.sql("DELETE FROM administrative_unit WHERE code LIKE ? AND level = ?").params(like, level).update();
        }
    }

    /**
     * Deletes the incidents of the test city after the rows that reference them, found in the
     * catalogue so that tables added to the incident workflow later are cleaned too. Such a
     * table may reject deletes with a trigger (an append-only history), so each delete runs in
     * one DO block with the table's user triggers disabled. The ALTER TABLE lock keeps other
     * sessions from seeing the table without its triggers.
     */
    private void deleteIncidents(String like) {
        record Reference(String tableName, String columnName) {
        }
        List<Reference> references = jdbc.sql("""
                        SELECT kcu.table_name, kcu.column_name
                          FROM information_schema.referential_constraints rc
                          JOIN information_schema.key_column_usage kcu
                            ON kcu.constraint_schema = rc.constraint_schema AND kcu.constraint_name = rc.constraint_name
                          JOIN information_schema.key_column_usage pk
                            ON pk.constraint_schema = rc.unique_constraint_schema
                           AND pk.constraint_name = rc.unique_constraint_name
                         WHERE pk.table_schema = current_schema() AND pk.table_name = 'incident'
                        """)
                .query(Reference.class)
                .list();
        // The prefix is two digits (checked in the constructor), so inlining it is safe.
        String ours = "SELECT id FROM incident WHERE village_code LIKE '" + like + "'";
        for (Reference reference : references) {
            String table = reference.tableName();
            String column = reference.columnName();
            if (table.equals("incident")) {
                jdbc.sql("UPDATE incident SET %1$s = NULL WHERE %1$s IN (%2$s)".formatted(column, ours)).update();
                continue;
            }
            jdbc.sql("""
                    DO $$ BEGIN
                        ALTER TABLE %1$s DISABLE TRIGGER USER;
                        DELETE FROM %1$s WHERE %2$s IN (%3$s);
                        ALTER TABLE %1$s ENABLE TRIGGER USER;
                    END $$
                    """.formatted(table, column, ours)).update();
        }
        jdbc.sql("DELETE FROM incident WHERE village_code LIKE ?").param(like).update();
    }

    private void insertUnit(String code, String level, String name, String parent, double margin) {
        jdbc.sql("""
                        INSERT INTO administrative_unit (code, level, name, parent_code, geom, geometry_source)
                        VALUES (?, ?, ?, ?, ST_Multi(ST_MakeEnvelope(?, ?, ?, ?, 4490)), 'generated')
                        """)
                .params(code, level, name, parent, west - margin, south - margin, west + SIZE + margin,
                        south + SIZE + margin)
                .update();
    }
}
