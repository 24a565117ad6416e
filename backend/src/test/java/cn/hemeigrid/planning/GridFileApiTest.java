package cn.hemeigrid.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.WKTReader;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hemeigrid.ApiClient;
import cn.hemeigrid.PostgisTest;
import cn.hemeigrid.geo.GaussKruger;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.features.user.FeatureDao;
import tools.jackson.databind.JsonNode;

/**
 * Grid export and import over HTTP on a test village of 10 × 10 cells. Imports with
 * commit=true commit, so the village is deleted after every test.
 */
@PostgisTest
class GridFileApiTest extends VillageApiTest {

    @Override
    TestVillage newVillage(JdbcClient jdbc) {
        return new TestVillage(jdbc, "93", 113.30, 21.30);
    }

    @Test
    void geoJsonExportReimportsAsImported() {
        village.insertGrid(1, village.cells(0, 0, 5, 10));
        village.insertGrid(2, village.cells(5, 0, 5, 10));
        insertDedicatedGrid(3, village.cells(1, 1, 2, 2));

        ApiClient.Response exported = api.get("/api/v1/planning/export?unit=" + village.townshipCode()
                + "&format=geojson");

        assertThat(exported.status()).isEqualTo(200);
        assertThat(exported.contentType()).startsWith("application/geo+json");
        JsonNode features = exported.json().get("features");
        assertThat(features).hasSize(3);
        JsonNode dedicated = features.get(2).get("properties");
        assertThat(dedicated.get("code").asString()).isEqualTo(village.gridCode(3));
        assertThat(dedicated.get("kind").asString()).isEqualTo("dedicated");
        assertThat(dedicated.get("dedicatedType").asString()).isEqualTo("school");
        assertThat(dedicated.get("villageCode").asString()).isEqualTo(village.villageCode());
        assertThat(dedicated.get("version").asInt()).isEqualTo(1);
        assertThat(dedicated.get("source").asString()).isEqualTo("generated");

        deleteGrids();
        ApiClient.Response imported = importFile("geojson", "cgcs2000", true, exported.text());

        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        assertThat(imported.json().get("created")).extracting(JsonNode::asString)
                .containsExactly(village.gridCode(1), village.gridCode(2), village.gridCode(3));
        assertThat(jdbc.sql("SELECT DISTINCT source FROM grid WHERE village_code = ?").param(village.villageCode())
                .query(String.class).list()).containsExactly("imported");
        assertThat(jdbc.sql("SELECT count(*) FROM grid_version WHERE village_code = ? AND change = 'created'")
                .param(village.villageCode()).query(Integer.class).single()).isEqualTo(3);
        JsonNode again = api.get("/api/v1/planning/export?unit=" + village.villageCode() + "&format=geojson").json();
        assertThat(again.at("/features/2/properties/dedicatedType").asString()).isEqualTo("school");
        assertThat(again.at("/features/0/geometry")).isEqualTo(features.get(0).get("geometry"));
    }

    @Test
    void csvExportReimportsWithSameShapes() throws Exception {
        village.insertGrid(1, village.cells(0, 0, 5, 10));
        village.insertGrid(2, village.cells(5, 0, 5, 10));

        ApiClient.Response exported = api.get("/api/v1/planning/export?unit=" + village.countyCode() + "&format=csv");

        assertThat(exported.status()).isEqualTo(200);
        assertThat(exported.contentType()).startsWith("text/csv").contains("UTF-8");
        List<CSVRecord> rows = csvRows(exported.text());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("name")).isEqualTo("测试社区第1网格");
        assertThat(rows.get(0).get("wkt")).startsWith("MULTIPOLYGON");

