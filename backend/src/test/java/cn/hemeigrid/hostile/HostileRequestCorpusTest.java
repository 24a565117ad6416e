package cn.hemeigrid.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hemeigrid.ApiClient;
import cn.hemeigrid.PostgisTest;
import cn.hemeigrid.TestReports;
import tools.jackson.databind.JsonNode;

/**
 * Sends every request of the hostile corpus (src/test/resources/hostile/requests.http) and
 * checks that each is rejected with a 4xx status and a message, and that the stored incidents,
 * grids, teams, transitions, followers, ratings and summons are exactly as before.
 */
@PostgisTest
class HostileRequestCorpusTest {

    static final String CORPUS = "/hostile/requests.http";
    static final List<String> WATCHED_TABLES = List.of("incident", "incident_transition", "incident_follower",
            "incident_rating", "incident_summons", "grid", "grid_version", "grid_lineage", "grid_worker",
            "grid_assignment");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @TestFactory
    Stream<DynamicTest> corpusIsRejectedAndChangesNothing() {
        ApiClient api = new ApiClient(port);
        List<HostileRequest> cases = HostileRequest.readCorpus(CORPUS, fixtures(api));
        assertThat(cases).hasSizeGreaterThanOrEqualTo(100);
        Map<String, String> before = snapshot();

        List<DynamicTest> tests = new ArrayList<>();
        for (HostileRequest request : cases) {
            tests.add(DynamicTest.dynamicTest(request.toString(), () -> assertRejected(api, request)));
        }
        tests.add(DynamicTest.dynamicTest("stored data unchanged", () -> assertThat(snapshot()).isEqualTo(before)));
        return tests.stream();
    }

    private void assertRejected(ApiClient api, HostileRequest request) {
        HttpRequest.BodyPublisher body = request.body() == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + request.path()))
                .method(request.method(), body);

        ApiClient.Response response = api.send(builder, request.headers().toArray(String[]::new));

        assertThat(request.accepts(response.status()))
                .as("%s answered %d, expected %s: %s", request, response.status(), request.expected(),
                        abbreviated(response.text()))
                .isTrue();
        assertThat(message(response)).as("message of %s: %s", request, abbreviated(response.text())).isNotBlank();
    }

    /** Returns the human-readable message: the problem's detail, or an Open311 error's description. */
    private static String message(ApiClient.Response response) {
        String type = response.contentType();
        if (type.contains("xml")) {
            int start = response.text().indexOf("<description>");
            int end = response.text().indexOf("</description>");
            return start < 0 || end < start ? "" : response.text().substring(start + 13, end);
        }
        if (!type.contains("json")) {
            return "";
        }
        JsonNode body = response.json();
        JsonNode message = body.isArray() && !body.isEmpty() ? body.get(0).get("description") : body.get("detail");
        return message == null || message.isNull() ? "" : message.asString();
    }

    private Map<String, String> fixtures(ApiClient api) {
        JsonNode created = api.postJson("/api/v1/incidents", TestReports.json("敌意请求语料的目标事件")).json();
        String gridCode = jdbc.sql("SELECT code FROM grid WHERE status = 'active' AND kind = 'basic' ORDER BY code LIMIT 1")
                .query(String.class).single();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("incidentId", created.get("id").asString());
        values.put("trackingCode", created.get("trackingCode").asString());
        values.put("gridCode", gridCode);
        values.put("villageCode", gridCode.substring(0, 12));
        return values;
    }

    /** Returns the row count and an MD5 of all rows of each watched table. */
    private Map<String, String> snapshot() {
        Map<String, String> tables = new LinkedHashMap<>();
        for (String table : WATCHED_TABLES) {
            tables.put(table, jdbc.sql("SELECT count(*) || ' ' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '')"
                    + " FROM " + table + " t").query(String.class).single());
        }
        return tables;
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
