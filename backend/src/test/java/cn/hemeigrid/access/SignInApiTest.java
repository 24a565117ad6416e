package cn.hemeigrid.access;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Sign-in, sign-out, disabled accounts, role changes and CSRF through the HTTP API. */
@PostgisTest
class SignInApiTest {

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
    void signInAndSignOut() {
        String login = TestAccounts.create(jdbc, "签到测试", "dispatcher_county", "planner");
        ApiClient client = ApiClient.anonymous(port);

        JsonNode before = client.get("/api/v1/session").json();
        ApiClient.Response signedIn = client.signIn(login, TestAccounts.PASSWORD);
        int storedSessions = sessionsOf(login);
        JsonNode session = client.get("/api/v1/session").json();
        int listWhileSignedIn = client.get("/api/v1/incidents?limit=1").status();
        ApiClient.Response signedOut = client.signOut();
        JsonNode after = client.get("/api/v1/session").json();
        int storedAfterSignOut = sessionsOf(login);
        int listAfterSignOut = client.get("/api/v1/incidents?limit=1").status();

        assertThat(before.get("signedIn").asBoolean()).isFalse();
        assertThat(signedIn.status()).as(signedIn.text()).isEqualTo(200);
        assertThat(session.get("signedIn").asBoolean()).isTrue();
        assertThat(session.get("loginName").asString()).isEqualTo(login);
        assertThat(session.get("displayName").asString()).isEqualTo("签到测试");
        assertThat(session.get("roles").toString()).isEqualTo("[\"dispatcher_county\",\"planner\"]");
        assertThat(session.get("jurisdiction").get("kind").asString()).isEqualTo("whole_city");
        assertThat(listWhileSignedIn).isEqualTo(200);
        assertThat(signedOut.status()).isEqualTo(204);
        assertThat(storedSessions).as("sessions stored in the database").isEqualTo(1);
        assertThat(storedAfterSignOut).isZero();
        assertThat(after.get("signedIn").asBoolean()).isFalse();
        assertThat(listAfterSignOut).isEqualTo(401);
    }

