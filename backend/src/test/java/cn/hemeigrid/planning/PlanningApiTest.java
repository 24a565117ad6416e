package cn.hemeigrid.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hemeigrid.ApiClient;
import cn.hemeigrid.PostgisTest;
import tools.jackson.databind.JsonNode;

/**
 * The planning API over HTTP on a test village of 10 × 10 cells. Each request commits, so the
 * village is deleted after every test.
 */
@PostgisTest
class PlanningApiTest extends VillageApiTest {

    @Override
    TestVillage newVillage(JdbcClient jdbc) {
        return new TestVillage(jdbc, "96", 113.60, 21.60);
    }

    @Test
    void splitThenMergeKeepsLineage() {
        ApiClient.Response created = create(village.cellsGeoJson(0, 0, 10, 10));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().at("/grids/0/code").asString()).isEqualTo(village.gridCode(1));

        JsonNode split = post("/api/v1/planning/grids/" + village.gridCode(1) + "/split",
                "{\"version\":1,\"line\":" + line(5, -1, 5, 11) + "}").json();
        assertThat(codes(split.get("grids"))).containsExactly(village.gridCode(2), village.gridCode(3));
        assertThat(split.at("/retired/0/status").asString()).isEqualTo("retired");

        ApiClient.Response merged = post("/api/v1/planning/merges", """
                {"grids": [{"code": "%s", "version": 1}, {"code": "%s", "version": 1}]}
                """.formatted(village.gridCode(2), village.gridCode(3)));
        assertThat(merged.status()).isEqualTo(200);
        assertThat(merged.json().at("/grids/0/code").asString()).isEqualTo(village.gridCode(4));

