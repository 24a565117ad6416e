package cn.hemeigrid.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hemeigrid.ApiClient;
import cn.hemeigrid.PostgisTest;
import cn.hemeigrid.TestAccounts;
import cn.hemeigrid.TwoTownships;
import cn.hemeigrid.access.Jurisdiction;

/**
 * A planner account whose stored jurisdiction is township A, signed in over HTTP, against the
 * grids of township B.
 */
@PostgisTest
class PlanningJurisdictionApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void limitToTownshipA() {
        TwoTownships.insert(jdbc);
        api = TestAccounts.signedIn(jdbc, port, new Jurisdiction.Unit(TwoTownships.TOWNSHIP_A), "甲街道规划员",
                "planner");
    }

    @Test
    void readsOfOtherTownshipAreForbidden() {
        assertThat(api.get("/api/v1/planning/grids/" + TwoTownships.GRID_B).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/planning/grids/" + TwoTownships.GRID_B + "/history").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/planning/grids/" + TwoTownships.GRID_B + "/team").status()).isEqualTo(403);
        assertThat(api.get("/api/v1/planning/villages/" + TwoTownships.VILLAGE_B).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/planning/coverage/" + TwoTownships.TOWNSHIP_B).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/planning/coverage/" + TwoTownships.COUNTY).status()).isEqualTo(403);
    }

    @Test
    void readsOfOwnTownshipAreServed() {
        assertThat(api.get("/api/v1/planning/grids/" + TwoTownships.GRID_A).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/planning/villages/" + TwoTownships.VILLAGE_A).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/planning/coverage/" + TwoTownships.TOWNSHIP_A).status()).isEqualTo(200);
    }

    @Test
    void forbiddenAnswerNamesTheGridInChinese() {
        ApiClient.Response response = api.get("/api/v1/planning/grids/" + TwoTownships.GRID_B, "Accept-Language",
                "zh-CN");

        assertThat(response.json().get("detail").asString()).contains(TwoTownships.GRID_B, "辖区");
    }

    @Test
    void otherTownshipEditIsForbidden() {
        ApiClient.Response renamed = send("PATCH", "/api/v1/planning/grids/" + TwoTownships.GRID_B,
                "{\"version\":1,\"name\":\"改名网格\"}");
        ApiClient.Response retired = send("POST", "/api/v1/planning/grids/" + TwoTownships.GRID_B + "/retire",
                "{\"version\":1}");
        ApiClient.Response team = send("PUT", "/api/v1/planning/grids/" + TwoTownships.GRID_B + "/team",
                "{\"members\":[]}");

        assertThat(renamed.status()).isEqualTo(403);
        assertThat(retired.status()).isEqualTo(403);
        assertThat(team.status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT name || status FROM grid WHERE code = ?").param(TwoTownships.GRID_B)
                .query(String.class).single()).isEqualTo("乙社区第1网格active");
    }

    @Test
    void townshipDispatcherCannotEditOwnGrids() {
        ApiClient dispatcher = TestAccounts.signedIn(jdbc, port, new Jurisdiction.Unit(TwoTownships.TOWNSHIP_A),
                "甲街道调度员", "dispatcher_township");

        ApiClient.Response renamed = dispatcher.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/api/v1/planning/grids/" + TwoTownships.GRID_A))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"version\":1,\"name\":\"改名网格\"}")));

        assertThat(dispatcher.get("/api/v1/planning/grids/" + TwoTownships.GRID_A).status()).isEqualTo(200);
        assertThat(renamed.status()).isEqualTo(403);
    }

    @Test
    void mergeWithAGridOutsideIsForbidden() {
        ApiClient.Response merged = send("POST", "/api/v1/planning/merges", """
                {"grids":[{"code":"%s","version":1},{"code":"%s","version":1}]}
                """.formatted(TwoTownships.GRID_A, TwoTownships.GRID_B));

        assertThat(merged.status()).isEqualTo(403);
    }

    @Test
    void exportOfOtherTownshipIsForbidden() {
        ApiClient.Response other = api.get("/api/v1/planning/export?format=geojson&unit=" + TwoTownships.TOWNSHIP_B);
        ApiClient.Response own = api.get("/api/v1/planning/export?format=geojson&unit=" + TwoTownships.TOWNSHIP_A);

        assertThat(other.status()).isEqualTo(403);
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.text()).contains(TwoTownships.GRID_A).doesNotContain(TwoTownships.GRID_B);
    }

    @Test
    void pastLayerHoldsOnlyGridsInside() {
        ApiClient.Response layer = api.get("/api/v1/planning/layer?asOf=2099-01-01&bbox=" + TwoTownships.BBOX);

        assertThat(layer.status()).isEqualTo(200);
        assertThat(layer.text()).contains(TwoTownships.GRID_A).doesNotContain(TwoTownships.GRID_B);
    }

    @Test
    void importIntoOtherTownshipIsForbidden() {
        String file = """
                {"type":"FeatureCollection","features":[{"type":"Feature",
                 "properties":{"code":"%s002","name":"导入网格"},
                 "geometry":{"type":"Polygon","coordinates":[[[97.15,37.05],[97.16,37.05],[97.16,37.06],[97.15,37.05]]]}}]}
                """.formatted(TwoTownships.VILLAGE_B);

        ApiClient.Response response = importGeoJson(file);

        assertThat(response.status()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM grid WHERE code = ?").param(TwoTownships.VILLAGE_B + "002")
                .query(Long.class).single()).isZero();
    }

    @Test
    void importWithCodeOfOtherVillageIsForbidden() {
        String file = """
                {"type":"FeatureCollection","features":[{"type":"Feature",
                 "properties":{"code":"%s003","villageCode":"%s","name":"导入网格"},
                 "geometry":{"type":"Polygon","coordinates":[[[97.05,37.05],[97.06,37.05],[97.06,37.06],[97.05,37.05]]]}}]}
                """.formatted(TwoTownships.VILLAGE_B, TwoTownships.VILLAGE_A);

        assertThat(importGeoJson(file).status()).isEqualTo(403);
    }

    @Test
    void importJobIntoOtherTownshipFails() throws InterruptedException {
        String file = """
                {"type":"FeatureCollection","features":[{"type":"Feature",
                 "properties":{"code":"%s004","name":"导入网格"},
                 "geometry":{"type":"Polygon","coordinates":[[[97.15,37.05],[97.16,37.05],[97.16,37.06],[97.15,37.05]]]}}]}
                """.formatted(TwoTownships.VILLAGE_B);

        ApiClient.Response submitted = api.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/api/v1/planning/imports?format=geojson&commit=true"))
                .header("Content-Type", "application/geo+json")
                .POST(HttpRequest.BodyPublishers.ofString(file, StandardCharsets.UTF_8)));
        assertThat(submitted.status()).as(submitted.text()).isEqualTo(202);
        tools.jackson.databind.JsonNode finished = awaitJob(submitted.json().get("id").asString());

        assertThat(finished.get("phase").asString()).isEqualTo("failed");
        assertThat(finished.get("problem").get("status").asInt()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM grid WHERE code = ?").param(TwoTownships.VILLAGE_B + "004")
                .query(Long.class).single()).isZero();
    }

    @Test
    void departmentCannotPlan() {
        api = TestAccounts.signedIn(jdbc, port, new Jurisdiction.Department("water"), "水务局规划员", "planner");

        assertThat(api.get("/api/v1/planning/grids/" + TwoTownships.GRID_A).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/planning/villages/" + TwoTownships.VILLAGE_A).status()).isEqualTo(403);
    }

    @Test
    void gridSetCannotPlanAVillage() {
        api = TestAccounts.signedIn(jdbc, port, new Jurisdiction.Grids(java.util.Set.of(TwoTownships.GRID_A)),
                "甲社区规划员", "planner");

        assertThat(api.get("/api/v1/planning/grids/" + TwoTownships.GRID_A).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/planning/grids/" + TwoTownships.GRID_B).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/planning/export?format=csv&unit=" + TwoTownships.VILLAGE_A).status())
                .isEqualTo(403);
    }

    private tools.jackson.databind.JsonNode awaitJob(String id) throws InterruptedException {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(30);
        while (java.time.Instant.now().isBefore(deadline)) {
            ApiClient.Response polled = api.get("/api/v1/planning/imports/" + id);
            if (polled.json().get("state").asString().equals("finished")) {
                return polled.json();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Import job " + id + " did not finish within 30 seconds");
    }

    private ApiClient.Response importGeoJson(String file) {
        return api.send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/api/v1/planning/import?format=geojson&commit=true"))
                .header("Content-Type", "application/geo+json")
                .POST(HttpRequest.BodyPublishers.ofString(file, StandardCharsets.UTF_8)));
    }

    private ApiClient.Response send(String method, String path, String body) {
        return api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }
}
