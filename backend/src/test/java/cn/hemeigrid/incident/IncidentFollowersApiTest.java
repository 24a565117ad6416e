package cn.hemeigrid.incident;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Following an open incident through the HTTP API, on incidents reported in the test city. */
@PostgisTest
class IncidentFollowersApiTest {

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

    record Reported(long id, String trackingCode) {
    }

    @Test
    void followerCodeShowsIncidentStatus() {
        Reported incident = report();
        step(incident.id(), "accept", "李受理", null, null);

        ApiClient.Response followed = follow(incident.trackingCode(), "{\"contact\":\"13800000000\"}");
        assertThat(followed.status()).as(followed.text()).isEqualTo(201);
        String followerCode = followed.json().get("followerCode").asString();
        assertThat(followerCode).hasSize(TrackingCodes.LENGTH).isNotEqualTo(incident.trackingCode());
        assertThat(followed.json().get("status").asString()).isEqualTo("accepted");

        JsonNode asFollower = api.get("/api/v1/incidents/" + followerCode).json();
        assertThat(asFollower.get("trackingCode").asString()).isEqualTo(followerCode);
        assertThat(asFollower.get("status").asString()).isEqualTo("accepted");
        assertThat(asFollower.get("follower").asBoolean()).isTrue();
        assertThat(asFollower.get("followerCount").asInt()).isEqualTo(1);
        assertThat(asFollower.get("canRate").asBoolean()).isFalse();

        JsonNode asReporter = api.get("/api/v1/incidents/" + incident.trackingCode()).json();
        assertThat(asReporter.get("follower").asBoolean()).isFalse();
        assertThat(asReporter.get("followerCount").asInt()).isEqualTo(1);
        String storedContact = jdbc.sql("SELECT contact FROM incident_follower WHERE tracking_code = ?")
                .param(followerCode).query(String.class).single();
        assertThat(storedContact).isEqualTo("13800000000");
    }

    @Test
    void followWithoutBodyIsAccepted() {
        Reported incident = report();

        ApiClient.Response followed = follow(incident.trackingCode(), "");

        assertThat(followed.status()).as(followed.text()).isEqualTo(201);
        assertThat(api.get("/api/v1/incidents/" + incident.trackingCode()).json().get("followerCount").asInt())
                .isEqualTo(1);
    }

    @Test
    void duplicateMarkMovesFollowersToOriginal() {
        Reported original = report();
        Reported duplicate = report("又见路口摊贩占道。");
        String originalFollower = follow(original.trackingCode(), "{}").json().get("followerCode").asString();
        String first = follow(duplicate.trackingCode(), "{}").json().get("followerCode").asString();
        String second = follow(duplicate.trackingCode(), "{\"contact\":\"王女士\"}").json().get("followerCode")
                .asString();
        step(original.id(), "accept", "李受理", null, null);

        step(duplicate.id(), "mark_duplicate", "王调度", "同一路口同一摊贩。", original.id());

        JsonNode originalStatus = api.get("/api/v1/incidents/" + original.trackingCode()).json();
        // One follower of its own, two moved from the duplicate and the duplicate's reporter.
        assertThat(originalStatus.get("followerCount").asInt()).isEqualTo(4);
        assertThat(api.get("/api/v1/incidents/" + duplicate.trackingCode()).json().get("followerCount").asInt())
                .isZero();
        for (String code : List.of(originalFollower, first, second)) {
            JsonNode status = api.get("/api/v1/incidents/" + code).json();
            assertThat(status.get("status").asString()).as(code).isEqualTo("accepted");
            assertThat(status.get("description").asString()).as(code).isEqualTo("路口有流动摊贩占道经营。");
        }
        JsonNode history = api.get("/api/v1/incidents/" + duplicate.id() + "/transitions").json();
        String note = history.get(history.size() - 1).get("note").asString();
        assertThat(note).startsWith("同一路口同一摊贩。");
        assertThat(note).contains("关注者 3 人").contains("原事件 " + original.id());
    }

    @Test
    void closedIncidentRejectsFollowing() {
        Reported incident = report();
        step(incident.id(), "accept", "李受理", null, null);
        step(incident.id(), "dispatch", "王调度", null, null);
        step(incident.id(), "start_handling", "赵处置", null, null);
        step(incident.id(), "mark_handled", "赵处置", "已处理完毕。", null);
        step(incident.id(), "close", "钱网格员", null, null);

        ApiClient.Response response = follow(incident.trackingCode(), "{}");

        assertThat(response.status()).as(response.text()).isEqualTo(409);
        assertThat(response.json().get("detail").asString()).contains("“核查结案”").contains("不能关注");
        assertThat(response.json().get("currentStatus").asString()).isEqualTo("closed");
    }

    @Test
    void unknownCodeIsNotFound() {
        ApiClient.Response response = follow("0000000000000000", "{}");

        assertThat(response.status()).as(response.text()).isEqualTo(404);
        assertThat(response.json().get("detail").asString()).contains("找不到跟踪码");
    }

    @Test
    void invalidContactIsRejected() {
        Reported incident = report();

        ApiClient.Response tooLong = follow(incident.trackingCode(), "{\"contact\":\"" + "1".repeat(65) + "\"}");
        ApiClient.Response control = follow(incident.trackingCode(), "{\"contact\":\"138\\u0000\"}");
        ApiClient.Response malformed = follow(incident.trackingCode(), "{\"contact\":");

        assertThat(tooLong.status()).as(tooLong.text()).isEqualTo(400);
        assertThat(tooLong.json().get("detail").asString()).contains("联系方式过长");
        assertThat(control.status()).as(control.text()).isEqualTo(400);
        assertThat(control.json().get("detail").asString()).contains("无法保存的字符");
        assertThat(malformed.status()).as(malformed.text()).isEqualTo(400);
        assertThat(api.get("/api/v1/incidents/" + incident.trackingCode()).json().get("followerCount").asInt())
                .isZero();
    }

    private ApiClient.Response follow(String trackingCode, String body) {
        return api.postJson("/api/v1/incidents/" + trackingCode + "/followers", body);
    }

    private Reported report() {
        return report("路口有流动摊贩占道经营。");
    }

    private Reported report(String description) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("lon", TestCity.LON);
        report.put("lat", TestCity.LAT);
        report.put("category", "0501");
        report.put("description", description);
        ApiClient.Response created = api.postJson("/api/v1/incidents", ApiClient.json(report));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return new Reported(created.json().get("id").asLong(), created.json().get("trackingCode").asString());
    }

    private void step(long id, String action, String actor, String note, Long duplicateOf) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", action);
        body.put("actor", actor);
        if (note != null) {
            body.put("note", note);
        }
        if (duplicateOf != null) {
            body.put("duplicateOf", duplicateOf);
        }
        ApiClient.Response response = api.postJson("/api/v1/incidents/" + id + "/transitions",
                ApiClient.json(body));
        assertThat(response.status()).as(action + ": " + response.text()).isEqualTo(200);
    }
}
