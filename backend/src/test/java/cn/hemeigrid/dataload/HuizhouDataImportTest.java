package cn.hemeigrid.dataload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hemeigrid.PostgisTest;

/**
 * Checks the data that the import loaded into the test database when the shared application
 * context started. Areas are measured in EPSG:4547 (metres). It runs first (see
 * junit-platform.properties) because other test classes commit rows of their own.
 */
@PostgisTest
@Order(1)
class HuizhouDataImportTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HuizhouDataImport dataImport;

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private double maxValue(String sql) {
        Double value = jdbc.sql(sql).query(Double.class).single();
        return value == null ? 0 : value;
    }

    @Test
    void loadsAllAdministrativeUnits() {
        Map<String, Long> byLevel = new TreeMap<>();
        jdbc.sql("SELECT level, count(*) AS n FROM administrative_unit GROUP BY level")
                .query((row, i) -> byLevel.put(row.getString("level"), row.getLong("n"))).list();

        assertThat(byLevel).containsEntry("city", 1L);
        assertThat(byLevel).containsEntry("county", 5L);
        assertThat(byLevel).containsEntry("township", 84L);
        assertThat(byLevel).containsEntry("village", 1364L);
    }

    @Test
    void realOutlinesAreImportedAndFinerUnitsGenerated() {
        assertThat(count("SELECT count(*) FROM administrative_unit WHERE level IN ('city', 'county') "
                + "AND geometry_source <> 'imported'")).isZero();
        assertThat(count("SELECT count(*) FROM administrative_unit WHERE level IN ('township', 'village') "
                + "AND geometry_source <> 'generated'")).isZero();
        assertThat(count("SELECT count(*) FROM administrative_unit WHERE code = '441300000000' AND parent_code IS NULL"))
                .isEqualTo(1);
    }

    @Test
    void everyVillageHasBasicGrids() {
        assertThat(count("""
                SELECT count(*) FROM administrative_unit v
                WHERE v.level = 'village'
                  AND NOT EXISTS (SELECT 1 FROM grid g WHERE g.village_code = v.code AND g.kind = 'basic')
                """)).isZero();
    }

    @Test
    void allGeometriesAreValidMultiPolygons() {
        assertThat(count("SELECT count(*) FROM administrative_unit WHERE NOT ST_IsValid(geom) "
                + "OR GeometryType(geom) <> 'MULTIPOLYGON' OR ST_SRID(geom) <> 4490")).isZero();
        assertThat(count("SELECT count(*) FROM grid WHERE NOT ST_IsValid(geom) "
                + "OR GeometryType(geom) <> 'MULTIPOLYGON' OR ST_SRID(geom) <> 4490")).isZero();
    }

    @Test
    void basicGridsCoverEveryVillageWithoutGaps() {
        double maxGap = maxValue("""
                SELECT max(ST_Area(ST_Transform(ST_Difference(v.geom, grids.geom), 4547)))
                FROM administrative_unit v
                JOIN (SELECT village_code, ST_Union(geom) AS geom FROM grid WHERE kind = 'basic' GROUP BY village_code) grids
                  ON grids.village_code = v.code
                """);

        assertThat(maxGap).as("largest gap in square metres").isLessThan(1.0);
    }

    @Test
    void basicGridsStayInsideTheirVillage() {
        double maxOutside = maxValue("""
                SELECT max(ST_Area(ST_Transform(ST_Difference(g.geom, v.geom), 4547)))
                FROM grid g JOIN administrative_unit v ON v.code = g.village_code
                WHERE g.kind = 'basic'
                """);

        assertThat(maxOutside).as("largest area outside the village in square metres").isLessThan(1.0);
    }

    @Test
    void basicGridsOfVillageDoNotOverlap() {
        double maxOverlap = maxValue("""
                SELECT max(ST_Area(ST_Transform(ST_Intersection(a.geom, b.geom), 4547)))
                FROM grid a JOIN grid b
                  ON a.village_code = b.village_code AND a.code < b.code AND ST_Intersects(a.geom, b.geom)
                WHERE a.kind = 'basic' AND b.kind = 'basic'
                """);

        assertThat(maxOverlap).as("largest overlap in square metres").isLessThan(1.0);
    }

    @Test
    void childUnitsTileTheirParent() {
        double maxDifference = maxValue("""
                SELECT max(ST_Area(ST_Transform(ST_SymDifference(p.geom, children.geom), 4547)))
                FROM administrative_unit p
                JOIN (SELECT parent_code, ST_Union(geom) AS geom FROM administrative_unit
                      WHERE level IN ('township', 'village') GROUP BY parent_code) children
                  ON children.parent_code = p.code
                """);
        double maxOverlap = maxValue("""
                SELECT max(ST_Area(ST_Transform(ST_Intersection(a.geom, b.geom), 4547)))
                FROM administrative_unit a JOIN administrative_unit b
                  ON a.parent_code = b.parent_code AND a.code < b.code AND ST_Intersects(a.geom, b.geom)
                """);

        assertThat(maxDifference).as("largest gap or excess in square metres").isLessThan(1.0);
        assertThat(maxOverlap).as("largest overlap between siblings in square metres").isLessThan(1.0);
    }

    @Test
    void surveyedCentresLieInsideTheirOwnUnit() {
        assertThat(count("SELECT count(*) FROM administrative_unit WHERE centre_source = 'surveyed'"))
                .isEqualTo(70 + 89);
        assertThat(count("SELECT count(*) FROM administrative_unit "
                + "WHERE centre_source = 'surveyed' AND NOT ST_Covers(geom, centre)")).isZero();
    }

    @Test
    void centresSharedWithAnotherVillageAreNotUsed() {
        List<String> sources = jdbc.sql("""
                SELECT centre_source FROM administrative_unit
                WHERE code IN ('441322105206', '441303109217', '441323115208')
                """).query(String.class).list();

        assertThat(sources).containsExactly("generated", "generated", "generated");
    }

    @Test
    void gridCodesExtendTheirVillageCode() {
        assertThat(count("SELECT count(*) FROM grid WHERE code !~ '^[0-9]{15}$' OR left(code, 12) <> village_code"))
                .isZero();
        assertThat(count("SELECT count(*) FROM grid WHERE kind = 'basic' AND name NOT LIKE '%第%网格'")).isZero();
    }

    @Test
    void dedicatedGridsLieWithinTheirVillage() {
        long dedicated = count("SELECT count(*) FROM grid WHERE kind = 'dedicated'");

        assertThat(dedicated).isBetween(20L, 60L);
        assertThat(count("""
                SELECT count(*) FROM grid d JOIN administrative_unit v ON v.code = d.village_code
                WHERE d.kind = 'dedicated' AND NOT ST_Within(d.geom, v.geom)
                """)).isZero();
        assertThat(count("""
                SELECT count(*) FROM grid d
                WHERE d.kind = 'dedicated'
                  AND d.code <= (SELECT max(b.code) FROM grid b WHERE b.village_code = d.village_code AND b.kind = 'basic')
                """)).as("dedicated grids numbered after the basic grids").isZero();
        assertThat(count("SELECT count(*) FROM grid WHERE kind = 'dedicated' AND name NOT LIKE '%专属网格'")).isZero();
    }

    @Test
    void facilitiesLieInsideBasicGrids() {
        assertThat(count("SELECT count(*) FROM facility")).isBetween(200L, 600L);
        assertThat(count("""
                SELECT count(*) FROM facility f
                WHERE NOT EXISTS (SELECT 1 FROM grid g WHERE g.kind = 'basic' AND ST_Covers(g.geom, f.geom))
                """)).isZero();
    }

    @Test
    void everyGridHasFullTeam() {
        long departments = count("SELECT count(DISTINCT department_code) FROM matter_category");

        assertThat(count("""
                SELECT count(*) FROM grid g
                WHERE (SELECT count(*) FROM grid_assignment a WHERE a.grid_id = g.id AND a.role = 'leader') <> 1
                   OR (SELECT count(*) FROM grid_assignment a WHERE a.grid_id = g.id AND a.role = 'full_time') <> 1
                """)).as("grids without exactly one leader and one full-time worker").isZero();
        assertThat(count("""
                SELECT count(*) FROM grid g
                WHERE g.kind = 'basic'
                  AND (SELECT count(*) FROM grid_assignment a WHERE a.grid_id = g.id AND a.role = 'part_time') NOT IN (1, 2)
                """)).as("basic grids without one or two part-time workers").isZero();
        assertThat(count("""
                SELECT count(DISTINCT n) FROM (
                  SELECT count(*) AS n FROM grid_assignment WHERE role = 'professional' GROUP BY grid_id) per_grid
                """)).isEqualTo(1);
        assertThat(count("SELECT max(n) FROM (SELECT count(*) AS n FROM grid_assignment "
                + "WHERE role = 'professional' GROUP BY grid_id) per_grid")).isEqualTo(departments);
        assertThat(count("SELECT count(*) FROM grid_worker WHERE phone IS NOT NULL OR source <> 'generated'")).isZero();
    }

    @Test
    void secondImportSkipsFilledDatabase() {
        long gridsBefore = count("SELECT count(*) FROM grid");

        assertThat(dataImport.importIfEmpty()).isEmpty();
        assertThat(count("SELECT count(*) FROM grid")).isEqualTo(gridsBefore);
    }

    @Test
    void importMatchesFreshInMemoryGeneration() {
        List<String> departments = jdbc.sql("SELECT DISTINCT department_code FROM matter_category")
                .query(String.class).list();
        HuizhouDataset dataset = HuizhouDatasetGenerator.generate(HuizhouSourceReader.fromClasspath().read(), departments);
        WKBWriter wkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN);

        StringBuilder units = new StringBuilder();
        dataset.units().stream().sorted(Comparator.comparing(AdministrativeUnit::code)).forEach(unit ->
                units.append(unit.code()).append(':').append(WKBWriter.toHex(wkb.write(unit.geometry())).toLowerCase()).append(','));
        StringBuilder grids = new StringBuilder();
        dataset.grids().forEach(grid ->
                grids.append(grid.code()).append(':').append(WKBWriter.toHex(wkb.write(grid.geometry())).toLowerCase()).append(','));

        assertThat(jdbc.sql("""
                SELECT md5(string_agg(code || ':' || encode(ST_AsBinary(geom, 'NDR'), 'hex') || ',', '' ORDER BY code))
                FROM administrative_unit
                """).query(String.class).single()).isEqualTo(md5(units.toString()));
        assertThat(jdbc.sql("""
                SELECT md5(string_agg(code || ':' || encode(ST_AsBinary(geom, 'NDR'), 'hex') || ',', '' ORDER BY code))
                FROM grid
                """).query(String.class).single()).isEqualTo(md5(grids.toString()));
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }
}
