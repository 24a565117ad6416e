package cn.hemeigrid.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import cn.hemeigrid.ApiClient;
import cn.hemeigrid.PostgisTest;
import cn.hemeigrid.TestAccounts;
import cn.hemeigrid.TestCity;
import tools.jackson.databind.JsonNode;

/** The administrator's account API: creating, validating, changing, password reset and disabling. */
@PostgisTest
class AdminAccountApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    PasswordEncoder passwords;

    ApiClient admin;

    @BeforeEach
    void connect() {
        TestCity.insert(jdbc);
        admin = new ApiClient(port);
    }

    @Test
    void createdAccountSignsInWithItsJurisdiction() {
        String login = uniqueLogin("village");

        ApiClient.Response created = admin.postJson("/api/v1/admin/accounts", ApiClient.json(account(login,
                Map.of("kind", "grids", "gridCodes", List.of(TestCity.GRID)), "grid_leader", "grid_worker_full_time")));
        JsonNode session = ApiClient.signedIn(port, login, "a-good-password").get("/api/v1/session").json();

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.json().has("passwordHash")).isFalse();
        assertThat(session.get("roles").toString()).isEqualTo("[\"grid_worker_full_time\",\"grid_leader\"]");
        assertThat(session.get("jurisdiction").get("kind").asString()).isEqualTo("grids");
        assertThat(session.get("jurisdiction").get("gridCodes").get(0).asString()).isEqualTo(TestCity.GRID);
        String hash = jdbc.sql("SELECT password_hash FROM account WHERE login_name = ?").param(login)
                .query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}");
    }

    @Test
    void unitAndDepartmentJurisdictions() {
        String unitLogin = uniqueLogin("county");
        String departmentLogin = uniqueLogin("dept");

        ApiClient.Response unit = admin.postJson("/api/v1/admin/accounts", ApiClient.json(account(unitLogin,
                Map.of("kind", "unit", "unitCode", TestCity.COUNTY), "dispatcher_county")));
        ApiClient.Response department = admin.postJson("/api/v1/admin/accounts", ApiClient.json(account(
                departmentLogin, Map.of("kind", "department", "departmentCode", "city_management"),
                "department_handler")));

        assertThat(unit.status()).as(unit.text()).isEqualTo(201);
        assertThat(unit.json().get("jurisdiction").get("unitCode").asString()).isEqualTo(TestCity.COUNTY);
        assertThat(department.status()).as(department.text()).isEqualTo(201);
        assertThat(accounts.findByLoginName(departmentLogin).orElseThrow().jurisdiction())
                .isEqualTo(new Jurisdiction.Department("city_management"));
    }

    @Test
    void invalidAccountsAreRejectedInChinese() {
        String login = uniqueLogin("bad");
        Map<String, Object> whole = Map.of("kind", "whole_city");

        Map<String, Object> badLogin = account("X", whole, "planner");
        Map<String, Object> shortPassword = new HashMap<>(account(login, whole, "planner"));
        shortPassword.put("password", "short");
        Map<String, Object> noRoles = account(login, whole);
        Map<String, Object> unknownRole = account(login, whole, "mayor");
        Map<String, Object> unknownUnit = account(login, Map.of("kind", "unit", "unitCode", "123456789012"), "planner");
        Map<String, Object> unknownGrid = account(login, Map.of("kind", "grids", "gridCodes", List.of("1")), "planner");
        Map<String, Object> unknownKind = account(login, Map.of("kind", "planet"), "planner");

        assertRejected(badLogin, 400, "登录名“X”无效");
        assertRejected(shortPassword, 400, "密码长度应为 8 到 64 个字符");
        assertRejected(noRoles, 400, "请至少选择一个角色");
        assertRejected(unknownRole, 400, "未知的角色“mayor”");
        assertRejected(unknownUnit, 422, "123456789012");
        assertRejected(unknownGrid, 422, "找不到编码为“1”的在用网格");
        assertRejected(unknownKind, 400, "未知的辖区类型“planet”");
        assertThat(accounts.exists(login)).isFalse();
    }

    @Test
    void duplicateLoginIsConflict() {
        String login = TestAccounts.create(jdbc, "已存在", "planner");

        ApiClient.Response again = admin.postJson("/api/v1/admin/accounts",
                ApiClient.json(account(login, Map.of("kind", "whole_city"), "planner")));
        ApiClient.Response english = admin.postJson("/api/v1/admin/accounts",
                ApiClient.json(account(login, Map.of("kind", "whole_city"), "planner")), "Accept-Language", "en");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("已被使用");
        assertThat(english.json().get("detail").asString()).contains("already in use");
    }

    @Test
    void passwordResetReplacesOldPassword() {
        String login = TestAccounts.create(jdbc, "重置密码", "planner");
        long id = TestAccounts.id(jdbc, login);

        ApiClient.Response reset = SignInApiTest.put(admin, "/api/v1/admin/accounts/" + id + "/password",
                "{\"password\":\"new-password-2\"}");

        assertThat(reset.status()).as(reset.text()).isEqualTo(204);
        assertThat(ApiClient.anonymous(port).signIn(login, TestAccounts.PASSWORD).status()).isEqualTo(401);
        assertThat(ApiClient.anonymous(port).signIn(login, "new-password-2").status()).isEqualTo(200);
    }

    @Test
    void passwordResetEndsOtherSessions() {
        String login = TestAccounts.create(jdbc, "会话被结束", "planner");
        ApiClient before = ApiClient.signedIn(port, login, TestAccounts.PASSWORD);
        long id = TestAccounts.id(jdbc, login);

        ApiClient.Response reset = SignInApiTest.put(admin, "/api/v1/admin/accounts/" + id + "/password",
                "{\"password\":\"new-password-3\"}");

        assertThat(reset.status()).as(reset.text()).isEqualTo(204);
        assertThat(before.get("/api/v1/planning/workers").status()).isEqualTo(401);
        assertThat(before.get("/api/v1/session").json().get("signedIn").asBoolean()).isFalse();
    }

    @Test
    void ownPasswordResetKeepsOwnSession() {
        String login = TestAccounts.create(jdbc, "第二管理员", "administrator");
        ApiClient second = ApiClient.signedIn(port, login, TestAccounts.PASSWORD);
        long self = TestAccounts.id(jdbc, login);

        ApiClient.Response reset = SignInApiTest.put(second, "/api/v1/admin/accounts/" + self + "/password",
                "{\"password\":\"new-password-4\"}");

        assertThat(reset.status()).as(reset.text()).isEqualTo(204);
        assertThat(second.get("/api/v1/admin/accounts").status()).isEqualTo(200);
    }

    @Test
    void administratorCannotLockThemselvesOut() {
        long self = TestAccounts.id(jdbc, ApiClient.TEST_ADMIN_LOGIN);

        ApiClient.Response disable = SignInApiTest.put(admin, "/api/v1/admin/accounts/" + self + "/enabled",
                "{\"enabled\":false}");
        ApiClient.Response demote = SignInApiTest.put(admin, "/api/v1/admin/accounts/" + self, ApiClient.json(
                Map.of("displayName", "测试管理员", "roles", List.of("planner"), "jurisdiction", Map.of("kind", "whole_city"))));

        assertThat(disable.status()).isEqualTo(422);
        assertThat(demote.status()).isEqualTo(422);
        assertThat(accounts.findByLoginName(ApiClient.TEST_ADMIN_LOGIN).orElseThrow().has(Role.ADMINISTRATOR)).isTrue();
    }

    @Test
    void demoAccountsCoverTheShippedData() {
        new DemoAccounts(accounts, passwords, jdbc).createAll();

        JsonNode county = ApiClient.signedIn(port, "county", DemoAccounts.PASSWORD).get("/api/v1/session").json();
        JsonNode worker = ApiClient.signedIn(port, "worker", DemoAccounts.PASSWORD).get("/api/v1/session").json();
        JsonNode township = ApiClient.signedIn(port, "township", DemoAccounts.PASSWORD).get("/api/v1/session").json();

        assertThat(county.get("jurisdiction").get("unitCode").asString()).isEqualTo("441302000000");
        assertThat(township.get("jurisdiction").get("unitCode").asString()).startsWith("441302").endsWith("000");
        assertThat(worker.get("jurisdiction").get("gridCodes").size()).isPositive();
        assertThat(worker.get("gridWorkerId").asLong()).isEqualTo(jdbc.sql("""
                        SELECT a.worker_id FROM grid_assignment a JOIN grid g ON g.id = a.grid_id
                        WHERE g.code = ? AND a.role = 'full_time'""")
                .param(worker.get("jurisdiction").get("gridCodes").get(0).asString()).query(Long.class).single());
        assertThat(county.get("gridWorkerId").isNull()).as("county dispatcher without grid worker").isTrue();
        for (String login : List.of("admin", "planner", "department")) {
            assertThat(ApiClient.anonymous(port).signIn(login, DemoAccounts.PASSWORD).status()).as(login).isEqualTo(200);
        }
    }

    private void assertRejected(Map<String, Object> body, int status, String detail) {
        ApiClient.Response response = admin.postJson("/api/v1/admin/accounts", ApiClient.json(body));
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.json().get("detail").asString()).contains(detail);
    }

    private static Map<String, Object> account(String login, Map<String, Object> jurisdiction, String... roles) {
        return Map.of("loginName", login, "displayName", "测试账号", "password", "a-good-password",
                "roles", List.of(roles), "jurisdiction", jurisdiction);
    }

    private static String uniqueLogin(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000_000L;
    }
}
