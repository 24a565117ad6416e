package cn.hemeigrid.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hemeigrid.PostgisTest;
import cn.hemeigrid.TwoTownships;
import cn.hemeigrid.incident.IncidentIntake;
import cn.hemeigrid.incident.IncidentWorkflow;

/** Each kind of jurisdiction as a SQL condition on incidents, grids and facilities, in PostGIS. */
@PostgisTest
class JurisdictionConditionTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IncidentIntake intake;

    @Autowired
    IncidentWorkflow workflow;

    @Autowired
    cn.hemeigrid.access.Accounts accounts;

    JurisdictionFixtures incidents;

    @BeforeEach
    void insertTownships() {
        TwoTownships.insert(jdbc);
        incidents = JurisdictionFixtures.report(intake, workflow, accounts);
    }

    @Test
    void wholeCityContainsEverything() {
        Jurisdiction wholeCity = new Jurisdiction.WholeCity();

        assertThat(incidentsIn(wholeCity)).containsExactlyInAnyOrderElementsOf(incidents.all());
        assertThat(gridsIn(wholeCity)).containsExactly(TwoTownships.GRID_A, TwoTownships.GRID_B);
        assertThat(facilitiesIn(wholeCity)).containsExactly("乙社区消防栓", "甲社区消防栓");
    }

    @Test
    void villageContainsOnlyItsOwnRows() {
        Jurisdiction village = new Jurisdiction.Unit(TwoTownships.VILLAGE_A);

        assertThat(incidentsIn(village)).containsExactlyInAnyOrder(incidents.cityManagementA(), incidents.summonedA());
        assertThat(gridsIn(village)).containsExactly(TwoTownships.GRID_A);
        assertThat(facilitiesIn(village)).containsExactly("甲社区消防栓");
    }

    @Test
    void townshipAndCountyContainTheVillagesBelow() {
        Jurisdiction townshipB = new Jurisdiction.Unit(TwoTownships.TOWNSHIP_B);
        Jurisdiction county = new Jurisdiction.Unit(TwoTownships.COUNTY);

        assertThat(incidentsIn(townshipB)).containsExactlyInAnyOrder(incidents.cityManagementB(), incidents.waterB());
        assertThat(gridsIn(townshipB)).containsExactly(TwoTownships.GRID_B);
        assertThat(facilitiesIn(townshipB)).containsExactly("乙社区消防栓");
        assertThat(incidentsIn(county)).containsExactlyInAnyOrderElementsOf(incidents.all());
        assertThat(gridsIn(county)).containsExactly(TwoTownships.GRID_A, TwoTownships.GRID_B);
    }

    @Test
    void gridSetContainsItsGridsOnly() {
        Jurisdiction gridB = new Jurisdiction.Grids(Set.of(TwoTownships.GRID_B));
        Jurisdiction noGrids = new Jurisdiction.Grids(Set.of());

        assertThat(incidentsIn(gridB)).containsExactlyInAnyOrder(incidents.cityManagementB(), incidents.waterB());
        assertThat(gridsIn(gridB)).containsExactly(TwoTownships.GRID_B);
        assertThat(facilitiesIn(gridB)).containsExactly("乙社区消防栓");
        assertThat(incidentsIn(noGrids)).isEmpty();
        assertThat(gridsIn(noGrids)).isEmpty();
    }

    @Test
    void departmentContainsRoutedAndSummonedIncidents() {
        Jurisdiction water = new Jurisdiction.Department("water");
        Jurisdiction cityManagement = new Jurisdiction.Department("city_management");

        assertThat(incidentsIn(water)).containsExactlyInAnyOrder(incidents.waterB(), incidents.summonedA());
        assertThat(incidentsIn(cityManagement)).containsExactlyInAnyOrder(incidents.cityManagementA(),
                incidents.cityManagementB(), incidents.summonedA());
        assertThat(gridsIn(water)).isEmpty();
        assertThat(facilitiesIn(water)).isEmpty();
    }

    @Test
    void injectionTextStaysAValue() {
        Jurisdiction department = new Jurisdiction.Department("water' OR '1'='1");
        Jurisdiction grids = new Jurisdiction.Grids(Set.of("x') OR TRUE --"));

        assertThat(incidentsIn(department)).isEmpty();
        assertThat(incidentsIn(grids)).isEmpty();
        assertThat(gridsIn(grids)).isEmpty();
    }

    @Test
    void unitsInsideJurisdiction() {
        assertThat(JurisdictionCondition.containsUnit(new Jurisdiction.WholeCity(), TwoTownships.VILLAGE_B)).isTrue();
        assertThat(JurisdictionCondition.containsUnit(new Jurisdiction.Unit(TwoTownships.COUNTY), TwoTownships.VILLAGE_B))
                .isTrue();
        assertThat(JurisdictionCondition.containsUnit(new Jurisdiction.Unit(TwoTownships.TOWNSHIP_A),
                TwoTownships.VILLAGE_A)).isTrue();
        assertThat(JurisdictionCondition.containsUnit(new Jurisdiction.Unit(TwoTownships.TOWNSHIP_A),
                TwoTownships.VILLAGE_B)).isFalse();
        assertThat(JurisdictionCondition.containsUnit(new Jurisdiction.Unit(TwoTownships.TOWNSHIP_A),
                TwoTownships.COUNTY)).isFalse();
        assertThat(JurisdictionCondition.containsUnit(new Jurisdiction.Grids(Set.of(TwoTownships.GRID_A)),
                TwoTownships.VILLAGE_A)).isFalse();
        assertThat(JurisdictionCondition.containsUnit(new Jurisdiction.Department("water"), TwoTownships.VILLAGE_A))
                .isFalse();
    }

    private List<Long> incidentsIn(Jurisdiction jurisdiction) {
        JurisdictionCondition condition = JurisdictionCondition.incidents(jurisdiction, "i");
        Map<String, Object> parameters = new HashMap<>(condition.parameters());
        parameters.put("ids", incidents.all());
        return jdbc.sql("SELECT i.id FROM incident i WHERE i.id IN (:ids)" + condition.andSql() + " ORDER BY i.id")
                .params(parameters)
                .query(Long.class)
                .list();
    }

    private List<String> gridsIn(Jurisdiction jurisdiction) {
        JurisdictionCondition condition = JurisdictionCondition.grids(jurisdiction, "g");
        return jdbc.sql("SELECT g.code FROM grid g WHERE g.village_code LIKE '9703%'" + condition.andSql()
                        + " ORDER BY g.code")
                .params(condition.parameters())
                .query(String.class)
                .list();
    }

    private List<String> facilitiesIn(Jurisdiction jurisdiction) {
        JurisdictionCondition condition = JurisdictionCondition.facilities(jurisdiction, "f");
        return jdbc.sql("SELECT f.name FROM facility f WHERE f.name LIKE '%社区消防栓' AND ST_X(f.geom) > 96.5"
                        + condition.andSql() + " ORDER BY f.name")
                .params(condition.parameters())
                .query(String.class)
                .list();
    }
}
