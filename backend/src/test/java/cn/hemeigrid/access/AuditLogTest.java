package cn.hemeigrid.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
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

/** The audit log: which actions write rows, what a row holds, the listing API, and that rows cannot change. */
@PostgisTest
class AuditLogTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient admin;

    @BeforeEach
    void connect() {
        TestCity.insert(jdbc);
        admin = new ApiClient(port);
    }

    @Test
    void signInsAndSignOutsAreRecorded() {
        String login = TestAccounts.create(jdbc, "审计登录", "planner");
        ApiClient client = ApiClient.anonymous(port);

        client.signIn(login, "wrong-password");
        client.signIn(login, TestAccounts.PASSWORD);
        client.signOut();

        assertThat(actionsOf(login)).containsExactly("session.sign_out", "session.sign_in", "session.sign_in_failed");
        Map<String, Object> signIn = jdbc.sql("""
                        SELECT account_id, client_address FROM audit_event
                        WHERE login_name = ? AND action = 'session.sign_in'""")
                .param(login).query().singleRow();
        assertThat(signIn.get("account_id")).isEqualTo(TestAccounts.id(jdbc, login));
        assertThat(signIn.get("client_address")).isEqualTo("127.0.0.1");
    }

    @Test
    void workflowStepsAndGridEditsAreRecorded() {
        String login = TestAccounts.create(jdbc, "审计调度", "dispatcher_county", "planner");
        ApiClient client = ApiClient.signedIn(port, login, TestAccounts.PASSWORD);
        long incident = client.postJson("/api/v1/incidents", ApiClient.json(Map.of("lon", TestCity.LON,
                "lat", TestCity.LAT, "category", "0501", "description", "审计测试。"))).json().get("id").asLong();

        ApiClient.Response accepted = client.postJson("/api/v1/incidents/" + incident + "/transitions",
                "{\"action\":\"accept\"}");
        ApiClient.Response worker = client.postJson("/api/v1/planning/workers", "{\"name\":\"审计网格员\"}");

        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        assertThat(worker.status()).as(worker.text()).isIn(200, 201);
        assertThat(actionsOf(login)).contains("incident.accept", "team.create_worker");
        String target = jdbc.sql("SELECT target_id FROM audit_event WHERE login_name = ? AND action = 'incident.accept'")
                .param(login).query(String.class).single();
        assertThat(target).isEqualTo(String.valueOf(incident));
    }

    @Test
    void accountChangesAreRecordedAndListed() {
        String login = "audit-" + System.nanoTime() % 1_000_000;
        ApiClient.Response created = admin.postJson("/api/v1/admin/accounts", ApiClient.json(Map.of(
                "loginName", login, "displayName", "审计新账号", "password", "audit-password",
                "roles", List.of("planner"), "jurisdiction", Map.of("kind", "whole_city"))));
        long id = created.json().get("id").asLong();

        JsonNode page = admin.get("/api/v1/admin/audit?action=account.&targetId=" + id).json();
        JsonNode wrongDate = admin.get("/api/v1/admin/audit?from=2026-13-01").json();

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(page.get("total").asLong()).isEqualTo(1);
        JsonNode event = page.get("items").get(0);
        assertThat(event.get("action").asString()).isEqualTo("account.create");
        assertThat(event.get("loginName").asString()).isEqualTo(ApiClient.TEST_ADMIN_LOGIN);
        assertThat(event.get("detail").asString()).contains("planner");
        assertThat(wrongDate.get("status").asInt()).isEqualTo(400);
        assertThat(wrongDate.get("detail").asString()).contains("2026-13-01");
    }

    @Test
    void actionsAndTargetsHaveNames() {
        String login = TestAccounts.create(jdbc, "审计名称", "planner");
        long id = TestAccounts.id(jdbc, login);
        SignInApiTest.put(admin, "/api/v1/admin/accounts/" + id + "/enabled", "{\"enabled\":false}");

        JsonNode chinese = admin.get("/api/v1/admin/audit?action=account.&targetId=" + id, "Accept-Language", "zh-CN")
                .json().get("items").get(0);
        JsonNode english = admin.get("/api/v1/admin/audit?action=account.&targetId=" + id, "Accept-Language", "en")
                .json().get("items").get(0);
        List<String> unnamed = jdbc.sql("SELECT DISTINCT action FROM audit_event").query(String.class).list().stream()
                .filter(action -> admin.get("/api/v1/admin/audit?size=1&action=" + action).json().get("items").get(0)
                        .get("actionName").asString().equals(action))
                .toList();

        assertThat(chinese.get("action").asString()).isEqualTo("account.disable");
        assertThat(chinese.get("actionName").asString()).isEqualTo("停用账号");
        assertThat(chinese.get("targetTypeName").asString()).isEqualTo("账号");
        assertThat(english.get("actionName").asString()).isEqualTo("Account disabled");
        assertThat(unnamed).isEmpty();
    }

    @Test
    void auditRowsCannotChange() {
        admin.get("/api/v1/session");
        long id = jdbc.sql("SELECT max(id) FROM audit_event").query(Long.class).single();

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET detail = 'x' WHERE id = ?").param(id).update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE id = ?").param(id).update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_event").update())
                .rootCause().hasMessageContaining("append-only");
    }

    private List<String> actionsOf(String login) {
        return new ArrayList<>(jdbc.sql("SELECT action FROM audit_event WHERE login_name = ? ORDER BY id DESC")
                .param(login).query(String.class).list());
    }
}
