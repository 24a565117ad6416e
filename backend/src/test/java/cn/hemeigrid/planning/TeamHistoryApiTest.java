package cn.hemeigrid.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hemeigrid.ApiClient;
import cn.hemeigrid.TestAccounts;
import cn.hemeigrid.PostgisTest;
import tools.jackson.databind.JsonNode;

/** The history of a grid's team over HTTP, on a test village with one grid. */
@PostgisTest
class TeamHistoryApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;
    TestVillage village;
    List<Long> workers = new ArrayList<>();

    @BeforeEach
    void insertVillage() {
        api = new ApiClient(port);
        village = new TestVillage(jdbc, "90", 113.00, 21.00);
        village.delete();
        village.insert();
        village.insertGrid(1, village.cells(0, 0, 10, 10));
    }

    @AfterEach
    void deleteVillage() {
        village.delete();
        for (long worker : workers) {
            jdbc.sql("DELETE FROM grid_assignment WHERE worker_id = ?").param(worker).update();
            jdbc.sql("DELETE FROM grid_worker WHERE id = ?").param(worker).update();
        }
    }

    @Test
    void historyKeepsEveryTeamChange() {
        long leader = worker("历史测试甲");
        long fullTime = worker("历史测试乙");

        ApiClient.Response first = putTeam("[" + member(leader, "leader") + "," + member(fullTime, "full_time") + "]",
                "张规划");
        ApiClient.Response second = putTeam("[" + member(leader, "leader") + "]", "李规划");
        ApiClient.Response third = putTeam("[" + member(leader, "part_time") + "]", "王规划");
        JsonNode history = api.get("/api/v1/planning/grids/" + village.gridCode(1) + "/team/history").json();

        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(second.status()).as(second.text()).isEqualTo(200);
        assertThat(third.status()).as(third.text()).isEqualTo(200);
        JsonNode entries = history.get("entries");
        assertThat(entries).hasSize(3);
        JsonNode leaderPeriod = entry(entries, leader, "leader");
        assertThat(leaderPeriod.get("roleName").asString()).isEqualTo("网格长");
        assertThat(leaderPeriod.get("assignedBy").asString()).isEqualTo("张规划");
        assertThat(leaderPeriod.get("validFrom").isNull()).isFalse();
        assertThat(leaderPeriod.get("validTo").isNull()).as("ended only by the third change").isFalse();
        assertThat(leaderPeriod.get("endedBy").asString()).isEqualTo("王规划");
        JsonNode fullTimePeriod = entry(entries, fullTime, "full_time");
        assertThat(fullTimePeriod.get("endedBy").asString()).isEqualTo("李规划");
        JsonNode partTimePeriod = entry(entries, leader, "part_time");
        assertThat(partTimePeriod.get("validTo").isNull()).isTrue();
        assertThat(partTimePeriod.get("assignedBy").asString()).isEqualTo("王规划");
    }

    @Test
    void unchangedMemberKeepsOnePeriod() {
        long leader = worker("历史测试丙");

        putTeam("[" + member(leader, "leader") + "]", "张规划");
        putTeam("[" + member(leader, "leader") + "]", "李规划");

        JsonNode entries = api.get("/api/v1/planning/grids/" + village.gridCode(1) + "/team/history").json()
                .get("entries");
        assertThat(entries).hasSize(1);
        assertThat(entries.at("/0/assignedBy").asString()).isEqualTo("张规划");
        assertThat(entries.at("/0/validTo").isNull()).isTrue();
    }

    @Test
    void retireEndsTeamPeriods() {
        long leader = worker("历史测试戊");
        putTeam("[" + member(leader, "leader") + "]", "张规划");

        ApiClient.Response retired = api.postJson("/api/v1/planning/grids/" + village.gridCode(1) + "/retire",
                "{\"version\":1}");

        assertThat(retired.status()).as(retired.text()).isEqualTo(200);
        JsonNode entries = api.get("/api/v1/planning/grids/" + village.gridCode(1) + "/team/history").json()
                .get("entries");
        assertThat(entries).hasSize(1);
        assertThat(entries.at("/0/validTo").isNull()).as("leader period ended by the retirement").isFalse();
        assertThat(api.get("/api/v1/planning/grids/" + village.gridCode(1) + "/team").json().get("members"))
                .isEmpty();
    }

    @Test
    void splitHandsTeamToPieces() {
        long leader = worker("历史测试己");
        putTeam("[" + member(leader, "leader") + "]", "张规划");
        String line = String.format(java.util.Locale.ROOT,
                "{\"type\":\"LineString\",\"coordinates\":[[%.7f,%.7f],[%.7f,%.7f]]}",
                village.west() + 0.005, village.south() - 0.001, village.west() + 0.005, village.south() + 0.011);

        ApiClient.Response split = api.postJson("/api/v1/planning/grids/" + village.gridCode(1) + "/split",
                "{\"version\":1,\"line\":" + line + "}");

        assertThat(split.status()).as(split.text()).isEqualTo(200);
        JsonNode oldEntries = api.get("/api/v1/planning/grids/" + village.gridCode(1) + "/team/history").json()
                .get("entries");
        assertThat(oldEntries.at("/0/validTo").isNull()).as("period in the split grid ended").isFalse();
        for (JsonNode piece : split.json().get("grids")) {
            JsonNode members = api.get("/api/v1/planning/grids/" + piece.get("code").asString() + "/team").json()
                    .get("members");
            assertThat(members).as("team of %s", piece.get("code")).hasSize(1);
            assertThat(members.at("/0/workerId").asLong()).isEqualTo(leader);
        }
    }

    @Test
    void unknownGridHistoryIsNotFound() {
        ApiClient.Response unknownGrid = api.get("/api/v1/planning/grids/909999999999999/team/history");

        assertThat(unknownGrid.status()).isEqualTo(404);
        assertThat(unknownGrid.json().get("detail").asString()).contains("909999999999999");
    }

    private long worker(String name) {
        ApiClient.Response created = api.postJson("/api/v1/planning/workers", "{\"name\":\"" + name + "\"}");
        long id = created.json().get("id").asLong();
        workers.add(id);
        return id;
    }

    /** Replaces the team of the test grid as a planner account with the given display name. */
    private ApiClient.Response putTeam(String members, String plannerName) {
        String body = "{\"members\":" + members + "}";
        return TestAccounts.signedIn(jdbc, port, plannerName, "planner").send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/planning/grids/"
                        + village.gridCode(1) + "/team"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private static String member(long workerId, String role) {
        return "{\"workerId\":" + workerId + ",\"role\":\"" + role + "\"}";
    }

    private static JsonNode entry(JsonNode entries, long workerId, String role) {
        for (JsonNode entry : entries) {
            if (entry.get("workerId").asLong() == workerId && entry.get("role").asString().equals(role)) {
                return entry;
            }
        }
        throw new AssertionError("No history entry of worker " + workerId + " as " + role + " in " + entries);
    }
}