        deleteGrids();
        ApiClient.Response imported = importFile("csv", null, true, exported.text());

        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        assertThat(imported.json().get("created")).hasSize(2);
        List<CSVRecord> again = csvRows(api.get("/api/v1/planning/export?unit=" + village.villageCode()
                + "&format=csv").text());
        assertThat(again.get(1).get("wkt")).isEqualTo(rows.get(1).get("wkt"));
        assertThat(again.get(1).get("source")).isEqualTo("imported");
    }

    @Test
    void kmlExportReimportsWithSameShapes() {
        village.insertGrid(1, village.cells(0, 0, 5, 10));
        village.insertGrid(2, village.cells(5, 0, 5, 10));
        insertDedicatedGrid(3, village.cells(1, 1, 2, 2));
        JsonNode before = api.get("/api/v1/planning/export?unit=" + village.villageCode() + "&format=geojson").json();

        ApiClient.Response exported = api.get("/api/v1/planning/export?unit=" + village.townshipCode()
                + "&format=kml");

        assertThat(exported.status()).isEqualTo(200);
        assertThat(exported.contentType()).startsWith("application/vnd.google-earth.kml+xml");
        assertThat(exported.text()).contains("<kml xmlns=\"http://www.opengis.net/kml/2.2\">")
                .contains("<Data name=\"dedicatedType\"><value>school</value></Data>")
                .contains("<name>测试社区第1网格</name>");

        deleteGrids();
        ApiClient.Response imported = importFile("kml", "wgs84", true, exported.text());

        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        assertThat(imported.json().get("created")).extracting(JsonNode::asString)
                .containsExactly(village.gridCode(1), village.gridCode(2), village.gridCode(3));
        JsonNode after = api.get("/api/v1/planning/export?unit=" + village.villageCode() + "&format=geojson").json();
        for (int i = 0; i < 3; i++) {
            assertThat(after.at("/features/" + i + "/geometry")).as("feature %d", i)
                    .isEqualTo(before.at("/features/" + i + "/geometry"));
        }
        assertThat(after.at("/features/2/properties/kind").asString()).isEqualTo("dedicated");
        assertThat(after.at("/features/2/properties/dedicatedType").asString()).isEqualTo("school");
        assertThat(after.at("/features/0/properties/name").asString()).isEqualTo("测试社区第1网格");
        assertThat(after.at("/features/0/properties/source").asString()).isEqualTo("imported");
    }

    @Test
    void kmlDryRunReadsMultiGeometryAndName() {
        String multiGeometry = "<MultiGeometry>" + kmlPolygon(0, 0, 2, 2) + kmlPolygon(3, 0, 2, 2) + "</MultiGeometry>";
        String kml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>"
                + "<Placemark><name>东片</name><ExtendedData><SchemaData schemaUrl=\"#grids\">"
                + "<SimpleData name=\"code\">" + village.gridCode(1) + "</SimpleData></SchemaData></ExtendedData>"
                + multiGeometry + "</Placemark>"
                + "<Placemark><ExtendedData><Data name=\"code\"><value>" + village.gridCode(2) + "</value></Data>"
                + "</ExtendedData><Point><coordinates>113.3,21.3</coordinates></Point></Placemark>"
                + "<Placemark><ExtendedData><Data name=\"code\"><value>" + village.gridCode(3) + "</value></Data>"
                + "</ExtendedData><Polygon><outerBoundaryIs><LinearRing><coordinates>113.3,21.3 abc"
                + "</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>"
                + "</Document></kml>";

        ApiClient.Response response = importFile("kml", null, false, kml);

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode listed = response.json().get("features");
        assertThat(listed).hasSize(3);
        assertThat(listed.get(0).get("accepted").asBoolean()).as(listed.get(0).toString()).isTrue();
        assertThat(listed.get(0).get("name").asString()).isEqualTo("东片");
        assertThat(kinds(listed.get(1))).containsExactly("unsupported-type");
        assertThat(kinds(listed.get(2))).containsExactly("kml-coordinates-unreadable");
        assertThat(messages(listed.get(2)).get(0)).contains("coordinates");
        assertThat(gridCount()).isZero();
    }

    @Test
    void malformedKmlGetsChinese400() {
        String unclosed = "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Placemark><name>坏</name></kml>";
        String notKml = "<gpx><trk/></gpx>";
        String valid = "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Placemark>" + kmlPolygon(0, 0, 1, 1)
                + "</Placemark></kml>";

        ApiClient.Response unclosedResponse = importFile("kml", null, false, unclosed);
        ApiClient.Response notKmlResponse = importFile("kml", null, false, notKml);
        ApiClient.Response gcj02Response = importFile("kml", "gcj02", false, valid);

        assertThat(unclosedResponse.status()).isEqualTo(400);
        assertThat(unclosedResponse.json().get("detail").asString()).contains("无法读取 KML 文件");
        assertThat(notKmlResponse.status()).isEqualTo(400);
        assertThat(notKmlResponse.json().get("detail").asString()).contains("根元素是 kml");
        assertThat(gcj02Response.status()).isEqualTo(400);
        assertThat(gcj02Response.json().get("detail").asString()).contains("WGS84").contains("gcj02");
    }

    @Test
    void kmlWithExternalEntityRejected() throws Exception {
        java.nio.file.Path secret = java.nio.file.Files.createTempFile("hemei-xxe", ".txt");
        try {
            java.nio.file.Files.writeString(secret, "SECRET-CONTENT");
            String kml = "<?xml version=\"1.0\"?>\n<!DOCTYPE kml [<!ENTITY leak SYSTEM \"" + secret.toUri() + "\">]>\n"
                    + "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Placemark><name>&leak;</name>"
                    + kmlPolygon(0, 0, 1, 1) + "</Placemark></kml>";

            ApiClient.Response response = importFile("kml", null, false, kml);

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().get("detail").asString()).contains("DOCTYPE");
            assertThat(response.text()).doesNotContain("SECRET-CONTENT");
        } finally {
            java.nio.file.Files.delete(secret);
        }
    }

    @Test
    void geoPackageExportReimportsWithSameShapes() throws Exception {
        village.insertGrid(1, village.cells(0, 0, 5, 10));
        village.insertGrid(2, village.cells(5, 0, 5, 10));
        insertDedicatedGrid(3, village.cells(1, 1, 2, 2));
        JsonNode before = api.get("/api/v1/planning/export?unit=" + village.villageCode() + "&format=geojson").json();

        HttpResponse<byte[]> exported = api.getBytes("/api/v1/planning/export?unit=" + village.villageCode()
                + "&format=gpkg");

        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.headers().firstValue("Content-Type")).hasValue("application/geopackage+sqlite3");
        Path copy = Files.createTempFile("grid-file-test-", ".gpkg");
        try {
            Files.write(copy, exported.body());
            try (GeoPackage geoPackage = GeoPackageManager.open(copy.toFile())) {
                assertThat(geoPackage.getFeatureTables()).containsExactly("grids");
                FeatureDao dao = geoPackage.getFeatureDao("grids");
                assertThat(dao.getSrs().getOrganizationCoordsysId()).isEqualTo(4490);
                assertThat(dao.count()).isEqualTo(3);
            }
        } finally {
            Files.delete(copy);
        }

        deleteGrids();
        long temporaryFilesBefore = temporaryImportFiles();
        ApiClient.Response imported = importBytes("gpkg", null, true, exported.body());

        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        assertThat(imported.json().get("created")).extracting(JsonNode::asString)
                .containsExactly(village.gridCode(1), village.gridCode(2), village.gridCode(3));
        assertThat(temporaryImportFiles()).as("temporary files left").isEqualTo(temporaryFilesBefore);
        JsonNode after = api.get("/api/v1/planning/export?unit=" + village.villageCode() + "&format=geojson").json();
        for (int i = 0; i < 3; i++) {
            assertThat(after.at("/features/" + i + "/geometry")).as("feature %d", i)
                    .isEqualTo(before.at("/features/" + i + "/geometry"));
        }
        assertThat(after.at("/features/2/properties/dedicatedType").asString()).isEqualTo("school");
        assertThat(after.at("/features/0/properties/name").asString()).isEqualTo("测试社区第1网格");
    }

    @Test
    void nonGeoPackageGetsChinese400() {
        byte[] text = "code,name,wkt\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] damagedSqlite = new byte[4096];
        byte[] header = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, damagedSqlite, 0, header.length);
        long temporaryFilesBefore = temporaryImportFiles();

        ApiClient.Response textResponse = importBytes("gpkg", null, false, text);
        ApiClient.Response damagedResponse = importBytes("gpkg", null, false, damagedSqlite);
        ApiClient.Response gcj02Response = importBytes("gpkg", "gcj02", false, damagedSqlite);

        assertThat(textResponse.status()).isEqualTo(400);
        assertThat(textResponse.json().get("detail").asString()).contains("无法读取 GeoPackage 文件");
        assertThat(damagedResponse.status()).isEqualTo(400);
        assertThat(damagedResponse.json().get("detail").asString()).contains("无法读取 GeoPackage 文件");
        assertThat(gcj02Response.status()).isEqualTo(400);
        assertThat(gcj02Response.json().get("detail").asString()).contains("gcj02");
        assertThat(temporaryImportFiles()).as("temporary files left").isEqualTo(temporaryFilesBefore);
    }

    @Test
    void exportOrientsRingsPerRfc7946() throws Exception {
        String clockwiseShellCounterClockwiseHole = String.format(Locale.ROOT,
                "POLYGON((%1$.4f %2$.4f, %1$.4f %4$.4f, %3$.4f %4$.4f, %3$.4f %2$.4f, %1$.4f %2$.4f),"
                        + " (%5$.4f %6$.4f, %7$.4f %6$.4f, %7$.4f %8$.4f, %5$.4f %8$.4f, %5$.4f %6$.4f))",
                village.west(), village.south(), village.west() + 0.005, village.south() + 0.005,
                village.west() + 0.001, village.south() + 0.001, village.west() + 0.002, village.south() + 0.002);
        village.insertGrid(1, clockwiseShellCounterClockwiseHole);

        JsonNode polygon = api.get("/api/v1/planning/export?unit=" + village.villageCode() + "&format=geojson")
                .json().at("/features/0/geometry/coordinates/0");
        String wkt = csvRows(api.get("/api/v1/planning/export?unit=" + village.villageCode() + "&format=csv").text())
                .get(0).get("wkt");

        assertThat(polygon).hasSize(2);
        assertThat(Orientation.isCCW(ring(polygon.get(0)))).as("GeoJSON shell").isTrue();
        assertThat(Orientation.isCCW(ring(polygon.get(1)))).as("GeoJSON hole").isFalse();
        Polygon fromCsv = (Polygon) new WKTReader().read(wkt).getGeometryN(0);
        assertThat(Orientation.isCCW(fromCsv.getExteriorRing().getCoordinates())).as("WKT shell").isTrue();
        assertThat(Orientation.isCCW(fromCsv.getInteriorRingN(0).getCoordinates())).as("WKT hole").isFalse();
    }

    @Test
    void exportAsOfDateUsesHistory() {
        village.insertGrid(1, village.cells(0, 0, 5, 10));
        LocalDate todayInChina = LocalDate.now(ZoneOffset.ofHours(8));
        String path = "/api/v1/planning/export?unit=" + village.villageCode() + "&format=geojson&asOf=";

        JsonNode yesterday = api.get(path + todayInChina.minusDays(1)).json();
        JsonNode today = api.get(path + todayInChina).json();

        assertThat(yesterday.get("features")).isEmpty();
        assertThat(today.get("features")).hasSize(1);
        assertThat(today.at("/features/0/properties/version").asInt()).isEqualTo(1);
    }

    @Test
    void dryRunListsEachProblem() {
        village.insertGrid(50, village.cells(8, 8, 2, 2));
        String otherVillageCode = "930100001002001";
        String huizhouSwapped = "{\"type\":\"Polygon\",\"coordinates\":[[[23.08,114.41],[23.08,114.42],"
                + "[23.09,114.42],[23.09,114.41],[23.08,114.41]]]}";
        String features = String.join(",",
                feature(village.gridCode(1), multiPolygon(0, 0, 3, 3)),
                feature(null, village.cellsGeoJson(3, 0, 1, 1)),
                feature(village.gridCode(1), village.cellsGeoJson(4, 0, 1, 1)),
                feature(village.gridCode(50), village.cellsGeoJson(5, 0, 1, 1)),
                feature(village.gridCode(5), village.cellsGeoJson(8, 8, 1, 1)),
                "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + otherVillageCode + "\",\"villageCode\":\""
                        + village.villageCode() + "\"},\"geometry\":" + village.cellsGeoJson(6, 0, 1, 1) + "}",
                feature(village.gridCode(7), village.cellsGeoJson(9, 0, 3, 1)),
                feature(village.gridCode(8), village.cellsGeoJson(2, 2, 2, 2)),
                feature(village.gridCode(9), bowTie(0, 5)),
                feature(village.gridCode(10), "{\"type\":\"Polygon\",\"coordinates\":[[[NaN,21.3],[113.3,21.3],"
                        + "[113.3,21.301],[NaN,21.3]]]}"),
                feature(village.gridCode(11), "{\"type\":\"Polygon\",\"coordinates\":[]}"),
                feature(village.gridCode(12), huizhouSwapped));

        ApiClient.Response response = importFile("geojson", "cgcs2000", false,
                "{\"type\":\"FeatureCollection\",\"features\":[" + features + "]}");

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("valid").asBoolean()).isFalse();
        assertThat(report.get("committed").asBoolean()).isFalse();
        JsonNode listed = report.get("features");
        assertThat(listed).hasSize(12);
        assertThat(listed.get(0).get("accepted").asBoolean()).as("MultiPolygon accepted").isTrue();
        assertThat(kinds(listed.get(1))).contains("code-missing");
        assertThat(kinds(listed.get(2))).contains("code-repeated");
        assertThat(kinds(listed.get(3))).contains("code-taken-active");
        assertThat(kinds(listed.get(4))).containsExactly("overlap");
        assertThat(kinds(listed.get(5))).contains("code-other-village");
        assertThat(kinds(listed.get(6))).containsExactly("outside-village");
        assertThat(kinds(listed.get(7))).containsExactly("overlap");
        assertThat(messages(listed.get(7))).anyMatch(message -> message.contains(village.gridCode(1)));
        assertThat(kinds(listed.get(8))).contains("self-intersection");
        assertThat(kinds(listed.get(9))).containsExactly("non-finite");
        assertThat(kinds(listed.get(10))).containsExactly("empty");
        assertThat(kinds(listed.get(11))).containsExactly("swapped-lon-lat");
        assertThat(listed.get(11).get("index").asInt()).isEqualTo(12);
        assertThat(messages(listed.get(11)).get(0)).contains("经纬度似乎填反了");
        assertThat(findingFeatureNames(report, "non-finite")).containsExactly(village.gridCode(10));
        assertThat(gridCount()).isEqualTo(1);
    }

    @Test
    void csvDryRunNamesRowProblems() {
        String csv = "\uFEFFcode,name,wkt\r\n"
                + village.gridCode(1) + ",好,\"" + village.cells(0, 0, 2, 2) + "\"\r\n"
                + village.gridCode(2) + ",坏,POLYGON((1 2, 3\r\n"
                + village.gridCode(3) + ",空,POLYGON EMPTY\r\n"
                + village.gridCode(4) + ",非数,\"POLYGON((NaN 21.3, 113.3 21.3, 113.3 21.301, NaN 21.3))\"\r\n"
                + village.gridCode(5) + ",反,\"POLYGON((23.08 114.41, 23.09 114.41, 23.09 114.42, 23.08 114.41))\"\r\n";

        JsonNode report = importFile("csv", "wgs84", false, csv).json();

        JsonNode listed = report.get("features");
        assertThat(listed).hasSize(5);
        assertThat(listed.get(0).get("accepted").asBoolean()).isTrue();
        assertThat(kinds(listed.get(1))).containsExactly("wkt-unreadable");
        assertThat(kinds(listed.get(2))).containsExactly("empty");
        assertThat(kinds(listed.get(3))).containsExactly("non-finite");
        assertThat(kinds(listed.get(4))).containsExactly("swapped-lon-lat");
        assertThat(listed.get(4).get("index").asInt()).isEqualTo(5);
        assertThat(findingFeatureNames(report, "swapped-lon-lat")).containsExactly(village.gridCode(5));
    }

    @Test
    void commitStoresNothingWhenOneFeatureFails() {
        String good = feature(village.gridCode(1), village.cellsGeoJson(0, 0, 5, 10));
        String overlapping = feature(village.gridCode(2), village.cellsGeoJson(4, 0, 6, 10));

        ApiClient.Response rejected = importFile("geojson", null, true,
                "{\"type\":\"FeatureCollection\",\"features\":[" + good + "," + overlapping + "]}");

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        assertThat(rejected.json().get("detail").asString()).contains("未导入任何网格");
        assertThat(rejected.json().at("/features/0/accepted").asBoolean()).isTrue();
        assertThat(kinds(rejected.json().at("/features/1"))).containsExactly("overlap");
        assertThat(rejected.json().at("/problems/features/0/properties/feature").asString())
                .isEqualTo(village.gridCode(2));
        assertThat(gridCount()).isZero();
    }

    @Test
    void gaussKrugerCsvImportsInCgcs2000() {
        GaussKruger gaussKruger = new GaussKruger();
        double[][] corners = {{0, 0}, {0.005, 0}, {0.005, 0.01}, {0, 0.01}, {0, 0}};
        List<String> positions = new ArrayList<>();
        for (double[] corner : corners) {
            Coordinate metres = gaussKruger.project(new Coordinate(village.west() + corner[0],
                    village.south() + corner[1]));
            positions.add(String.format(Locale.ROOT, "%.3f %.3f", metres.x, metres.y));
        }
        String csv = "code,name,wkt\r\n" + village.gridCode(1) + ",东片,\"POLYGON((" + String.join(", ", positions)
                + "))\"\r\n";

        ApiClient.Response imported = importFile("csv", "epsg:4547", true, csv);

        assertThat(imported.status()).as(imported.text()).isEqualTo(200);
        double area = jdbc.sql("SELECT ST_Area(ST_Transform(geom, 4547)) FROM grid WHERE code = ?")
                .param(village.gridCode(1)).query(Double.class).single();
        double expected = jdbc.sql("SELECT ST_Area(ST_Transform(ST_GeomFromText(?, 4490), 4547))")
                .param(village.cells(0, 0, 5, 10)).query(Double.class).single();
        assertThat(area).isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(0.1));
        assertThat(jdbc.sql("SELECT name FROM grid WHERE code = ?").param(village.gridCode(1)).query(String.class)
                .single()).isEqualTo("东片");
    }

    @Test
    void badParametersGetChinese4xx() {
        String export = "/api/v1/planning/export?format=geojson&unit=";

        ApiClient.Response badUnit = api.get(export + "12345");
        ApiClient.Response unknownUnit = api.get(export + "930199999999");
        ApiClient.Response cityUnit = api.get(export + village.cityCode());
        ApiClient.Response badFormat = api.get("/api/v1/planning/export?format=dwg&unit=" + village.villageCode());
        ApiClient.Response badDate = api.get(export + village.villageCode() + "&asOf=2026-13-40");
        ApiClient.Response badCrs = importFile("geojson", "epsg:1", false,
                "{\"type\":\"FeatureCollection\",\"features\":[]}");
        ApiClient.Response noWkt = importFile("csv", null, false, "code,name\r\n1,2\r\n");
        ApiClient.Response empty = importFile("geojson", null, false, "{\"type\":\"FeatureCollection\",\"features\":[]}");

        assertThat(badUnit.status()).isEqualTo(400);
        assertThat(badUnit.json().get("detail").asString()).contains("12 位代码");
        assertThat(unknownUnit.status()).isEqualTo(404);
        assertThat(cityUnit.status()).isEqualTo(400);
        assertThat(badFormat.status()).isEqualTo(400);
        assertThat(badFormat.json().get("detail").asString()).contains("未知的文件格式");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().get("detail").asString()).contains("asOf");
        assertThat(badCrs.status()).isEqualTo(400);
        assertThat(badCrs.json().get("detail").asString()).contains("未知的坐标系");
        assertThat(noWkt.status()).isEqualTo(400);
        assertThat(noWkt.json().get("detail").asString()).contains("wkt 列");
        assertThat(empty.status()).isEqualTo(400);
    }

    private ApiClient.Response importFile(String format, String crs, boolean commit, String body) {
        String path = "/api/v1/planning/import?format=" + format + "&commit=" + commit + (crs == null ? "" : "&crs=" + crs);
        return api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", switch (format) {
                    case "csv" -> "text/csv";
                    case "kml" -> "application/vnd.google-earth.kml+xml";
                    default -> "application/geo+json";
                })
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private ApiClient.Response importBytes(String format, String crs, boolean commit, byte[] body) {
        String path = "/api/v1/planning/import?format=" + format + "&commit=" + commit + (crs == null ? "" : "&crs=" + crs);
        return api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/geopackage+sqlite3")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Counts the server's temporary GeoPackage files, which the import must delete. */
    private static long temporaryImportFiles() {
        try (java.util.stream.Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(file -> file.getFileName().toString().startsWith("hemei-import-")).count();
        } catch (java.io.IOException failed) {
            throw new java.io.UncheckedIOException(failed);
        }
    }

    private void insertDedicatedGrid(int serial, String wkt) {
        jdbc.sql("""
                        INSERT INTO grid (code, name, kind, dedicated_type, village_code, geom, source)
                        VALUES (?, '测试学校', 'dedicated', 'school', ?, ST_Multi(ST_GeomFromText(?, 4490)), 'generated')
                        """)
                .params(village.gridCode(serial), village.villageCode(), wkt)
                .update();
    }

    /** Deletes the village's grids and their history, so that their codes may be imported again. */
    private void deleteGrids() {
        jdbc.sql("DELETE FROM grid_version WHERE village_code = ?").param(village.villageCode()).update();
        jdbc.sql("DELETE FROM grid WHERE village_code = ?").param(village.villageCode()).update();
    }

    private int gridCount() {
        return jdbc.sql("SELECT count(*) FROM grid WHERE village_code = ?").param(village.villageCode())
                .query(Integer.class).single();
    }

    private static String feature(String code, String geometry) {
        String properties = code == null ? "{\"name\":\"无编码\"}" : "{\"code\":\"" + code + "\"}";
        return "{\"type\":\"Feature\",\"properties\":" + properties + ",\"geometry\":" + geometry + "}";
    }

    private String multiPolygon(int x, int y, int width, int height) {
        String polygon = village.cellsGeoJson(x, y, width, height);
        String rings = polygon.substring(polygon.indexOf("[["), polygon.lastIndexOf("]]") + 2);
        return "{\"type\":\"MultiPolygon\",\"coordinates\":[" + rings + "]}";
    }

    /** Returns a KML Polygon of cells of the test village, with its shell counter-clockwise. */
    private String kmlPolygon(int x, int y, int width, int height) {
        double w = village.west() + x * 0.001;
        double s = village.south() + y * 0.001;
        double e = w + width * 0.001;
        double n = s + height * 0.001;
        return String.format(Locale.ROOT, "<Polygon><outerBoundaryIs><LinearRing><coordinates>"
                + "%1$.4f,%2$.4f,0 %3$.4f,%2$.4f,0\n%3$.4f,%4$.4f,0 %1$.4f,%4$.4f,0 %1$.4f,%2$.4f,0"
                + "</coordinates></LinearRing></outerBoundaryIs></Polygon>", w, s, e, n);
    }

    private String bowTie(int x, int y) {
        double w = village.west() + x * 0.001;
        double s = village.south() + y * 0.001;
        return String.format(Locale.ROOT,
                "{\"type\":\"Polygon\",\"coordinates\":[[[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f]]]}",
                w, s, w + 0.002, s + 0.002, w + 0.002, s, w, s + 0.002, w, s);
    }

    private static List<String> kinds(JsonNode feature) {
        List<String> kinds = new ArrayList<>();
        feature.get("problems").forEach(problem -> kinds.add(problem.get("kind").asString()));
        return kinds;
    }

    private static List<String> messages(JsonNode feature) {
        List<String> messages = new ArrayList<>();
        feature.get("problems").forEach(problem -> messages.add(problem.get("message").asString()));
        return messages;
    }

    private static List<String> findingFeatureNames(JsonNode report, String kind) {
        List<String> names = new ArrayList<>();
        report.at("/findings/features").forEach(finding -> {
            if (finding.at("/properties/kind").asString().equals(kind)) {
                names.add(finding.at("/properties/feature").asString());
            }
        });
        return names;
    }

    private static Coordinate[] ring(JsonNode positions) {
        List<Coordinate> ring = new ArrayList<>();
        positions.forEach(position -> ring.add(new Coordinate(position.get(0).asDouble(), position.get(1).asDouble())));
        return ring.toArray(Coordinate[]::new);
    }

    private static List<CSVRecord> csvRows(String text) throws java.io.IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
    }
}
