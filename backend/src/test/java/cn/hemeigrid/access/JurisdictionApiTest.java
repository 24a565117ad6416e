package cn.hemeigrid.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hemeigrid.ApiClient;
import cn.hemeigrid.PostgisTest;
import cn.hemeigrid.TwoTownships;
import cn.hemeigrid.incident.IncidentIntake;
import cn.hemeigrid.incident.IncidentWorkflow;
import tools.jackson.databind.JsonNode;

/**
 * Staff endpoints over HTTP with the request's jurisdiction set by {@link JurisdictionOverride}:
 * a village/community of township A against the incidents and grids of township B.
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
    cn.hemeigrid.access.Accounts accounts;

    @Autowired
    JurisdictionOverride jurisdiction;

    ApiClient api;

    JurisdictionFixtures incidents;

    @BeforeEach
    void report() {
        api = new ApiClient(port);
        TwoTownships.insert(jdbc);
        incidents = JurisdictionFixtures.report(intake, workflow, accounts);
        jurisdiction.set(VILLAGE_A);
    }

    @AfterEach
    void clearJurisdiction() {
        jurisdiction.clear();
    }

    @Test
    void incidentListHoldsOnlyIncidentsInside() {
        ApiClient.Response response = api.get("/api/v1/incidents?open=false&limit=1000&bbox=" + TwoTownships.BBOX);

        assertThat(response.status()).isEqualTo(200);
        assertThat(ids(response.json().get("items"))).contains(incidents.cityManagementA(), incidents.summonedA())
                .doesNotContain(incidents.cityManagementB(), incidents.waterB());
        assertThat(response.text()).contains(JurisdictionFixtures.MASKED_CONTACT)
                .doesNotContain(JurisdictionFixtures.CONTACT);
    }

    @Test
    void unitFilterOutsideListsNothing() {
        ApiClient.Response response = api.get("/api/v1/incidents?open=false&limit=1000&unit=" + TwoTownships.TOWNSHIP_B);

        assertThat(response.status()).isEqualTo(200);
        assertThat(ids(response.json().get("items"))).doesNotContain(incidents.cityManagementB(), incidents.waterB());
    }

    @Test
    void workflowOfIncidentOutsideAnswersLikeAMissingOne() {
        long outside = incidents.waterB();
        long missing = Long.MAX_VALUE;

        for (String path : List.of("/workflow", "/transitions")) {
            ApiClient.Response outsideResponse = api.get("/api/v1/incidents/" + outside + path);
            ApiClient.Response missingResponse = api.get("/api/v1/incidents/" + missing + path);

            assertThat(outsideResponse.status()).isEqualTo(404);
            assertThat(outsideResponse.contentType()).isEqualTo(missingResponse.contentType());
            assertThat(outsideResponse.text().replace(String.valueOf(outside), "ID"))
                    .isEqualTo(missingResponse.text().replace(String.valueOf(missing), "ID"));
        }
    }

    @Test
    void actionsOnIncidentOutsideAreNotFound() {
        long outside = incidents.cityManagementB();
        String accept = "{\"action\":\"accept\",\"actor\":\"调度员甲\"}";
        String summons = "{\"actor\":\"调度员甲\",\"departments\":[\"water\"],\"reason\":\"到场\"}";

        assertThat(api.postJson("/api/v1/incidents/" + outside + "/transitions", accept).status()).isEqualTo(404);
        assertThat(api.postJson("/api/v1/incidents/" + outside + "/summons", summons).status()).isEqualTo(404);
        assertThat(api.postJson("/api/v1/incidents/" + outside + "/summons/1/answer",
                "{\"actor\":\"水务局\",\"answer\":\"已到场\"}").status()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT status FROM incident WHERE id = ?").param(outside).query(String.class).single())
                .isEqualTo("reported");
    }

    @Test
    void workflowInsideShowsTheFullContact() {
        ApiClient.Response response = api.get("/api/v1/incidents/" + incidents.cityManagementA() + "/workflow");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("reporterContact").asString()).isEqualTo(JurisdictionFixtures.CONTACT);
    }

    @Test
    void facilityLayerHoldsOnlyFacilitiesInside() {
        ApiClient.Response response = api.get("/api/v1/layers/facilities?zoom=14&bbox=" + TwoTownships.BBOX);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text()).contains("甲社区消防栓").doesNotContain("乙社区消防栓");
    }

    @Test
    void gridLayerStaysPublic() {
        ApiClient.Response response = api.get("/api/v1/layers/grids?zoom=14&bbox=" + TwoTownships.BBOX);

        assertThat(response.text()).contains(TwoTownships.GRID_A, TwoTownships.GRID_B);
    }

    @Test
    void gridDetailsListOnlyIncidentsInside() {
        JsonNode other = api.get("/api/v1/grids/" + TwoTownships.GRID_B).json();
        JsonNode own = api.get("/api/v1/grids/" + TwoTownships.GRID_A).json();

        assertThat(other.get("openIncidents").size()).isZero();
        assertThat(ids(own.get("openIncidents"))).contains(incidents.cityManagementA());
    }

    @Test
    void indicatorsAboveTheJurisdictionAreForbidden() {
        ApiClient.Response json = api.get("/api/v1/indicators?level=township&from=2026-01-01&to=2026-12-31",
                "Accept-Language", "zh-CN");
        ApiClient.Response csv = api.get("/api/v1/indicators.csv?level=county&from=2026-01-01&to=2026-12-31");

        assertThat(json.status()).isEqualTo(403);
        assertThat(json.json().get("detail").asString()).contains("township", "village");
        assertThat(csv.status()).isEqualTo(403);
    }

    @Test
    void indicatorCsvListsOnlyUnitsInside() {
        jurisdiction.set(new Jurisdiction.Unit(TwoTownships.COUNTY));
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();

        ApiClient.Response csv = api.get("/api/v1/indicators.csv?level=village&from=" + today + "&to=" + today);

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.text()).contains(TwoTownships.VILLAGE_A, TwoTownships.VILLAGE_B)
                .doesNotContain("441302");
    }

    @Test
    void departmentSeesRoutedAndSummonedIncidentsOnly() {
        jurisdiction.set(new Jurisdiction.Department("water"));

        ApiClient.Response list = api.get("/api/v1/incidents?open=false&limit=1000&bbox=" + TwoTownships.BBOX);

        assertThat(ids(list.json().get("items"))).contains(incidents.waterB(), incidents.summonedA())
                .doesNotContain(incidents.cityManagementA(), incidents.cityManagementB());
        assertThat(api.get("/api/v1/incidents/" + incidents.cityManagementA() + "/workflow").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/incidents/" + incidents.summonedA() + "/workflow").status()).isEqualTo(200);
    }

    @Test
    void gridSetSeesOnlyItsGrid() {
        jurisdiction.set(new Jurisdiction.Grids(Set.of(TwoTownships.GRID_B)));

        ApiClient.Response list = api.get("/api/v1/incidents?open=false&limit=1000&bbox=" + TwoTownships.BBOX);

        assertThat(ids(list.json().get("items"))).contains(incidents.waterB(), incidents.cityManagementB())
                .doesNotContain(incidents.cityManagementA(), incidents.summonedA());
        assertThat(api.get("/api/v1/incidents/" + incidents.cityManagementA() + "/workflow").status()).isEqualTo(404);
    }

    private static List<Long> ids(JsonNode items) {
        List<Long> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").asLong()));
        return ids;
    }
}
