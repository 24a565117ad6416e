package cn.hemeigrid.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hemeigrid.ApiClient;
import cn.hemeigrid.PostgisTest;
import cn.hemeigrid.TestAccounts;
import cn.hemeigrid.TwoTownships;
import cn.hemeigrid.incident.IncidentIntake;
import cn.hemeigrid.incident.IncidentWorkflow;
import tools.jackson.databind.JsonNode;

/**
 * Staff endpoints over HTTP, signed in as accounts whose jurisdiction is stored in the
 * database, so each request goes from the session through the account and
 * {@link SignedInJurisdiction} to the SQL filter: a grid worker and a dispatcher of
 * village/community A, a grid leader of grid A, dispatchers of township A and of the county,
 * and a department handler of the water department, against the incidents of {@link TwoTownships}.
 */
@PostgisTest
class JurisdictionApiTest {

    static final Jurisdiction VILLAGE_A = new Jurisdiction.Unit(TwoTownships.VILLAGE_A);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IncidentIntake intake;

    @Autowired
    IncidentWorkflow workflow;

    @Autowired
    Accounts accounts;

    ApiClient worker;

    JurisdictionFixtures incidents;

    @BeforeEach
    void report() {
        TwoTownships.insert(jdbc);
        incidents = JurisdictionFixtures.report(intake, workflow, accounts);
        worker = TestAccounts.signedIn(jdbc, port, VILLAGE_A, "甲社区网格员", "grid_worker_full_time");
    }

    @Test
    void incidentListHoldsOnlyIncidentsInside() {
        ApiClient.Response response = worker.get("/api/v1/incidents?open=false&limit=1000&bbox=" + TwoTownships.BBOX);

        assertThat(response.status()).isEqualTo(200);
        assertThat(ids(response.json().get("items"))).contains(incidents.cityManagementA(), incidents.summonedA())
                .doesNotContain(incidents.cityManagementB(), incidents.waterB());
        assertThat(response.text()).contains(JurisdictionFixtures.MASKED_CONTACT)
                .doesNotContain(JurisdictionFixtures.CONTACT);
    }

    @Test
    void filtersOutsideListNothing() {
        List<String> queries = List.of("unit=" + TwoTownships.TOWNSHIP_B, "unit=" + TwoTownships.VILLAGE_B,
                "gridCode=" + TwoTownships.GRID_B, "unit=" + TwoTownships.COUNTY + "&category=0304",
                "handlerRoute=department", "status=reported");

        for (String query : queries) {
            ApiClient.Response response = worker.get("/api/v1/incidents?open=false&limit=1000&" + query);

            assertThat(response.status()).as(query).isEqualTo(200);
            assertThat(ids(response.json().get("items"))).as(query)
                    .doesNotContain(incidents.cityManagementB(), incidents.waterB());
        }
    }

    @Test
    void workflowOfIncidentOutsideAnswersLikeAMissingOne() {
        long outside = incidents.waterB();
        long missing = Long.MAX_VALUE;

        for (String path : List.of("/workflow", "/transitions")) {
            ApiClient.Response outsideResponse = worker.get("/api/v1/incidents/" + outside + path);
            ApiClient.Response missingResponse = worker.get("/api/v1/incidents/" + missing + path);

            assertThat(outsideResponse.status()).isEqualTo(404);
            assertThat(outsideResponse.contentType()).isEqualTo(missingResponse.contentType());
            assertThat(outsideResponse.text().replace(String.valueOf(outside), "ID"))
                    .isEqualTo(missingResponse.text().replace(String.valueOf(missing), "ID"));
        }
    }

    @Test
    void workerStepOnIncidentOutsideIsNotFound() {
        long outside = incidents.cityManagementB();

        ApiClient.Response started = worker.postJson("/api/v1/incidents/" + outside + "/transitions",
                "{\"action\":\"start_handling\"}");

        assertThat(started.status()).isEqualTo(404);
        assertThat(status(outside)).isEqualTo("reported");
    }

    @Test
    void dispatcherActionsOnIncidentOutsideAreNotFound() {
        ApiClient dispatcher = TestAccounts.signedIn(jdbc, port, VILLAGE_A, "甲社区调度员", "dispatcher_village");
        long outside = incidents.cityManagementB();
        String accept = "{\"action\":\"accept\",\"actor\":\"调度员甲\"}";
        String summons = "{\"actor\":\"调度员甲\",\"departments\":[\"water\"],\"reason\":\"到场\"}";

        assertThat(dispatcher.postJson("/api/v1/incidents/" + outside + "/transitions", accept).status())
                .isEqualTo(404);
        assertThat(dispatcher.postJson("/api/v1/incidents/" + outside + "/summons", summons).status()).isEqualTo(404);
        assertThat(dispatcher.postJson("/api/v1/incidents/" + outside + "/summons/1/answer",
                "{\"actor\":\"水务局\",\"answer\":\"已到场\"}").status()).isEqualTo(404);
        assertThat(status(outside)).isEqualTo("reported");
    }

