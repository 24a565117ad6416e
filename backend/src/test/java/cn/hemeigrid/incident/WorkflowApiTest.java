package cn.hemeigrid.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import cn.hemeigrid.TestAccounts;
import cn.hemeigrid.TestCity;
import tools.jackson.databind.JsonNode;

/** The workflow through the HTTP API, on incidents reported in the test city. */
@PostgisTest
class WorkflowApiTest {

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
    void closedLoopFromReportToRating() {
        Reported incident = report();
        ApiClient receiver = TestAccounts.signedIn(jdbc, port, "李受理", "dispatcher_township");

        JsonNode accepted = receiver.postJson("/api/v1/incidents/" + incident.id() + "/transitions",
                ApiClient.json(Map.of("action", "accept"))).json();
        step(incident.id(), "dispatch", "王调度", null);
        step(incident.id(), "start_handling", "赵处置", null);
        ApiClient handler = TestAccounts.signedIn(jdbc, port, "赵处置", "grid_worker_full_time");
        JsonNode handled = handler.postJson("/api/v1/incidents/" + incident.id() + "/transitions", ApiClient.json(
                Map.of("action", "mark_handled", "note", "摊贩已劝离，路口恢复通行。"))).json();
        JsonNode closed = step(incident.id(), "close", "钱网格员", "现场核查属实。");
        ApiClient.Response rated = api.postJson("/api/v1/incidents/" + incident.trackingCode() + "/rating",
                "{\"score\":5,\"comment\":\"处理很快\"}");

        assertThat(handled.get("status").asString()).isEqualTo("handled");
        assertThat(closed.get("status").asString()).isEqualTo("closed");
        assertThat(closed.get("ownerName").asString()).isEqualTo("李受理");
        assertThat(closed.get("ownerAccountId").asLong()).isEqualTo(accepted.get("ownerAccountId").asLong());
        assertThat(rated.status()).as(rated.text()).isEqualTo(200);
        assertThat(rated.json().get("status").asString()).isEqualTo("rated");
        JsonNode history = api.get("/api/v1/incidents/" + incident.id() + "/transitions").json();
        List<String> actions = new ArrayList<>();
        history.forEach(entry -> actions.add(entry.get("action").asString()));
        assertThat(actions).containsExactly("report", "accept", "dispatch", "start_handling", "mark_handled",
                "close", "rate");
        assertThat(history.get(4).get("actorName").asString()).isEqualTo("赵处置");
        assertThat(history.get(4).get("note").asString()).isEqualTo("摊贩已劝离，路口恢复通行。");
    }

    @Test
    void impossibleStepNamesCurrentState() {
        Reported incident = report();

        ApiClient.Response chinese = transition(incident.id(), Map.of("action", "close", "actor", "王调度"));
        ApiClient.Response english = transition(incident.id(), Map.of("action", "close", "actor", "王调度"),
                "Accept-Language", "en");

        assertThat(chinese.status()).isEqualTo(409);
        assertThat(chinese.contentType()).startsWith("application/problem+json");
        assertThat(chinese.json().get("detail").asString()).isEqualTo("事件当前状态为“已上报”，不能执行“核查结案”。");
        assertThat(chinese.json().get("currentStatus").asString()).isEqualTo("reported");
        assertThat(english.status()).isEqualTo(409);
        assertThat(english.json().get("detail").asString())
                .isEqualTo("The incident is 'Reported', so 'Verify and close' is not allowed now.");
    }

    @Test
    void badStepRequestsAreRejected() {
        Reported incident = report();

        ApiClient.Response noAction = transition(incident.id(), Map.of("actor", "王调度"));
        ApiClient.Response unknownAction = transition(incident.id(), Map.of("action", "approve", "actor", "王调度"));
        ApiClient.Response unknownRoute = transition(incident.id(),
                Map.of("action", "reroute", "actor", "王调度", "handlerRoute", "nowhere", "note", "理由"));
        ApiClient.Response unknownIncident = transition(Long.MAX_VALUE, Map.of("action", "accept", "actor", "王调度"));
        ApiClient.Response badPhoto = transition(incident.id(),
                Map.of("action", "accept", "actor", "王调度", "photos", List.of("has blank")));

        assertThat(noAction.status()).isEqualTo(400);
        assertThat(noAction.json().get("detail").asString()).contains("action");
        assertThat(unknownAction.status()).isEqualTo(400);
        assertThat(unknownAction.json().get("detail").asString()).contains("approve");
        assertThat(unknownRoute.status()).isEqualTo(400);
        assertThat(unknownRoute.json().get("detail").asString()).contains("nowhere");
        assertThat(unknownIncident.status()).isEqualTo(404);
        assertThat(badPhoto.status()).isEqualTo(400);
        assertThat(currentStatus(incident.id())).isEqualTo("reported");
    }

