package cn.hemeigrid.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hemeigrid.ApiClient;
import cn.hemeigrid.PostgisTest;
import cn.hemeigrid.TestCity;
import tools.jackson.databind.JsonNode;

/** Filters, deadline order and warning colours of GET /api/v1/incidents, over HTTP. */
@PostgisTest
class IncidentListApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void connect() {
        TestCity.insert(jdbc);
        api = new ApiClient(port);
    }

    @Test
    void statusCategoryAndUnitFilters() {
        long reported = report();
        long accepted = report();
        step(accepted, "accept");
        String village = column(accepted, "village_code");

        List<Long> acceptedIds = ids("/api/v1/incidents?limit=1000&status=accepted&category=0501&unit=" + village);
        List<Long> reportedIds = ids("/api/v1/incidents?limit=1000&status=reported,dispatched&unit=" + village);
        List<Long> countyIds = ids("/api/v1/incidents?limit=1000&unit=" + village.substring(0, 6) + "000000");
        List<Long> otherCategoryIds = ids("/api/v1/incidents?limit=1000&category=0502&unit=" + village);

        assertThat(acceptedIds).contains(accepted).doesNotContain(reported);
        assertThat(reportedIds).contains(reported).doesNotContain(accepted);
        assertThat(countyIds).contains(reported, accepted);
        assertThat(otherCategoryIds).doesNotContain(reported, accepted);
    }

    @Test
    void gridAndHandlerRouteFilters() {
        long id = report();
        String gridCode = jdbc.sql("SELECT g.code FROM incident i JOIN grid g ON g.id = i.grid_id WHERE i.id = ?")
                .param(id).query(String.class).single();
        String route = column(id, "handler_route_code");
        String otherRoute = jdbc.sql("SELECT code FROM handler_route WHERE code <> ? LIMIT 1").param(route)
                .query(String.class).single();

        assertThat(ids("/api/v1/incidents?limit=1000&gridCode=" + gridCode)).contains(id);
        assertThat(ids("/api/v1/incidents?limit=1000&handlerRoute=" + route)).contains(id);
        assertThat(ids("/api/v1/incidents?limit=1000&handlerRoute=" + otherRoute)).doesNotContain(id);
    }

    @Test
    void deadlineSortWithoutFiltersIsServed() {
        for (String query : List.of("sort=deadline&open=false", "sort=deadline&open=false&category=0501",
                "sort=deadline&open=false&handlerRoute=department", "sort=deadline")) {
            ApiClient.Response response = api.get("/api/v1/incidents?limit=10&" + query);

            assertThat(response.status()).as(query + ": " + response.text()).isEqualTo(200);
        }
    }

    @Test
    void deadlineSortPutsOverdueFirst() {
        long onTime = report();
        long overdue = report();
        long dispatched = report();
        step(dispatched, "accept");
        step(dispatched, "dispatch");
        jdbc.sql("UPDATE incident SET assign_deadline = now() - interval '1 hour' WHERE id = ?").param(overdue)
                .update();
        jdbc.sql("UPDATE incident SET assign_deadline = now() + interval '100 days' WHERE id = ?").param(onTime)
                .update();
        String village = column(overdue, "village_code");

        JsonNode items = api.get("/api/v1/incidents?limit=1000&sort=deadline&unit=" + village).json().get("items");
        List<Long> order = new ArrayList<>();
        for (JsonNode item : items) {
            order.add(item.get("id").asLong());
        }

        assertThat(order).contains(onTime, overdue, dispatched);
        assertThat(order.indexOf(overdue)).isLessThan(order.indexOf(onTime));
        assertThat(warning(items, overdue)).isEqualTo("red");
        assertThat(warning(items, onTime)).isEqualTo("green");
        assertThat(runningDeadlineOf(items, dispatched)).isEqualTo(
                api.get("/api/v1/incidents/" + dispatched + "/workflow").json()
                        .get("runningDeadline").get("due").asString());
    }

    @Test
    void listWarningMatchesWorkflowWarning() {
        long id = report();
        jdbc.sql("UPDATE incident SET reported_at = now() - interval '10 hours', "
                        + "assign_deadline = now() + interval '1 hour' WHERE id = ?").param(id).update();
        String village = column(id, "village_code");

        JsonNode items = api.get("/api/v1/incidents?limit=1000&unit=" + village).json().get("items");
        JsonNode workflow = api.get("/api/v1/incidents/" + id + "/workflow").json();

        assertThat(warning(items, id)).isEqualTo("yellow");
        assertThat(workflow.get("runningDeadline").get("warning").asString()).isEqualTo("yellow");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown status        | status=reported,open   | open
            unknown category      | category=9999          | 9999
            unknown route         | handlerRoute=teleport  | teleport
            unknown grid          | gridCode=999999999999999 | 999999999999999
            short unit code       | unit=4413              | 12 位数字
            unknown unit          | unit=999999999999      | 999999999999
            unknown sort          | sort=oldest            | oldest
            """)
    void badFilterRejectedInChinese(String name, String query, String detailFragment) {
        ApiClient.Response response = api.get("/api/v1/incidents?" + query, "Accept-Language", "zh-CN");

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains(detailFragment);
        assertThat(response.json().get("detail").asString()).containsPattern("\\p{IsHan}");
    }

    private long report() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("lon", TestCity.LON);
        report.put("lat", TestCity.LAT);
        report.put("category", "0501");
        report.put("description", "路口有流动摊贩占道经营。");
        ApiClient.Response created = api.postJson("/api/v1/incidents", ApiClient.json(report));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private void step(long id, String action) {
        Map<String, Object> body = Map.of("action", action, "actor", "王调度");
        ApiClient.Response response = api.postJson("/api/v1/incidents/" + id + "/transitions", ApiClient.json(body));
        assertThat(response.status()).as(action + ": " + response.text()).isEqualTo(200);
    }

    private String column(long id, String column) {
        return jdbc.sql("SELECT " + column + " FROM incident WHERE id = ?").param(id).query(String.class).single()
                .strip();
    }

    private List<Long> ids(String path) {
        ApiClient.Response response = api.get(path);
        assertThat(response.status()).as(path + ": " + response.text()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        for (JsonNode item : response.json().get("items")) {
            ids.add(item.get("id").asLong());
        }
        return ids;
    }

    private static JsonNode item(JsonNode items, long id) {
        for (JsonNode item : items) {
            if (item.get("id").asLong() == id) {
                return item;
            }
        }
        throw new AssertionError("incident " + id + " is not in the list");
    }

    private static String warning(JsonNode items, long id) {
        return item(items, id).get("warning").asString();
    }

    private static String runningDeadlineOf(JsonNode items, long id) {
        return item(items, id).get("runningDeadline").asString();
    }
}
