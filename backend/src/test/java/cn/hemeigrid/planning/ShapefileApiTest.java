package cn.hemeigrid.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.linuxense.javadbf.DBFDataType;
import com.linuxense.javadbf.DBFField;
import com.linuxense.javadbf.DBFWriter;

import cn.hemeigrid.ApiClient;
import cn.hemeigrid.PostgisTest;
import cn.hemeigrid.geo.GaussKruger;
import cn.hemeigrid.planning.shapefile.DbfTable;
import cn.hemeigrid.planning.shapefile.PrjCrs;
import cn.hemeigrid.planning.shapefile.ShapefileArchive;
import cn.hemeigrid.planning.shapefile.ShpWriter;
import tools.jackson.databind.JsonNode;

/** Zipped Shapefile export and import over HTTP on a test village of 10 × 10 cells. */
@PostgisTest
class ShapefileApiTest extends VillageApiTest {

    @Override
    TestVillage newVillage(JdbcClient jdbc) {
        return new TestVillage(jdbc, "92", 113.20, 21.20);
    }

    @Test
    void exportReimportsWithSameShapes() throws Exception {
        village.insertGrid(1, village.cells(0, 0, 5, 10));
        village.insertGrid(2, "POLYGON((113.205 21.2, 113.21 21.2, 113.21 21.21, 113.205 21.21, 113.205 21.2),"
                + " (113.206 21.201, 113.206 21.202, 113.207 21.202, 113.207 21.201, 113.206 21.201))");
        JsonNode before = api.get("/api/v1/planning/export?unit=" + village.villageCode() + "&format=geojson").json();

        HttpResponse<byte[]> exported = exportShapefile();

        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(exported.headers().firstValue("Content-Disposition").orElse(""))
                .contains("grids-" + village.villageCode() + ".zip");
        Map<String, byte[]> entries = unzip(exported.body());
        String stem = "grids-" + village.villageCode();
        assertThat(entries).containsOnlyKeys(stem + ".shp", stem + ".shx", stem + ".dbf", stem + ".prj", stem + ".cpg");
        assertThat(new String(entries.get(stem + ".cpg"))).isEqualTo("UTF-8");
        assertThat(new String(entries.get(stem + ".prj"))).isEqualTo(PrjCrs.CGCS2000_PRJ);

        deleteGrids();
        ApiClient.Response imported = importZip(null, true, exported.body());

        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        assertThat(imported.json().get("created")).extracting(JsonNode::asString)
                .containsExactly(village.gridCode(1), village.gridCode(2));
        assertThat(imported.json().get("crs").asString()).isEqualTo("cgcs2000");
        assertThat(imported.json().get("fileCrs").asString()).isEqualTo("cgcs2000");
        JsonNode after = api.get("/api/v1/planning/export?unit=" + village.villageCode() + "&format=geojson").json();
        assertThat(after.at("/features/0/geometry")).isEqualTo(before.at("/features/0/geometry"));
        assertThat(after.at("/features/1/geometry")).isEqualTo(before.at("/features/1/geometry"));
        assertThat(after.at("/features/1/properties/name").asString()).isEqualTo("测试社区第2网格");
    }

