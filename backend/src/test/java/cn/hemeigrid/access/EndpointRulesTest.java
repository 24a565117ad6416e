package cn.hemeigrid.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hemeigrid.ApiClient;
import cn.hemeigrid.PostgisTest;
import cn.hemeigrid.TestAccounts;
import cn.hemeigrid.TestCity;

/**
 * Every endpoint with a role that may call it, a role that may not (where one exists) and an
 * anonymous client. "Allowed" means the request passed authorisation: any status but 401 and
 * 403. Requests that change data use unknown ids or empty bodies, so they fail validation
 * after authorisation and leave the shared test data as it is.
 */
@PostgisTest
class EndpointRulesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** One endpoint: the request, a role allowed, a role refused (null when every role may) and whether anonymous may. */
    record Rule(String method, String path, String body, String allowed, String refused, boolean anonymous) {
    }

    static final String NO_GRID = "999999999999999";

    long incidentId;
    String trackingCode;
    final Map<String, ApiClient> clients = new HashMap<>();

    @BeforeEach
    void reportIncident() {
        TestCity.insert(jdbc);
        ApiClient.Response created = ApiClient.anonymous(port).postJson("/api/v1/incidents", ApiClient.json(Map.of(
                "lon", TestCity.LON, "lat", TestCity.LAT, "category", "0501", "description", "路口占道经营。")));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        incidentId = created.json().get("id").asLong();
        trackingCode = created.json().get("trackingCode").asString();
    }

    List<Rule> rules() {
        String incident = "/api/v1/incidents/" + incidentId;
        String report = ApiClient.json(Map.of("lon", TestCity.LON, "lat", TestCity.LAT, "category", "0501",
                "description", "路口占道经营。"));
        String bbox = "bbox=95.0,36.0,95.2,36.2";
        String period = "level=county&from=2026-01-01&to=2026-01-31";
        return List.of(
                // Residents and everyone.
                new Rule("POST", "/api/v1/incidents", report, "planner", null, true),
                new Rule("GET", "/api/v1/incidents/" + trackingCode, null, "planner", null, true),
                new Rule("POST", "/api/v1/incidents/" + trackingCode + "/followers", "{}", "planner", null, true),
                new Rule("POST", "/api/v1/incidents/nearby/0/followers", "{}", "planner", null, true),
                new Rule("POST", "/api/v1/photos", "{}", "planner", null, true),
                new Rule("GET", "/api/v1/photos/0123456789abcdef0123456789abcdef.jpg", null, "planner", null, true),
                new Rule("POST", "/api/v1/incidents/" + trackingCode + "/rating", "{\"score\":5}", "planner", null, true),
                new Rule("GET", "/api/v1/incidents/nearby?lon=95.1&lat=36.1&category=0501", null, "planner", null, true),
                new Rule("GET", "/api/v1/route?lon=95.1&lat=36.1", null, "planner", null, true),
                new Rule("GET", "/api/v1/categories", null, "planner", null, true),
                new Rule("GET", "/api/v1/map/config", null, "planner", null, true),
                new Rule("GET", "/api/v1/layers/counties?" + bbox + "&zoom=8", null, "planner", null, true),
                new Rule("GET", "/api/v1/layers/grids?" + bbox + "&zoom=14", null, "planner", null, true),
                new Rule("GET", "/api/v1/session", null, "planner", null, true),
                new Rule("GET", "/open311/v2/discovery.json", null, "planner", null, true),
                new Rule("GET", "/open311/v2/services.json", null, "planner", null, true),
                new Rule("GET", "/report.html", null, "planner", null, true),
                new Rule("GET", "/login.html", null, "planner", null, true),
                // Every staff role.
                new Rule("GET", "/api/v1/incidents?open=true&limit=5", null, "grid_worker_part_time", null, false),
                new Rule("GET", incident + "/workflow", null, "department_handler", null, false),
                new Rule("GET", incident + "/transitions", null, "grid_worker_part_time", null, false),
                new Rule("GET", "/api/v1/handler-routes", null, "grid_worker_part_time", null, false),
                new Rule("GET", "/api/v1/departments", null, "grid_worker_part_time", null, false),
                new Rule("GET", "/api/v1/grids/" + TestCity.GRID, null, "grid_worker_full_time", null, false),
                new Rule("GET", "/api/v1/layers/facilities?" + bbox + "&zoom=14", null, "planner", null, false),
                // The workflow.
                new Rule("POST", incident + "/transitions", "{\"action\":\"mark_handled\"}", "grid_worker_full_time",
                        "planner", false),
                new Rule("POST", incident + "/summons", "{}", "grid_leader", "grid_worker_part_time", false),
                new Rule("POST", incident + "/summons/0/answer", "{}", "department_handler", "planner", false),
                // Review.
                new Rule("GET", "/api/v1/indicators?" + period, null, "planner", "grid_worker_part_time", false),
                new Rule("GET", "/api/v1/indicators.csv?" + period, null, "dispatcher_county", "grid_worker_full_time",
                        false),
                new Rule("GET", "/api/v1/indicators/hotspots?from=2026-01-01&to=2026-01-31", null, "grid_leader",
                        "grid_worker_part_time", false),
                // Planning.
                new Rule("GET", "/api/v1/planning/coverage/" + TestCity.VILLAGE, null, "dispatcher_county",
                        "grid_leader", false),
                new Rule("GET", "/api/v1/planning/grids/" + TestCity.GRID, null, "planner", "department_handler", false),
                new Rule("GET", "/api/v1/planning/grids/" + TestCity.GRID + "/history", null, "dispatcher_township",
                        "grid_worker_full_time", false),
                new Rule("GET", "/api/v1/planning/villages/" + TestCity.VILLAGE, null, "planner", "grid_leader", false),
                new Rule("GET", "/api/v1/planning/layer?" + bbox + "&asOf=2026-01-01T00:00:00Z", null, "planner",
                        "department_handler", false),
                new Rule("GET", "/api/v1/planning/export?unit=" + TestCity.VILLAGE + "&format=geojson", null,
                        "planner", "grid_worker_part_time", false),
                new Rule("POST", "/api/v1/planning/validate", "{}", "planner", "dispatcher_county", false),
                new Rule("POST", "/api/v1/planning/grids", "{}", "planner", "dispatcher_county", false),
                new Rule("PUT", "/api/v1/planning/grids/" + NO_GRID + "/shape", "{}", "planner", "dispatcher_township",
                        false),
                new Rule("PATCH", "/api/v1/planning/grids/" + NO_GRID, "{}", "planner", "grid_leader", false),
                new Rule("GET", "/api/v1/planning/grids/" + TestCity.GRID + "/team/history", null, "planner",
                        "department_handler", false),
                new Rule("POST", "/api/v1/planning/imports?format=geojson", "{}", "planner", "dispatcher_county", false),
                new Rule("GET", "/api/v1/planning/imports/00000000-0000-0000-0000-000000000000", null, "planner",
                        "department_handler", false),
                new Rule("POST", "/api/v1/planning/grids/" + NO_GRID + "/split", "{}", "planner", "dispatcher_county",
                        false),
                new Rule("POST", "/api/v1/planning/merges", "{}", "planner", "dispatcher_county", false),
                new Rule("POST", "/api/v1/planning/grids/" + NO_GRID + "/retire", "{}", "planner", "dispatcher_county",
                        false),
                new Rule("POST", "/api/v1/planning/import", "{}", "planner", "dispatcher_county", false),
                new Rule("GET", "/api/v1/planning/grids/" + TestCity.GRID + "/team", null, "grid_leader",
                        "department_handler", false),
                new Rule("PUT", "/api/v1/planning/grids/" + NO_GRID + "/team", "{}", "planner", "grid_leader", false),
                new Rule("GET", "/api/v1/planning/workers?name=x", null, "grid_leader", "grid_worker_part_time", false),
                new Rule("POST", "/api/v1/planning/workers", "{}", "planner", "grid_leader", false),
                new Rule("POST", "/api/v1/planning/workers/0/grids", "{}", "planner", "grid_leader", false),
                new Rule("DELETE", "/api/v1/planning/workers/0/grids/" + NO_GRID, null, "planner", "grid_leader", false),
                // Administration.
                new Rule("GET", "/api/v1/admin/accounts", null, "administrator", "dispatcher_county", false),
                new Rule("POST", "/api/v1/admin/accounts", "{}", "administrator", "planner", false),
                new Rule("GET", "/api/v1/admin/accounts/0", null, "administrator", "planner", false),
                new Rule("PUT", "/api/v1/admin/accounts/0", "{}", "administrator", "dispatcher_county", false),
                new Rule("PUT", "/api/v1/admin/accounts/0/password", "{}", "administrator", "dispatcher_county", false),
                new Rule("PUT", "/api/v1/admin/accounts/0/enabled", "{}", "administrator", "dispatcher_county", false),
                new Rule("GET", "/api/v1/admin/units", null, "administrator", "planner", false),
                new Rule("GET", "/api/v1/admin/departments", null, "administrator", "planner", false),
                new Rule("GET", "/api/v1/admin/audit", null, "administrator", "dispatcher_county", false));
    }

    @Test
    void everyEndpointChecksRoles() {
        SoftAssertions softly = new SoftAssertions();

        for (Rule rule : rules()) {
            int allowed = call(client(rule.allowed()), rule);
            softly.assertThat(allowed).as("%s %s as %s", rule.method(), rule.path(), rule.allowed())
                    .isNotIn(401, 403);
            if (rule.refused() != null) {
                int refused = call(client(rule.refused()), rule);
                softly.assertThat(refused).as("%s %s as %s", rule.method(), rule.path(), rule.refused())
                        .isEqualTo(403);
            }
            int anonymous = call(ApiClient.anonymous(port), rule);
            if (rule.anonymous()) {
                softly.assertThat(anonymous).as("%s %s anonymous", rule.method(), rule.path()).isNotIn(401, 403);
            } else {
                softly.assertThat(anonymous).as("%s %s anonymous", rule.method(), rule.path()).isEqualTo(401);
            }
        }

        softly.assertAll();
    }

    @Test
    void staffPagesRedirectToSignIn() {
        ApiClient anonymous = ApiClient.anonymous(port);

        for (String page : List.of("/", "/index.html", "/dispatch.html", "/planning.html", "/review.html",
                "/admin.html")) {
            ApiClient.Response response = anonymous.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + page)).GET());
            assertThat(response.status()).as(page).isEqualTo(302);
        }
        assertThat(client("grid_worker_part_time").get("/dispatch.html").status()).isEqualTo(200);
    }

    @Test
    void workflowStepNeedsRoleOfAction() {
        ApiClient partTime = client("grid_worker_part_time");

        ApiClient.Response accept = partTime.postJson("/api/v1/incidents/" + incidentId + "/transitions",
                "{\"action\":\"accept\"}");

        assertThat(accept.status()).as(accept.text()).isEqualTo(403);
        assertThat(accept.contentType()).startsWith("application/problem+json");
        assertThat(accept.json().get("detail").asString()).isEqualTo("当前账号无权执行此操作。");
    }

    @Test
    void refusalsAreProblemDetails() {
        ApiClient.Response anonymous = ApiClient.anonymous(port).get("/api/v1/incidents");
        ApiClient.Response english = ApiClient.anonymous(port).get("/api/v1/incidents", "Accept-Language", "en");
        ApiClient.Response forbidden = client("grid_worker_part_time").get("/api/v1/admin/accounts");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.json().get("detail").asString()).isEqualTo("请先登录。");
        assertThat(anonymous.json().get("title").asString()).isEqualTo("未登录");
        assertThat(english.json().get("detail").asString()).isEqualTo("Sign in first.");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("detail").asString()).isEqualTo("当前账号无权执行此操作。");
    }

    private ApiClient client(String role) {
        return clients.computeIfAbsent(role, code -> TestAccounts.signedIn(jdbc, port, "角色测试 " + code, code));
    }

    private static int call(ApiClient client, Rule rule) {
        HttpRequest.BodyPublisher body = rule.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(rule.body(), StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.baseUrl() + rule.path()))
                .method(rule.method(), body);
        headers.forEach(request::header);
        return client.send(request).status();
    }
}
