package cn.hemeigrid.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import cn.hemeigrid.ApiClient;
import cn.hemeigrid.PostgisTest;
import cn.hemeigrid.incident.IncidentIntake;
import tools.jackson.databind.JsonNode;

/**
 * Tests that the demo accounts of the README, signed in over HTTP, each see their own part of
 * the same Huizhou data. One incident is reported in the demo worker's grid, one elsewhere in
 * the demo township, one in another township of 惠城区 and one in another county.
 */
@PostgisTest
class DemoAccountViewsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    IncidentIntake intake;

    List<String> workerGrids;
    String township;
    long inWorkerGrid;
    long inTownship;
    long inCounty;
    long outsideCounty;

    @BeforeEach
    void reportAcrossTheCity() {
        new DemoAccounts(accounts, passwords, jdbc).createAll();
        Account worker = accounts.findByLoginName("worker").orElseThrow();
        workerGrids = List.copyOf(((Jurisdiction.Grids) worker.jurisdiction()).gridCodes());
        township = ((Jurisdiction.Unit) accounts.findByLoginName("township").orElseThrow().jurisdiction()).unitCode();

        inWorkerGrid = reportInGrid("code = '" + workerGrids.get(0) + "'");
        inTownship = reportInGrid("code LIKE '" + township.substring(0, 9) + "%' AND code NOT IN ("
                + String.join(",", workerGrids.stream().map(code -> "'" + code + "'").toList()) + ")");
        inCounty = reportInGrid("code LIKE '441302%' AND code NOT LIKE '" + township.substring(0, 9) + "%'");
        outsideCounty = reportInGrid("code LIKE '4413%' AND code NOT LIKE '441302%'");
    }

    @Test
    void workerSeesOnlyItsGrids() {
        JsonNode list = list("worker");

        assertThat(ids(list)).contains(inWorkerGrid).doesNotContain(inTownship, inCounty, outsideCounty);
        list.get("items").forEach(item -> assertThat(workerGrids).contains(item.get("gridCode").asString()));
        assertThat(status("worker", "/api/v1/incidents/" + inTownship + "/workflow")).isEqualTo(404);
    }

    @Test
    void townshipSeesOnlyItsTownship() {
        JsonNode list = list("township");

        assertThat(ids(list)).contains(inWorkerGrid, inTownship).doesNotContain(inCounty, outsideCounty);
        list.get("items").forEach(item -> assertThat(item.get("gridCode").asString())
                .startsWith(township.substring(0, 9)));
    }

    @Test
    void countySeesOnlyItsCounty() {
        JsonNode list = list("county");

        assertThat(ids(list)).contains(inWorkerGrid, inTownship, inCounty).doesNotContain(outsideCounty);
        list.get("items").forEach(item -> assertThat(item.get("gridCode").asString()).startsWith("441302"));
    }

    @Test
    void administratorSeesTheWholeCity() {
        assertThat(ids(list("admin"))).contains(inWorkerGrid, inTownship, inCounty, outsideCounty);
    }

    @Test
    void listCountsShrinkWithTheJurisdiction() {
        int county = list("county").get("items").size();
        int townshipCount = list("township").get("items").size();
        int worker = list("worker").get("items").size();

        assertThat(list("worker").get("truncated").asBoolean()).isFalse();
        assertThat(list("township").get("truncated").asBoolean()).isFalse();
        assertThat(worker).isPositive().isLessThan(townshipCount);
        assertThat(townshipCount).isLessThan(county);
    }

    @Test
    void departmentSeesOnlyItsDepartment() {
        JsonNode list = list("department");

        assertThat(ids(list)).contains(inWorkerGrid, inCounty, outsideCounty);
        list.get("items").forEach(item -> assertThat(item.get("departmentName").asString()).contains("城市管理"));
    }

    @Test
    void plannerCannotEditAccounts() {
        assertThat(status("planner", "/api/v1/admin/accounts")).isEqualTo(403);
        assertThat(status("worker", "/api/v1/admin/audit")).isEqualTo(403);
        assertThat(status("admin", "/api/v1/admin/accounts")).isEqualTo(200);
    }

    private JsonNode list(String login) {
        ApiClient.Response response = ApiClient.signedIn(port, login, DemoAccounts.PASSWORD)
                .get("/api/v1/incidents?open=false&limit=1000&sort=deadline");
        assertThat(response.status()).as(login + ": " + response.text()).isEqualTo(200);
        return response.json();
    }

    private int status(String login, String path) {
        return ApiClient.signedIn(port, login, DemoAccounts.PASSWORD).get(path).status();
    }

    /** Reports a city management incident at a point inside the first active basic grid matching the condition. */
    private long reportInGrid(String gridCondition) {
        List<Double> point = jdbc.sql("""
                        SELECT ST_X(p), ST_Y(p) FROM (
                          SELECT ST_PointOnSurface(geom) AS p FROM grid
                           WHERE status = 'active' AND kind = 'basic' AND %s ORDER BY code LIMIT 1) AS chosen
                        """.formatted(gridCondition))
                .query((row, number) -> List.of(row.getDouble(1), row.getDouble(2))).single();
        return intake.report(new IncidentIntake.Report(point.get(0), point.get(1), "cgcs2000", "0501", "演示辖区测试事件",
                "ordinary", "phone", "13812345678", List.of())).incident().id();
    }

    private static List<Long> ids(JsonNode list) {
        List<Long> ids = new ArrayList<>();
        list.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }
}