    @Test
    void multiPolygonRecordImportsAsOneGrid() throws Exception {
        Geometry twoParts = new WKTReader().read("MULTIPOLYGON(" + rings(village.cells(0, 0, 2, 2)) + ", "
                + rings(village.cells(5, 5, 2, 2)) + ")");
        byte[] zip = shapefile(List.of(twoParts), utf8Table(village.gridCode(7), "两块"), PrjCrs.CGCS2000_PRJ, "UTF-8");

        ApiClient.Response dryRun = importZip("cgcs2000", false, zip);
        ApiClient.Response committed = importZip("cgcs2000", true, zip);

        assertThat(dryRun.status()).as(dryRun.text()).isEqualTo(200);
        assertThat(dryRun.json().get("valid").asBoolean()).isTrue();
        assertThat(committed.status()).as(committed.text()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT ST_NumGeometries(geom) FROM grid WHERE code = ?").param(village.gridCode(7))
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void gbkTableWithoutCpgImportsChineseNames() throws Exception {
        Geometry square = new WKTReader().read(village.cells(0, 0, 3, 3));
        ByteArrayOutputStream dbf = new ByteArrayOutputStream();
        DBFWriter writer = new DBFWriter(dbf, Charset.forName("GBK"));
        writer.setFields(new DBFField[] {new DBFField("CODE", DBFDataType.CHARACTER, 15),
                new DBFField("NAME", DBFDataType.CHARACTER, 50)});
        writer.addRecord(new Object[] {village.gridCode(4), "东平社区第四网格"});
        writer.close();
        byte[] zip = shapefile(List.of(square), dbf.toByteArray(), null, null);

        ApiClient.Response imported = importZip(null, true, zip);

        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        assertThat(imported.json().at("/features/0/name").asString()).isEqualTo("东平社区第四网格");
        assertThat(jdbc.sql("SELECT name FROM grid WHERE code = ?").param(village.gridCode(4)).query(String.class)
                .single()).isEqualTo("东平社区第四网格");
    }

    @Test
    void prjSystemUsedUnlessPlannerChoosesOne() throws Exception {
        Geometry metres = new GaussKruger().project(new WKTReader().read(village.cells(0, 0, 4, 4)));
        String prj = "PROJCS[\"CGCS2000_3_Degree_GK_CM_114E\",GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\"],"
                + "PROJECTION[\"Gauss_Kruger\"],UNIT[\"Meter\",1.0]]";
        byte[] zip = shapefile(List.of(metres), utf8Table(village.gridCode(1), "东片"), prj, "UTF-8");

        JsonNode fromPrj = importZip(null, false, zip).json();
        JsonNode chosen = importZip("wgs84", false, zip).json();

        assertThat(fromPrj.get("crs").asString()).isEqualTo("epsg:4547");
        assertThat(fromPrj.get("valid").asBoolean()).as(fromPrj.toString()).isTrue();
        assertThat(chosen.get("crs").asString()).isEqualTo("wgs84");
        assertThat(chosen.get("fileCrs").asString()).isEqualTo("epsg:4547");
        assertThat(chosen.get("valid").asBoolean()).isFalse();
    }

    @Test
    void badZipGetsChinese400() throws Exception {
        Geometry line = new WKTReader().read(village.cells(0, 0, 1, 1));
        byte[] pointFile = shapefile(List.of(line), utf8Table(village.gridCode(1), "点"), null, null);
        // Byte 32 of the .shp header is its shape type: 1 is Point.
        byte[] withPoints = replaceShapeType(pointFile);

        ApiClient.Response notZip = importZip(null, false, "{\"type\":\"FeatureCollection\"}".getBytes());
        ApiClient.Response points = importZip(null, false, withPoints);
        ApiClient.Response noDbf = importZip(null, false,
                new ShapefileArchive("grids", new byte[100], null, null, null, null).write());

        assertThat(notZip.status()).isEqualTo(400);
        assertThat(notZip.json().get("detail").asString()).contains("无法读取 zip 文件");
        assertThat(points.status()).isEqualTo(400);
        assertThat(points.json().get("detail").asString()).contains("Point").contains("面（Polygon）");
        assertThat(noDbf.status()).isEqualTo(400);
        assertThat(noDbf.json().get("detail").asString()).contains(".dbf");
        assertThat(jdbc.sql("SELECT count(*) FROM grid WHERE village_code = ?").param(village.villageCode())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void projectedFileWithoutPrjSuggestsChoosingCrs() throws Exception {
        Geometry metres = new WKTReader().read(
                "POLYGON((543000 2553000, 543300 2553000, 543300 2553300, 543000 2553300, 543000 2553000))");
        byte[] zip = shapefile(List.of(metres), utf8Table(village.gridCode(1), "投影"), null, null);

        ApiClient.Response checked = importZip(null, false, zip);

        assertThat(checked.status()).as(checked.text()).isEqualTo(200);
        JsonNode problem = checked.json().at("/features/0/problems/0");
        assertThat(problem.get("kind").asString()).isEqualTo("out-of-range");
        assertThat(problem.get("message").asString()).contains("投影坐标").contains("选择文件的坐标系");
    }

    @Test
    void zipSentAsFormGetsChinese415() throws Exception {
        Geometry cell = new WKTReader().read(village.cells(0, 0, 1, 1));
        byte[] zip = shapefile(List.of(cell), utf8Table(village.gridCode(1), "表单"), null, null);

        for (String path : List.of("/api/v1/planning/import?format=shp&commit=true",
                "/api/v1/planning/imports?format=shp&commit=true")) {
            ApiClient.Response response = api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(zip)));

            assertThat(response.status()).as(path).isEqualTo(415);
            assertThat(response.json().get("title").asString()).isEqualTo("不支持的内容类型");
            assertThat(response.json().get("detail").asString()).contains("application/octet-stream");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM grid WHERE village_code = ?").param(village.villageCode())
                .query(Integer.class).single()).isZero();
    }

    private HttpResponse<byte[]> exportShapefile() {
        return api.getBytes("/api/v1/planning/export?unit=" + village.villageCode() + "&format=shp");
    }

    private ApiClient.Response importZip(String crs, boolean commit, byte[] zip) {
        String path = "/api/v1/planning/import?format=shp&commit=" + commit + (crs == null ? "" : "&crs=" + crs);
        return api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(zip)));
    }

    private static byte[] shapefile(List<Geometry> shapes, byte[] dbf, String prj, String cpg) {
        ShpWriter.Output geometry = ShpWriter.write(shapes);
        return new ShapefileArchive("grids", geometry.shp(), geometry.shx(), dbf, prj, cpg).write();
    }

    private static byte[] utf8Table(String code, String name) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        columns.put("code", 15);
        columns.put("name", 60);
        return DbfTable.write(columns, List.of(List.of(code, name)));
    }

    private static byte[] replaceShapeType(byte[] zip) throws Exception {
        Map<String, byte[]> entries = unzip(zip);
        byte[] shp = entries.get("grids.shp");
        shp[32] = 1;
        return new ShapefileArchive("grids", shp, entries.get("grids.shx"), entries.get("grids.dbf"), null, null)
                .write();
    }

    /** Returns the rings of a WKT POLYGON, for building a MULTIPOLYGON. */
    private static String rings(String polygon) {
        return polygon.substring(polygon.indexOf('('));
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private void deleteGrids() {
        jdbc.sql("DELETE FROM grid_version WHERE village_code = ?").param(village.villageCode()).update();
        jdbc.sql("DELETE FROM grid WHERE village_code = ?").param(village.villageCode()).update();
    }
}