        JsonNode original = api.get("/api/v1/planning/grids/" + village.gridCode(1) + "/history").json();
        assertThat(original.get("versions")).extracting(v -> v.get("change").asString())
                .containsExactly("created", "split");
        assertThat(original.at("/versions/0/validTo").isNull()).isFalse();
        assertThat(codes(original.get("successors"))).containsExactly(village.gridCode(2), village.gridCode(3));
        JsonNode result = api.get("/api/v1/planning/grids/" + village.gridCode(4) + "/history").json();
        assertThat(codes(result.get("predecessors"))).containsExactly(village.gridCode(2), village.gridCode(3));
        assertThat(result.at("/predecessors/0/change").asString()).isEqualTo("merged");
        assertThat(result.at("/versions/0/areaSquareMetres").asDouble())
                .isCloseTo(original.at("/versions/0/areaSquareMetres").asDouble(), org.assertj.core.data.Offset.offset(1.0));
    }

    @Test
    void staleVersionGets409WithCurrentVersion() {
        create(village.cellsGeoJson(0, 0, 5, 10));
        String reshape = "{\"version\":1,\"geometry\":" + village.cellsGeoJson(0, 0, 6, 10) + "}";
        assertThat(send("PUT", "/api/v1/planning/grids/" + village.gridCode(1) + "/shape", reshape).status())
                .isEqualTo(200);

        ApiClient.Response stale = send("PUT", "/api/v1/planning/grids/" + village.gridCode(1) + "/shape", reshape);
        ApiClient.Response english = send("PUT", "/api/v1/planning/grids/" + village.gridCode(1) + "/shape", reshape,
                "Accept-Language", "en");

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.json().get("currentVersion").asInt()).isEqualTo(2);
        assertThat(stale.json().get("detail").asString()).contains("当前版本为 2");
        assertThat(english.json().get("detail").asString()).contains("the current version is 2");
    }

    @Test
    void bowTieRejectedWithCrossingPoint() {
        double w = village.west();
        double s = village.south();
        String bowTie = String.format(Locale.ROOT,
                "{\"type\":\"Polygon\",\"coordinates\":[[[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f]]]}",
                w, s, w + 0.002, s + 0.002, w + 0.002, s, w, s + 0.002, w, s);

        ApiClient.Response response = create(bowTie);

        assertThat(response.status()).isEqualTo(422);
        JsonNode problem = response.json().at("/problems/features/0");
        assertThat(problem.at("/properties/kind").asString()).isEqualTo("self-intersection");
        assertThat(problem.at("/properties/severity").asString()).isEqualTo("rejected");
        assertThat(problem.at("/geometry/type").asString()).isEqualTo("Point");
        assertThat(problem.at("/geometry/coordinates/0").asDouble()).isCloseTo(w + 0.001, org.assertj.core.data.Offset.offset(1e-7));
        assertThat(problem.at("/geometry/coordinates/1").asDouble()).isCloseTo(s + 0.001, org.assertj.core.data.Offset.offset(1e-7));
        assertThat(problem.at("/properties/message").asString()).contains("自相交");
    }

    @Test
    void nanCoordinatesRejectedWithFeatureNamed() {
        String body = """
                {"geometry": {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "id": "东区第3网格", "properties": {},
                   "geometry": {"type": "Polygon", "coordinates": [[[113.6, 21.6], [113.601, NaN], [113.601, 21.601], [113.6, 21.6]]]}},
                  {"type": "Feature", "properties": {"name": "西区网格"},
                   "geometry": {"type": "Polygon", "coordinates": [[[113.6, 21.6], [113.601, Infinity], [113.601, 21.601], [113.6, 21.6]]]}}]}}
                """;

        ApiClient.Response response = post("/api/v1/planning/validate", body);

        assertThat(response.status()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("valid").asBoolean()).isFalse();
        assertThat(report.at("/findings/features/0/properties/kind").asString()).isEqualTo("non-finite");
        assertThat(report.at("/findings/features/0/properties/feature").asString()).isEqualTo("东区第3网格");
        assertThat(report.at("/findings/features/1/properties/feature").asString()).isEqualTo("西区网格");
        assertThat(report.at("/findings/features/1/properties/message").asString()).contains("Infinity");
    }

    @Test
    void swappedCoordinatesReportedByDryRun() {
        String swapped = String.format(Locale.ROOT,
                "{\"type\":\"Polygon\",\"coordinates\":[[[%.3f,%.3f],[%.3f,%.3f],[%.3f,%.3f],[%.3f,%.3f]]]}",
                village.south(), village.west(), village.south(), village.west() + 0.002,
                village.south() + 0.002, village.west() + 0.002, village.south(), village.west());

        JsonNode report = post("/api/v1/planning/validate", "{\"geometry\":" + swapped + "}").json();

        assertThat(report.get("valid").asBoolean()).isFalse();
        assertThat(report.at("/findings/features/0/properties/kind").asString()).isEqualTo("swapped-lon-lat");
        assertThat(report.at("/findings/features/0/properties/message").asString()).contains("经纬度似乎填反了");
    }

    @Test
    void validateSavesNothing() {
        village.insertGrid(1, village.cells(0, 0, 5, 10));
        String body = "{\"villageCode\":\"" + village.villageCode() + "\",\"geometry\":"
                + village.cellsGeoJson(4, 0, 6, 10) + "}";

        JsonNode report = post("/api/v1/planning/validate", body).json();

        assertThat(report.get("valid").asBoolean()).isFalse();
        assertThat(report.at("/findings/features/0/properties/kind").asString()).isEqualTo("overlap");
        assertThat(report.at("/findings/features/0/properties/areaSquareMetres").asDouble()).isGreaterThan(10_000);
        assertThat(report.at("/shapes/0/accepted").asBoolean()).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM grid WHERE village_code = ?").param(village.villageCode())
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void failedSplitLeavesNothingBehind() {
        create(village.cellsGeoJson(0, 0, 10, 10));
        String tooLong = "长".repeat(GridAttributes.MAX_NAME_LENGTH + 1);

        ApiClient.Response response = post("/api/v1/planning/grids/" + village.gridCode(1) + "/split",
                "{\"version\":1,\"line\":" + line(5, -1, 5, 11) + ",\"names\":[\"西区\",\"" + tooLong + "\"]}");

        assertThat(response.status()).isEqualTo(400);
        JsonNode grid = api.get("/api/v1/planning/grids/" + village.gridCode(1)).json();
        assertThat(grid.get("status").asString()).isEqualTo("active");
        assertThat(grid.get("version").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/planning/grids/" + village.gridCode(2)).status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM grid_lineage l JOIN grid g ON g.id = l.predecessor_id WHERE g.code = ?")
                .param(village.gridCode(1)).query(Integer.class).single()).isZero();
    }

    @Test
    void incidentKeepsRoutedGridVersion() {
        create(village.cellsGeoJson(0, 0, 10, 10));
        String report = String.format(Locale.ROOT, """
                {"lon": %.4f, "lat": %.4f, "category": "0501", "description": "测试占道经营"}
                """, village.west() + 0.003, village.south() + 0.003);
        assertThat(api.postJson("/api/v1/incidents", report).status()).isEqualTo(201);

        send("PUT", "/api/v1/planning/grids/" + village.gridCode(1) + "/shape",
                "{\"version\":1,\"geometry\":" + village.cellsGeoJson(0, 0, 9, 10) + "}");

        Integer routedVersion = jdbc.sql("SELECT grid_version FROM incident WHERE village_code = ?")
                .param(village.villageCode()).query(Integer.class).single();
        Integer gridVersion = jdbc.sql("SELECT version FROM grid WHERE code = ?")
                .param(village.gridCode(1)).query(Integer.class).single();
        assertThat(routedVersion).isEqualTo(1);
        assertThat(gridVersion).isEqualTo(2);
    }

    @Test
    void cornersRouteToOneGridEveryTime() {
        create(village.cellsGeoJson(0, 0, 10, 10));
        post("/api/v1/planning/grids/" + village.gridCode(1) + "/split", "{\"version\":1,\"line\":" + line(5, -1, 5, 11) + "}");
        post("/api/v1/planning/grids/" + village.gridCode(2) + "/split", "{\"version\":1,\"line\":" + line(-1, 5, 6, 5) + "}");
        post("/api/v1/planning/grids/" + village.gridCode(3) + "/split", "{\"version\":1,\"line\":" + line(4, 5, 11, 5) + "}");
        // West half 002 gave 004 (north) and 005 (south); east half 003 gave 006 (north) and 007 (south).

        assertRoutesTo(5, 5, village.gridCode(4));
        assertRoutesTo(0, 0, village.gridCode(5));
        assertRoutesTo(5, 0, village.gridCode(5));
        assertRoutesTo(0, 5, village.gridCode(4));
        assertRoutesTo(10, 10, village.gridCode(6));
        assertRoutesTo(10, 5, village.gridCode(6));
        assertRoutesTo(5, 10, village.gridCode(4));
        assertRoutesTo(10, 0, village.gridCode(7));
    }

    @Test
    void coverageReportsGapAndOverlap() {
        village.insertGrid(1, village.cells(0, 0, 6, 10));
        village.insertGrid(2, village.cells(5, 0, 4, 10));

        JsonNode report = api.get("/api/v1/planning/coverage/" + village.villageCode()).json();
        JsonNode county = api.get("/api/v1/planning/coverage/" + village.countyCode()).json();

        assertThat(report.get("gaps").asInt()).isEqualTo(1);
        assertThat(report.get("overlaps").asInt()).isEqualTo(1);
        assertThat(report.get("gapAreaSquareMetres").asDouble()).isBetween(10 * 11_000.0, 10 * 12_000.0);
        assertThat(report.get("overlapAreaSquareMetres").asDouble()).isBetween(10 * 11_000.0, 10 * 12_000.0);
        assertThat(report.get("toleranceMetres").asDouble()).isEqualTo(0.5);
        assertThat(report.at("/findings/features/0/geometry/type").asString()).isEqualTo("Polygon");
        assertThat(county.get("villages").asInt()).isEqualTo(1);
        assertThat(county.get("gaps").asInt()).isEqualTo(1);
    }

    @Test
    void fullCoverageReportsNothing() {
        village.insertGrid(1, village.cells(0, 0, 5, 10));
        village.insertGrid(2, village.cells(5, 0, 5, 10));

        JsonNode report = api.get("/api/v1/planning/coverage/" + village.townshipCode()).json();

        assertThat(report.get("grids").asInt()).isEqualTo(2);
        assertThat(report.at("/findings/features").size()).isZero();
    }

    @Test
    void layerAsOfShowsGridsBeforeSplit() {
        create(village.cellsGeoJson(0, 0, 10, 10));
        Timestamp beforeSplit = jdbc.sql("SELECT valid_from FROM grid_version WHERE code = ?")
                .param(village.gridCode(1)).query(Timestamp.class).single();
        post("/api/v1/planning/grids/" + village.gridCode(1) + "/split", "{\"version\":1,\"line\":" + line(5, -1, 5, 11) + "}");
        String bbox = String.format(Locale.ROOT, "%.3f,%.3f,%.3f,%.3f", village.west(), village.south(),
                village.west() + 0.01, village.south() + 0.01);

        JsonNode past = api.get("/api/v1/planning/layer?bbox=" + bbox + "&asOf=" + beforeSplit.toInstant()).json();
        JsonNode now = api.get("/api/v1/planning/layer?bbox=" + bbox + "&asOf=2999-01-01").json();

        assertThat(past.get("features")).extracting(f -> f.at("/properties/code").asString())
                .containsExactly(village.gridCode(1));
        assertThat(now.get("features")).extracting(f -> f.at("/properties/code").asString())
                .containsExactly(village.gridCode(2), village.gridCode(3));
    }

    @Test
    void villageViewProposesNextCode() {
        create(village.cellsGeoJson(0, 0, 5, 10));

        JsonNode view = api.get("/api/v1/planning/villages/" + village.villageCode()).json();

        assertThat(view.get("nextGridCode").asString()).isEqualTo(village.gridCode(2));
        assertThat(codes(view.get("grids"))).containsExactly(village.gridCode(1));
        assertThat(view.at("/boundary/type").asString()).isEqualTo("MultiPolygon");
    }

    @Test
    void departmentWorkerAttachedOverHttp() {
        village.insertGrid(1, village.cells(0, 0, 5, 10));
        village.insertGrid(2, village.cells(5, 0, 5, 10));
        ApiClient.Response created = post("/api/v1/planning/workers",
                "{\"name\":\"测试民警\",\"departmentCode\":\"public_security\"}");
        long workerId = created.json().get("id").asLong();

        JsonNode attachment = post("/api/v1/planning/workers/" + workerId + "/grids",
                "{\"villageCode\":\"" + village.villageCode() + "\"}").json();
        JsonNode team = api.get("/api/v1/planning/grids/" + village.gridCode(2) + "/team").json();
        ApiClient.Response unknownWorker = send("PUT", "/api/v1/planning/grids/" + village.gridCode(1) + "/team",
                "{\"members\":[{\"workerId\":-5,\"role\":\"leader\"}]}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(attachment.get("attached")).hasSize(2);
        assertThat(team.at("/members/0/roleName").asString()).isEqualTo("专业网格员");
        assertThat(team.at("/members/0/departmentName").asString()).isNotBlank();
        assertThat(unknownWorker.status()).isEqualTo(422);
        jdbc.sql("DELETE FROM grid_assignment WHERE worker_id = ?").param(workerId).update();
        jdbc.sql("DELETE FROM grid_worker WHERE id = ?").param(workerId).update();
    }

    @Test
    void badInputsGetClear4xx() {
        create(village.cellsGeoJson(0, 0, 5, 10));
        String grid = "/api/v1/planning/grids/" + village.gridCode(1);

        assertThat(post("/api/v1/planning/grids", "{not json").status()).isEqualTo(400);
        assertThat(post("/api/v1/planning/grids", "null").status()).isEqualTo(400);
        assertThat(post("/api/v1/planning/merges", "[]").status()).isEqualTo(400);
        assertThat(post("/api/v1/planning/merges", "{\"grids\":null}").status()).isEqualTo(400);
        assertThat(post(grid + "/split", "{\"version\":1,\"line\":" + line(2, -1, 2, 11) + ",\"codes\":[null, null]}")
                .status()).isEqualTo(400);
        assertThat(post("/api/v1/planning/grids", "{\"villageCode\":\"" + village.villageCode()
                + "\",\"geometry\":\"POLYGON\"}").status()).isEqualTo(422);
        assertThat(send("PUT", grid + "/shape", "{\"geometry\":" + village.cellsGeoJson(0, 0, 4, 10) + "}").status())
                .isEqualTo(400);
        assertThat(send("PUT", "/api/v1/planning/grids/123/shape", "{\"version\":1}").status()).isEqualTo(404);
        assertThat(post("/api/v1/planning/grids", "{\"villageCode\":\"000000000000\",\"geometry\":"
                + village.cellsGeoJson(5, 0, 5, 10) + "}").status()).isEqualTo(422);
        assertThat(send("PATCH", grid, "{\"version\":1,\"kind\":\"tower\"}").status()).isEqualTo(400);
        assertThat(send("PATCH", grid, "{\"version\":1,\"kind\":\"dedicated\"}").status()).isEqualTo(400);
        assertThat(post(grid + "/split", "{\"version\":1,\"line\":{\"type\":\"Point\",\"coordinates\":[1,2]}}").status())
                .isEqualTo(422);
        assertThat(post("/api/v1/planning/merges", "{\"grids\":[{\"code\":\"" + village.gridCode(1) + "\",\"version\":1}]}")
                .status()).isEqualTo(400);
        assertThat(api.get("/api/v1/planning/coverage/" + village.cityCode()).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/planning/coverage/123").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/planning/layer?bbox=1,2,3,4&asOf=yesterday").status()).isEqualTo(400);
        assertThat(post("/api/v1/planning/grids", "{\"villageCode\":\"" + village.villageCode()
                + "\",\"code\":\"12345\",\"geometry\":" + village.cellsGeoJson(5, 0, 5, 10) + "}").status())
                .isEqualTo(400);
    }

    private void assertRoutesTo(int x, int y, String expectedCode) {
        String path = String.format(Locale.ROOT, "/api/v1/route?lon=%.7f&lat=%.7f", village.west() + x * 0.001,
                village.south() + y * 0.001);
        for (int call = 0; call < 5; call++) {
            JsonNode routing = api.get(path).json();

            assertThat(routing.at("/grid/code").asString()).as("call %d at cell corner %d,%d", call, x, y)
                    .isEqualTo(expectedCode);
            assertThat(routing.get("outsideCoverage").asBoolean()).isFalse();
        }
    }

    private ApiClient.Response create(String geometry) {
        return post("/api/v1/planning/grids",
                "{\"villageCode\":\"" + village.villageCode() + "\",\"geometry\":" + geometry + "}");
    }

    private ApiClient.Response post(String path, String body) {
        return api.postJson(path, body);
    }

    private ApiClient.Response send(String method, String path, String body, String... headers) {
        return api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), headers);
    }

    private String line(double x1, double y1, double x2, double y2) {
        return String.format(Locale.ROOT, "{\"type\":\"LineString\",\"coordinates\":[[%.7f,%.7f],[%.7f,%.7f]]}",
                village.west() + x1 * 0.001, village.south() + y1 * 0.001,
                village.west() + x2 * 0.001, village.south() + y2 * 0.001);
    }

    private static List<String> codes(JsonNode grids) {
        List<String> codes = new ArrayList<>();
        grids.forEach(grid -> codes.add(grid.get("code").asString()));
        return codes;
    }
}
