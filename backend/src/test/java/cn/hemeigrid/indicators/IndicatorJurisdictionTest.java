package cn.hemeigrid.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hemeigrid.PostgisTest;
import cn.hemeigrid.TwoTownships;
import cn.hemeigrid.access.Jurisdiction;
import cn.hemeigrid.access.JurisdictionFixtures;
import cn.hemeigrid.incident.IncidentIntake;
import cn.hemeigrid.incident.IncidentWorkflow;
import cn.hemeigrid.system.RejectedRequestException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Indicators and hot spots limited to each kind of jurisdiction, on {@link JurisdictionFixtures}. */
@PostgisTest
class IndicatorJurisdictionTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IncidentIntake intake;

    @Autowired
    IncidentWorkflow workflow;

    @Autowired
    cn.hemeigrid.access.Accounts accounts;

    @Autowired
    Indicators indicators;

    @Autowired
    Hotspots hotspots;

    @Autowired
    JsonMapper json;

    IndicatorPeriod today;

    @BeforeEach
    void report() {
        TwoTownships.insert(jdbc);
        JurisdictionFixtures.report(intake, workflow, accounts);
        String date = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        today = IndicatorPeriod.parse(date, date);
    }

    @Test
    void townshipListsOnlyItsOwnUnits() {
        Jurisdiction townshipA = new Jurisdiction.Unit(TwoTownships.TOWNSHIP_A);

        assertThat(codes(townshipA, IndicatorLevel.VILLAGE)).containsExactly(TwoTownships.VILLAGE_A);
        assertThat(codes(townshipA, IndicatorLevel.TOWNSHIP)).containsExactly(TwoTownships.TOWNSHIP_A);
        assertThat(codes(townshipA, IndicatorLevel.GRID)).containsExactly(TwoTownships.GRID_A);
    }

    @Test
    void townshipCountsOnlyItsOwnIncidents() {
        Jurisdiction townshipA = new Jurisdiction.Unit(TwoTownships.TOWNSHIP_A);

        List<UnitIndicators> departments = of(townshipA, IndicatorLevel.DEPARTMENT);

        assertThat(departments).extracting(UnitIndicators::code).containsExactly("city_management");
    }

    @Test
    void levelAboveTheUnitIsForbidden() {
        assertForbidden(new Jurisdiction.Unit(TwoTownships.TOWNSHIP_A), IndicatorLevel.COUNTY);
        assertForbidden(new Jurisdiction.Unit(TwoTownships.VILLAGE_A), IndicatorLevel.TOWNSHIP);
        assertForbidden(new Jurisdiction.Grids(Set.of(TwoTownships.GRID_A)), IndicatorLevel.VILLAGE);
        assertForbidden(new Jurisdiction.Department("water"), IndicatorLevel.GRID);
        assertForbidden(new Jurisdiction.Department("water"), IndicatorLevel.WORKER);
    }

    @Test
    void gridSetListsOnlyItsGrids() {
        Jurisdiction gridB = new Jurisdiction.Grids(Set.of(TwoTownships.GRID_B));

        assertThat(codes(gridB, IndicatorLevel.GRID)).containsExactly(TwoTownships.GRID_B);
        assertThat(codes(gridB, IndicatorLevel.DEPARTMENT)).containsExactly("city_management", "water");
    }

    @Test
    void departmentSeesItsOwnFigures() {
        assertThat(codes(new Jurisdiction.Department("water"), IndicatorLevel.DEPARTMENT)).containsExactly("water");
    }

    @Test
    void hotspotsCountOnlyIncidentsInside() {
        JsonNode cells = json.readTree(hotspots.featureCollection(new Jurisdiction.Unit(TwoTownships.VILLAGE_B), today,
                1000, null));

        assertThat(cells.get("features").size()).isGreaterThan(0);
        for (JsonNode cell : cells.get("features")) {
            for (JsonNode corner : cell.get("geometry").get("coordinates").get(0)) {
                assertThat(corner.get(0).asDouble()).isBetween(97.08, 97.22);
            }
        }
    }

    @Test
    void hotspotsOfDepartmentWithoutIncidentsAreEmpty() {
        JsonNode cells = json.readTree(hotspots.featureCollection(new Jurisdiction.Department("no_such_department"),
                today, 1000, null));

        assertThat(cells.get("features").size()).isZero();
    }

    private List<String> codes(Jurisdiction jurisdiction, IndicatorLevel level) {
        return of(jurisdiction, level).stream().map(UnitIndicators::code).toList();
    }

    private List<UnitIndicators> of(Jurisdiction jurisdiction, IndicatorLevel level) {
        return indicators.of(level, IndicatorScope.of(jurisdiction, level), today);
    }

    private static void assertForbidden(Jurisdiction jurisdiction, IndicatorLevel level) {
        Throwable thrown = catchThrowable(() -> IndicatorScope.of(jurisdiction, level));

        assertThat(thrown).isInstanceOf(RejectedRequestException.class);
        assertThat(((RejectedRequestException) thrown).status()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