    @Test
    void failedSignInsGetOneAnswer() {
        String login = TestAccounts.create(jdbc, "失败测试", "planner");
        String disabled = TestAccounts.create(jdbc, "停用测试", "planner");
        jdbc.sql("UPDATE account SET enabled = false WHERE login_name = ?").param(disabled).update();

        ApiClient.Response wrongPassword = ApiClient.anonymous(port).signIn(login, "wrong-password");
        ApiClient.Response unknownLogin = ApiClient.anonymous(port).signIn("nobody-" + login, "wrong-password");
        ApiClient.Response disabledAccount = ApiClient.anonymous(port).signIn(disabled, TestAccounts.PASSWORD);

        for (ApiClient.Response response : new ApiClient.Response[] {wrongPassword, unknownLogin, disabledAccount}) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("detail").asString()).isEqualTo("登录名或密码错误，或账号已停用。");
        }
    }

    @Test
    void repeatedFailuresLockLoginName() {
        String login = TestAccounts.create(jdbc, "多次失败", "planner");
        String other = TestAccounts.create(jdbc, "未受影响", "planner");

        for (int attempt = 0; attempt < 10; attempt++) {
            assertThat(ApiClient.anonymous(port).signIn(login, "wrong-" + attempt).status()).isEqualTo(401);
        }
        ApiClient.Response locked = ApiClient.anonymous(port).signIn(login.toUpperCase(java.util.Locale.ROOT),
                TestAccounts.PASSWORD);
        ApiClient.Response unaffected = ApiClient.anonymous(port).signIn(other, TestAccounts.PASSWORD);

        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.json().get("detail").asString()).isEqualTo("登录名或密码错误，或账号已停用。");
        assertThat(unaffected.status()).isEqualTo(200);
    }

    @Test
    void overlongPasswordIsWrongPassword() {
        String login = TestAccounts.create(jdbc, "长密码", "planner");
        String overlong = "密".repeat(100);

        ApiClient.Response known = ApiClient.anonymous(port).signIn(login, overlong);
        ApiClient.Response unknown = ApiClient.anonymous(port).signIn("nobody-" + login, overlong);

        assertThat(known.status()).as(known.text()).isEqualTo(401);
        assertThat(unknown.status()).as(unknown.text()).isEqualTo(401);
    }

    @Test
    void disabledAccountRefusedOnNextRequest() {
        String login = TestAccounts.create(jdbc, "即将停用", "dispatcher_village");
        ApiClient client = ApiClient.signedIn(port, login, TestAccounts.PASSWORD);
        int before = client.get("/api/v1/incidents?limit=1").status();
        long id = TestAccounts.id(jdbc, login);

        ApiClient.Response disabled = admin.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(admin.baseUrl() + "/api/v1/admin/accounts/" + id + "/enabled"))
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"enabled\":false}")));
        ApiClient.Response after = client.get("/api/v1/incidents?limit=1");
        JsonNode session = client.get("/api/v1/session").json();

        assertThat(before).isEqualTo(200);
        assertThat(disabled.status()).as(disabled.text()).isEqualTo(200);
        assertThat(after.status()).isEqualTo(401);
        assertThat(session.get("signedIn").asBoolean()).isFalse();
    }

    @Test
    void expiredSessionIsSignedOut() {
        String login = TestAccounts.create(jdbc, "会话过期", "dispatcher_village");
        ApiClient client = ApiClient.signedIn(port, login, TestAccounts.PASSWORD);
        int before = client.get("/api/v1/incidents?limit=1").status();
        int timeoutSeconds = jdbc.sql("SELECT max_inactive_interval FROM spring_session WHERE principal_name = ?")
                .param(login).query(Integer.class).single();

        jdbc.sql("""
                        UPDATE spring_session
                        SET last_access_time = last_access_time - 3600000, expiry_time = expiry_time - 3600000
                        WHERE principal_name = ?""")
                .param(login).update();
        int after = client.get("/api/v1/incidents?limit=1").status();

        assertThat(before).isEqualTo(200);
        assertThat(timeoutSeconds).as("the default 30 minutes").isEqualTo(1800);
        assertThat(after).isEqualTo(401);
    }

    @Test
    void roleChangeAppliesOnNextRequest() {
        String login = TestAccounts.create(jdbc, "角色变更", "grid_worker_part_time");
        ApiClient client = ApiClient.signedIn(port, login, TestAccounts.PASSWORD);
        int before = client.get("/api/v1/indicators?level=county&from=2026-01-01&to=2026-01-31").status();
        long id = TestAccounts.id(jdbc, login);

        ApiClient.Response changed = put(admin, "/api/v1/admin/accounts/" + id, ApiClient.json(Map.of(
                "displayName", "角色变更", "roles", java.util.List.of("planner"),
                "jurisdiction", Map.of("kind", "whole_city"))));
        int after = client.get("/api/v1/indicators?level=county&from=2026-01-01&to=2026-01-31").status();

        assertThat(before).isEqualTo(403);
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(after).isEqualTo(200);
    }

    @Test
    void unsafeRequestWithoutCsrfTokenIsRefused() {
        String login = TestAccounts.create(jdbc, "令牌测试", "planner");
        ApiClient client = ApiClient.signedIn(port, login, TestAccounts.PASSWORD);

        ApiClient.Response wrongToken = client.postJson("/api/v1/planning/workers",
                "{\"name\":\"令牌测试员\"}", "X-XSRF-TOKEN", "forged");
        ApiClient.Response withToken = client.postJson("/api/v1/planning/workers", "{\"name\":\"令牌测试员\"}");

        assertThat(wrongToken.status()).isEqualTo(403);
        assertThat(wrongToken.json().get("detail").asString()).contains("CSRF");
        assertThat(withToken.status()).as(withToken.text()).isIn(200, 201);
    }

    @Test
    void signInWithoutCsrfTokenIsRefused() {
        String login = TestAccounts.create(jdbc, "登录令牌", "planner");

        ApiClient.Response forged = ApiClient.anonymous(port).postForm("/api/v1/session/sign-in",
                Map.of("loginName", login, "password", TestAccounts.PASSWORD), "X-XSRF-TOKEN", "forged");

        assertThat(forged.status()).isEqualTo(403);
    }

    @Test
    void residentReportNeedsNoSessionOrToken() {
        ApiClient resident = ApiClient.anonymous(port);

        ApiClient.Response created = resident.postJson("/api/v1/incidents", ApiClient.json(Map.of(
                "lon", TestCity.LON, "lat", TestCity.LAT, "category", "0501", "description", "无会话上报。")),
                "X-XSRF-TOKEN", "none");

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(resident.cookie("SESSION")).isNull();
    }

    @Test
    void responsesCarrySecurityHeaders() {
        java.net.http.HttpResponse<String> page = raw("/login.html");

        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy -> {
            assertThat(policy).contains("default-src 'self'");
            assertThat(policy).contains("frame-ancestors 'none'");
        });
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void tileOriginOfTemplates() {
        assertThat(SecurityConfiguration.tileOrigin("https://tile.openstreetmap.org/{z}/{x}/{y}.png"))
                .isEqualTo("https://tile.openstreetmap.org");
        assertThat(SecurityConfiguration.tileOrigin("https://t{s}.tianditu.gov.cn/vec_w/wmts?tk=KEY"))
                .isEqualTo("https://*.tianditu.gov.cn");
        assertThat(SecurityConfiguration.tileOrigin("")).isEmpty();
        assertThat(SecurityConfiguration.tileOrigin("https://evil.example; script-src *")).isEmpty();
    }

    private java.net.http.HttpResponse<String> raw(String path) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + port + path)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private int sessionsOf(String login) {
        return jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = ?").param(login)
                .query(Integer.class).single();
    }

    static ApiClient.Response put(ApiClient client, String path, String body) {
        return client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(client.baseUrl() + path))
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body, java.nio.charset.StandardCharsets.UTF_8)));
    }
}
