package cn.hemeigrid.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hemeigrid.ApiClient;
import cn.hemeigrid.PostgisTest;
import cn.hemeigrid.TestCity;
import tools.jackson.databind.JsonNode;

/**
 * Duplicate suggestions around a pin in the test city. Each test uses its own corner of the
 * test grid, so incidents of other tests stay out of range. At 36° N, 0.001° of longitude is
 * about 90 m and 0.001° of latitude about 111 m.
 */
@PostgisTest
class NearbyIncidentsTest {

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
    void openSameCategoryWithinRadiusNearestFirst() {
        long near = report(95.0101, 36.0100, "0501");
        long farther = report(95.0120, 36.0100, "0501");
        report(95.0140, 36.0100, "0501");
        report(95.0101, 36.0101, "0503");
        long closed = report(95.0100, 36.0100, "0501");
        jdbc.sql("UPDATE incident SET status = 'closed' WHERE id = ?").param(closed).update();

        JsonNode suggestions = api.get("/api/v1/incidents/nearby?lon=95.0100&lat=36.0100&category=0501").json();

        assertThat(suggestions.get("radiusMetres").asInt()).isEqualTo(250);
        assertThat(ids(suggestions)).containsExactly(near, farther);
        assertThat(suggestions.get("items").get(0).get("distanceMetres").asDouble()).isBetween(8.0, 10.0);
        assertThat(suggestions.get("items").get(1).get("distanceMetres").asDouble()).isBetween(175.0, 185.0);
        assertThat(suggestions.toString()).doesNotContain("trackingCode");
    }

    @Test
    void radiusIsSetPerCategory() {
        long id = report(95.1935, 36.1900, "0502");
        jdbc.sql("UPDATE matter_category SET duplicate_radius_metres = 500 WHERE code = '0502'").update();
        try {
            JsonNode wide = api.get("/api/v1/incidents/nearby?lon=95.1900&lat=36.1900&category=0502").json();
            jdbc.sql("UPDATE matter_category SET duplicate_radius_metres = 100 WHERE code = '0502'").update();
            JsonNode narrow = api.get("/api/v1/incidents/nearby?lon=95.1900&lat=36.1900&category=0502").json();

            assertThat(wide.get("radiusMetres").asInt()).isEqualTo(500);
            assertThat(ids(wide)).containsExactly(id);
            assertThat(ids(narrow)).isEmpty();
        } finally {
            jdbc.sql("UPDATE matter_category SET duplicate_radius_metres = 250 WHERE code = '0502'").update();
        }
    }

    @Test
    void missingCategoryIsRejected() {
        ApiClient.Response response = api.get("/api/v1/incidents/nearby?lon=95.1&lat=36.1");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("category");
    }

    private long report(double lon, double lat, String category) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("lon", lon);
        report.put("lat", lat);
        report.put("category", category);
        report.put("description", "测试上报");
        ApiClient.Response created = api.postJson("/api/v1/incidents", ApiClient.json(report));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private static List<Long> ids(JsonNode suggestions) {
        List<Long> ids = new ArrayList<>();
        suggestions.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }
}
