package cn.hemeigrid.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

    @Test
    void suggestionCarriesCategoryAndLocation() {
        long id = report(95.0301, 36.0300, "0501");

        JsonNode item = api.get("/api/v1/incidents/nearby?lon=95.0300&lat=36.0300&category=0501").json()
                .get("items").get(0);

        assertThat(item.get("id").asLong()).isEqualTo(id);
        assertThat(item.get("categoryName").asString()).isEqualTo("占道经营");
        assertThat(item.get("location").get("lon").asDouble()).isCloseTo(95.0301, within(1e-9));
        assertThat(item.get("location").get("lat").asDouble()).isCloseTo(36.0300, within(1e-9));
    }

    @Test
    void suggestedIncidentCanBeFollowed() {
        long id = report(95.0501, 36.0500, "0501");

        ApiClient.Response followed = followNearby(id, 95.0500, 36.0500, "0501", "13800000000");

        assertThat(followed.status()).as(followed.text()).isEqualTo(201);
        String followerCode = followed.json().get("followerCode").asString();
        assertThat(followed.json().get("statusName").asString()).isEqualTo("已上报");
        JsonNode asFollower = api.get("/api/v1/incidents/" + followerCode).json();
        assertThat(asFollower.get("follower").asBoolean()).isTrue();
        assertThat(asFollower.get("followerCount").asInt()).isEqualTo(1);
        String storedContact = jdbc.sql("SELECT contact FROM incident_follower WHERE tracking_code = ?")
                .param(followerCode).query(String.class).single();
        assertThat(storedContact).isEqualTo("13800000000");
    }

    @Test
    void followOutsideRadiusIsNotFound() {
        long id = report(95.0701, 36.0700, "0501");

        ApiClient.Response far = followNearby(id, 95.0760, 36.0700, "0501", null);
        ApiClient.Response otherCategory = followNearby(id, 95.0700, 36.0700, "0503", null);
        ApiClient.Response unknown = followNearby(Long.MAX_VALUE, 95.0700, 36.0700, "0501", null);

        assertThat(far.status()).as(far.text()).isEqualTo(404);
        assertThat(far.json().get("detail").asString()).contains("250 米").contains(String.valueOf(id));
        assertThat(otherCategory.status()).as(otherCategory.text()).isEqualTo(404);
        assertThat(unknown.status()).as(unknown.text()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM incident_follower WHERE incident_id = ?").param(id)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void followClosedSuggestionIsConflict() {
        long id = report(95.0901, 36.0900, "0501");
        jdbc.sql("UPDATE incident SET status = 'closed' WHERE id = ?").param(id).update();

        ApiClient.Response response = followNearby(id, 95.0900, 36.0900, "0501", null);

        assertThat(response.status()).as(response.text()).isEqualTo(409);
        assertThat(response.json().get("currentStatus").asString()).isEqualTo("closed");
    }

    @Test
    void followWithoutPinIsRejected() {
        long id = report(95.1101, 36.1100, "0501");

        ApiClient.Response empty = api.postJson("/api/v1/incidents/nearby/" + id + "/followers", "");
        ApiClient.Response noCategory = api.postJson("/api/v1/incidents/nearby/" + id + "/followers",
                "{\"lon\":95.11,\"lat\":36.11}");

        assertThat(empty.status()).as(empty.text()).isEqualTo(400);
        assertThat(noCategory.status()).as(noCategory.text()).isEqualTo(400);
        assertThat(noCategory.json().get("detail").asString()).contains("category");
    }

    private ApiClient.Response followNearby(long id, double lon, double lat, String category, String contact) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lon", lon);
        body.put("lat", lat);
        body.put("category", category);
        if (contact != null) {
            body.put("contact", contact);
        }
        return api.postJson("/api/v1/incidents/nearby/" + id + "/followers", ApiClient.json(body));
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