    @Test
    void lowRatingReopensIncident() {
        Reported incident = closedIncident();

        ApiClient.Response rated = api.postJson("/api/v1/incidents/" + incident.trackingCode() + "/rating",
                "{\"score\":1,\"comment\":\"摊贩第二天又来了\"}");

        assertThat(rated.status()).isEqualTo(200);
        assertThat(rated.json().get("status").asString()).isEqualTo("reopened");
        JsonNode view = api.get("/api/v1/incidents/" + incident.id() + "/workflow").json();
        assertThat(view.get("reopenCount").asInt()).isEqualTo(1);
        assertThat(view.get("runningDeadline").get("kind").asString()).isEqualTo("handling");
        JsonNode history = view.get("history");
        assertThat(history.get(history.size() - 1).get("action").asString()).isEqualTo("reopen");
        assertThat(history.get(history.size() - 1).get("actorKind").asString()).isEqualTo("resident");
    }

    @Test
    void ratingBeforeClosureIsConflict() {
        Reported incident = report();

        ApiClient.Response rated = api.postJson("/api/v1/incidents/" + incident.trackingCode() + "/rating",
                "{\"score\":4}");
        ApiClient.Response missingScore = api.postJson("/api/v1/incidents/" + incident.trackingCode() + "/rating",
                "{}");

        assertThat(rated.status()).isEqualTo(409);
        assertThat(rated.json().get("detail").asString()).contains("已上报");
        assertThat(missingScore.status()).isEqualTo(400);
    }

    @Test
    void publicStatusHidesStaffDetails() {
        Reported incident = report();
        step(incident.id(), "accept", "李受理", "内部备注：联系过城管");
        step(incident.id(), "reroute", "王调度", "内部：改由物业处理");

        JsonNode status = api.get("/api/v1/incidents/" + incident.trackingCode()).json();

        assertThat(status.get("statusName").asString()).isEqualTo("已受理");
        assertThat(status.get("canRate").asBoolean()).isFalse();
        JsonNode history = status.get("history");
        assertThat(history.size()).isEqualTo(2);
        assertThat(history.get(1).get("actionName").asString()).isEqualTo("受理");
        assertThat(status.toString()).doesNotContain("李受理", "王调度", "内部");
    }

    @Test
    void closedIncidentInvitesRating() {
        Reported incident = closedIncident();

        JsonNode status = api.get("/api/v1/incidents/" + incident.trackingCode()).json();

        assertThat(status.get("canRate").asBoolean()).isTrue();
        JsonNode history = status.get("history");
        JsonNode handled = history.get(history.size() - 2);
        assertThat(handled.get("action").asString()).isEqualTo("mark_handled");
        assertThat(handled.get("note").asString()).isEqualTo("已处理完毕。");
    }

    @Test
    void duplicateShowsOriginalState() {
        Reported original = report();
        Reported duplicate = report();
        step(original.id(), "accept", "李受理", null);

        JsonNode view = transition(duplicate.id(), Map.of("action", "mark_duplicate", "actor", "王调度",
                "duplicateOf", original.id())).json();
        JsonNode status = api.get("/api/v1/incidents/" + duplicate.trackingCode()).json();

        assertThat(view.get("status").asString()).isEqualTo("duplicate");
        assertThat(view.get("duplicateOfId").asLong()).isEqualTo(original.id());
        assertThat(status.get("originalStatusName").asString()).isEqualTo("已受理");
    }

    @Test
    void summonedDepartmentsAnswerSeparately() {
        Reported incident = report();
        step(incident.id(), "accept", "李受理", null);

        ApiClient.Response summoned = api.postJson("/api/v1/incidents/" + incident.id() + "/summons",
                ApiClient.json(Map.of("actor", "社区书记", "departments", List.of("city_management", "market_regulation"),
                        "reason", "无证经营且占道，超出社区权责", "responseHours", 4)));
        JsonNode summons = summoned.json().get("summons");
        long first = summons.get(0).get("id").asLong();
        ApiClient.Response answered = api.postJson("/api/v1/incidents/" + incident.id() + "/summons/" + first
                + "/answer", ApiClient.json(Map.of("actor", "城管中队张队长", "answer", "已到场处置")));
        ApiClient.Response again = api.postJson("/api/v1/incidents/" + incident.id() + "/summons",
                ApiClient.json(Map.of("actor", "社区书记", "departments", List.of("market_regulation"),
                        "reason", "催办")));

        assertThat(summoned.status()).as(summoned.text()).isEqualTo(201);
        assertThat(summons.size()).isEqualTo(2);
        assertThat(summons.get(0).get("warning").asString()).isEqualTo("green");
        assertThat(answered.status()).isEqualTo(200);
        JsonNode afterAnswer = answered.json().get("summons");
        assertThat(afterAnswer.get(0).get("answered").asBoolean()).isTrue();
        assertThat(afterAnswer.get(1).get("answered").asBoolean()).isFalse();
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("market_regulation");
    }