    @Test
    void dispatcherActsOnIncidentInside() {
        ApiClient dispatcher = TestAccounts.signedIn(jdbc, port, VILLAGE_A, "甲社区调度员", "dispatcher_village");

        ApiClient.Response accepted = dispatcher.postJson(
                "/api/v1/incidents/" + incidents.cityManagementA() + "/transitions", "{\"action\":\"accept\"}");

        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        assertThat(status(incidents.cityManagementA())).isEqualTo("accepted");
    }

    @Test
    void workflowInsideShowsTheFullContact() {
        ApiClient.Response response = worker.get("/api/v1/incidents/" + incidents.cityManagementA() + "/workflow");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("reporterContact").asString()).isEqualTo(JurisdictionFixtures.CONTACT);
    }

    @Test
    void facilityLayerHoldsOnlyFacilitiesInside() {
        ApiClient.Response response = worker.get("/api/v1/layers/facilities?zoom=14&bbox=" + TwoTownships.BBOX);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).contains("甲社区消防栓").doesNotContain("乙社区消防栓");
    }

    @Test
    void gridLayerStaysPublic() {
        ApiClient.Response response = worker.get("/api/v1/layers/grids?zoom=14&bbox=" + TwoTownships.BBOX);

        assertThat(response.text()).contains(TwoTownships.GRID_A, TwoTownships.GRID_B);
    }

    @Test
    void gridDetailsListOnlyIncidentsInside() {
        JsonNode other = worker.get("/api/v1/grids/" + TwoTownships.GRID_B).json();
        JsonNode own = worker.get("/api/v1/grids/" + TwoTownships.GRID_A).json();

        assertThat(other.get("openIncidents").size()).isZero();
        assertThat(ids(own.get("openIncidents"))).contains(incidents.cityManagementA());
    }

    @Test
    void gridWorkerCannotReadIndicators() {
        assertThat(worker.get("/api/v1/indicators?level=village&from=2026-01-01&to=2026-12-31").status())
                .isEqualTo(403);
        assertThat(worker.get("/api/v1/indicators.csv?level=village&from=2026-01-01&to=2026-12-31").status())
                .isEqualTo(403);
        assertThat(worker.get("/api/v1/indicators/hotspots?from=2026-01-01&to=2026-12-31").status())
                .isEqualTo(403);
    }

    @Test
    void indicatorsAboveTheJurisdictionAreForbidden() {
        ApiClient dispatcher = TestAccounts.signedIn(jdbc, port, VILLAGE_A, "甲社区调度员", "dispatcher_village");

        ApiClient.Response json = dispatcher.get("/api/v1/indicators?level=township&from=2026-01-01&to=2026-12-31",
                "Accept-Language", "zh-CN");
        ApiClient.Response csv = dispatcher.get("/api/v1/indicators.csv?level=county&from=2026-01-01&to=2026-12-31");

        assertThat(json.status()).isEqualTo(403);
        assertThat(json.json().get("detail").asString()).contains("township", "village");
        assertThat(csv.status()).isEqualTo(403);
    }

    @Test
    void gridLeaderCountsOnlyOwnGrid() {
        ApiClient leader = TestAccounts.signedIn(jdbc, port, new Jurisdiction.Grids(Set.of(TwoTownships.GRID_A)),
                "甲社区网格长", "grid_leader");

        ApiClient.Response json = leader.get("/api/v1/indicators?level=grid&from=" + today() + "&to=" + today());
        ApiClient.Response csv = leader.get("/api/v1/indicators.csv?level=grid&from=" + today() + "&to=" + today());

        assertThat(json.status()).isEqualTo(200);
        assertThat(json.text()).contains(TwoTownships.GRID_A).doesNotContain(TwoTownships.GRID_B);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.text()).contains(TwoTownships.GRID_A).doesNotContain(TwoTownships.GRID_B);
    }

    @Test
    void hotspotsCountOnlyIncidentsInside() {
        ApiClient townshipB = TestAccounts.signedIn(jdbc, port, new Jurisdiction.Unit(TwoTownships.TOWNSHIP_B),
                "乙街道调度员", "dispatcher_township");
        ApiClient townshipA = TestAccounts.signedIn(jdbc, port, new Jurisdiction.Unit(TwoTownships.TOWNSHIP_A),
                "甲街道调度员", "dispatcher_township");

        JsonNode cellsOfB = townshipB.get("/api/v1/indicators/hotspots?from=" + today() + "&to=" + today()).json();
        JsonNode cellsOfA = townshipA.get("/api/v1/indicators/hotspots?from=" + today() + "&to=" + today()).json();

        assertThat(longitudes(cellsOfB)).allMatch(lon -> lon > 97.09).isNotEmpty();
        assertThat(longitudes(cellsOfA)).allMatch(lon -> lon < 97.11).isNotEmpty();
    }

    @Test
    void indicatorCsvListsOnlyUnitsInside() {
        ApiClient county = TestAccounts.signedIn(jdbc, port, new Jurisdiction.Unit(TwoTownships.COUNTY),
                "辖区测试区调度员", "dispatcher_county");

        ApiClient.Response csv = county.get("/api/v1/indicators.csv?level=village&from=" + today() + "&to=" + today());

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.text()).contains(TwoTownships.VILLAGE_A, TwoTownships.VILLAGE_B)
                .doesNotContain("441302");
    }

    @Test
    void townshipDispatcherSeesOnlyItsTownship() {
        ApiClient dispatcher = TestAccounts.signedIn(jdbc, port, new Jurisdiction.Unit(TwoTownships.TOWNSHIP_B),
                "乙街道调度员", "dispatcher_township");

        ApiClient.Response list = dispatcher.get("/api/v1/incidents?open=false&limit=1000&bbox=" + TwoTownships.BBOX);
        ApiClient.Response indicators = dispatcher.get("/api/v1/indicators?level=village&from=" + today() + "&to="
                + today());

        assertThat(ids(list.json().get("items"))).contains(incidents.cityManagementB(), incidents.waterB())
                .doesNotContain(incidents.cityManagementA(), incidents.summonedA());
        assertThat(indicators.text()).contains(TwoTownships.VILLAGE_B).doesNotContain(TwoTownships.VILLAGE_A);
        assertThat(dispatcher.get("/api/v1/incidents/" + incidents.summonedA() + "/workflow").status())
                .isEqualTo(404);
    }

    @Test
    void departmentSeesRoutedAndSummonedIncidentsOnly() {
        ApiClient department = TestAccounts.signedIn(jdbc, port, new Jurisdiction.Department("water"), "水务局处置人员",
                "department_handler");

        ApiClient.Response list = department.get("/api/v1/incidents?open=false&limit=1000&bbox=" + TwoTownships.BBOX);

        assertThat(ids(list.json().get("items"))).contains(incidents.waterB(), incidents.summonedA())
                .doesNotContain(incidents.cityManagementA(), incidents.cityManagementB());
        assertThat(department.get("/api/v1/incidents/" + incidents.cityManagementA() + "/workflow").status())
                .isEqualTo(404);
        assertThat(department.get("/api/v1/incidents/" + incidents.summonedA() + "/workflow").status())
                .isEqualTo(200);
        assertThat(department.get("/api/v1/indicators?level=village&from=" + today() + "&to=" + today()).status())
                .isEqualTo(403);
    }

    @Test
    void gridSetSeesOnlyItsGrid() {
        ApiClient gridWorker = TestAccounts.signedIn(jdbc, port, new Jurisdiction.Grids(Set.of(TwoTownships.GRID_B)),
                "乙社区网格员", "grid_worker_part_time");

        ApiClient.Response list = gridWorker.get("/api/v1/incidents?open=false&limit=1000&bbox=" + TwoTownships.BBOX);

        assertThat(ids(list.json().get("items"))).contains(incidents.waterB(), incidents.cityManagementB())
                .doesNotContain(incidents.cityManagementA(), incidents.summonedA());
        assertThat(gridWorker.get("/api/v1/incidents/" + incidents.cityManagementA() + "/workflow").status())
                .isEqualTo(404);
    }

    @Test
    void changedJurisdictionAppliesOnNextRequest() {
        String login = TestAccounts.create(jdbc, VILLAGE_A, "调动网格员", "grid_worker_full_time");
        ApiClient moved = ApiClient.signedIn(port, login, TestAccounts.PASSWORD);
        assertThat(moved.get("/api/v1/incidents/" + incidents.waterB() + "/workflow").status()).isEqualTo(404);

        jdbc.sql("UPDATE account SET unit_code = ? WHERE login_name = ?").params(TwoTownships.VILLAGE_B, login).update();

        assertThat(moved.get("/api/v1/incidents/" + incidents.waterB() + "/workflow").status()).isEqualTo(200);
        assertThat(moved.get("/api/v1/incidents/" + incidents.cityManagementA() + "/workflow").status())
                .isEqualTo(404);
    }

    private String status(long incident) {
        return jdbc.sql("SELECT status FROM incident WHERE id = ?").param(incident).query(String.class).single();
    }

    private static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    }

    private static List<Double> longitudes(JsonNode featureCollection) {
        List<Double> longitudes = new ArrayList<>();
        featureCollection.get("features").forEach(cell -> cell.get("geometry").get("coordinates").get(0)
                .forEach(corner -> longitudes.add(corner.get(0).asDouble())));
        return longitudes;
    }

    private static List<Long> ids(JsonNode items) {
        List<Long> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }
}