    @Test
    void blankSummonsTextNamesItsField() {
        Reported incident = report();
        step(incident.id(), "accept", "李受理", null);

        ApiClient.Response noReason = api.postJson("/api/v1/incidents/" + incident.id() + "/summons",
                ApiClient.json(Map.of("actor", "社区书记", "departments", List.of("city_management"), "reason", " ")));
        ApiClient.Response summoned = api.postJson("/api/v1/incidents/" + incident.id() + "/summons",
                ApiClient.json(Map.of("actor", "社区书记", "departments", List.of("city_management"), "reason", "占道")));
        long summonsId = summoned.json().at("/summons/0/id").asLong();
        ApiClient.Response noAnswer = api.postJson("/api/v1/incidents/" + incident.id() + "/summons/" + summonsId
                + "/answer", ApiClient.json(Map.of("actor", "城管中队", "answer", "")));

        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("detail").asString()).contains("reason").doesNotContain("note");
        assertThat(noAnswer.status()).isEqualTo(400);
        assertThat(noAnswer.json().get("detail").asString()).contains("answer").doesNotContain("note");
    }

    @Test
    void ownerListShowsAcceptedIncidents() {
        Reported incident = report();
        String owner = "首接人" + incident.id();
        TestAccounts.signedIn(jdbc, port, owner, "dispatcher_village")
                .postJson("/api/v1/incidents/" + incident.id() + "/transitions", ApiClient.json(Map.of("action", "accept")));
        step(incident.id(), "dispatch", "王调度", null);

        JsonNode list = api.get("/api/v1/incidents?open=true&owner=" + java.net.URLEncoder.encode(owner,
                java.nio.charset.StandardCharsets.UTF_8)).json();

        assertThat(list.get("items").size()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("id").asLong()).isEqualTo(incident.id());
    }

    @Test
    void historyRowsCannotChange() {
        Reported incident = report();

        assertThatThrownBy(() -> jdbc.sql("UPDATE incident_transition SET note = 'x' WHERE incident_id = ?")
                .param(incident.id()).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM incident_transition WHERE incident_id = ?")
                .param(incident.id()).update())
                .hasMessageContaining("append-only");
    }

    record Reported(long id, String trackingCode) {
    }

    @Test
    void noteWithNulCharacterIsRejected() {
        Reported incident = report();

        ApiClient.Response response = transition(incident.id(),
                Map.of("action", "accept", "actor", "李受理", "note", "已受理\u0000"));

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("无法保存的字符");
        assertThat(currentStatus(incident.id())).isEqualTo("reported");
    }

    private Reported report() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("lon", TestCity.LON);
        report.put("lat", TestCity.LAT);
        report.put("category", "0501");
        report.put("description", "路口有流动摊贩占道经营。");
        ApiClient.Response created = api.postJson("/api/v1/incidents", ApiClient.json(report));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return new Reported(created.json().get("id").asLong(), created.json().get("trackingCode").asString());
    }

    private Reported closedIncident() {
        Reported incident = report();
        step(incident.id(), "accept", "李受理", null);
        step(incident.id(), "dispatch", "王调度", null);
        step(incident.id(), "start_handling", "赵处置", null);
        step(incident.id(), "mark_handled", "赵处置", "已处理完毕。");
        step(incident.id(), "close", "钱网格员", null);
        return incident;
    }

    private JsonNode step(long id, String action, String actor, String note) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", action);
        body.put("actor", actor);
        if (note != null) {
            body.put("note", note);
        }
        if (action.equals("reroute")) {
            body.put("handlerRoute", "social_force");
        }
        ApiClient.Response response = transition(id, body);
        assertThat(response.status()).as(action + ": " + response.text()).isEqualTo(200);
        return response.json();
    }

    private ApiClient.Response transition(long id, Map<String, ?> body, String... headers) {
        return api.postJson("/api/v1/incidents/" + id + "/transitions", ApiClient.json(body), headers);
    }

    private String currentStatus(long id) {
        return jdbc.sql("SELECT status FROM incident WHERE id = ?").param(id).query(String.class).single();
    }
}
