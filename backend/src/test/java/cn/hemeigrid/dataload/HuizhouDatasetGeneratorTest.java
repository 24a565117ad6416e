package cn.hemeigrid.dataload;

import static cn.hemeigrid.dataload.CoverageAssertions.assertCovers;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.MultiPolygon;

import cn.hemeigrid.dataload.HuizhouDataset.Assignment;
import cn.hemeigrid.dataload.HuizhouDataset.Grid;

class HuizhouDatasetGeneratorTest {

    private static final List<String> DEPARTMENTS = List.of("public_security", "city_management");

    private final HuizhouDataset dataset = HuizhouDatasetGenerator.generate(SyntheticSources.create(), DEPARTMENTS);

    private List<AdministrativeUnit> units(String level) {
        return dataset.units().stream().filter(unit -> unit.level().equals(level)).toList();
    }

    private List<Grid> basicGridsOf(String villageCode) {
        return dataset.grids().stream()
                .filter(grid -> grid.kind().equals("basic") && grid.villageCode().equals(villageCode))
                .toList();
    }

    @Test
    void sameSourcesGiveIdenticalDataset() {
        HuizhouDataset again = HuizhouDatasetGenerator.generate(SyntheticSources.create(), DEPARTMENTS);

        assertThat(again.units()).extracting(unit -> unit.code() + unit.geometry().toText() + unit.centre().toText())
                .containsExactlyElementsOf(dataset.units().stream()
                        .map(unit -> unit.code() + unit.geometry().toText() + unit.centre().toText()).toList());
        assertThat(again.grids()).extracting(grid -> grid.code() + grid.name() + grid.geometry().toText())
                .containsExactlyElementsOf(dataset.grids().stream()
                        .map(grid -> grid.code() + grid.name() + grid.geometry().toText()).toList());
        assertThat(again.workers()).isEqualTo(dataset.workers());
        assertThat(again.assignments()).isEqualTo(dataset.assignments());
        assertThat(again.facilities()).extracting(facility -> facility.name() + facility.location().toText())
                .containsExactlyElementsOf(dataset.facilities().stream()
                        .map(facility -> facility.name() + facility.location().toText()).toList());
    }

    @Test
    void basicGridsCoverEveryVillageExactly() {
        for (AdministrativeUnit village : units("village")) {
            Map<String, MultiPolygon> grids = new TreeMap<>();
            basicGridsOf(village.code()).forEach(grid -> grids.put(grid.code(), grid.geometry()));

            assertThat(grids).as("grids of %s", village.code()).hasSizeBetween(BasicGridPlanner.MIN_GRIDS,
                    BasicGridPlanner.MAX_GRIDS);
            assertCovers(village.geometry(), grids, 1e-14);
        }
    }

    @Test
    void everyLevelCoversItsParentExactly() {
        for (AdministrativeUnit parent : dataset.units()) {
            Map<String, MultiPolygon> children = new TreeMap<>();
            dataset.units().stream().filter(unit -> parent.code().equals(unit.parentCode()))
                    .forEach(unit -> children.put(unit.code(), unit.geometry()));
            if (!children.isEmpty()) {
                assertCovers(parent.geometry(), children, 1e-14);
            }
        }
    }

    @Test
    void storedCoordinatesLieOnTenMillionthDegreeGrid() {
        for (Grid grid : dataset.grids()) {
            for (Coordinate c : grid.geometry().getCoordinates()) {
                assertThat(SnapRoundedCoverage.PRECISION.makePrecise(c.x)).as("x of %s", grid.code()).isEqualTo(c.x);
                assertThat(SnapRoundedCoverage.PRECISION.makePrecise(c.y)).as("y of %s", grid.code()).isEqualTo(c.y);
            }
        }
    }

    @Test
    void basicGridsNamedAfterVillage() {
        List<Grid> grids = basicGridsOf("441302001001");

        for (int i = 0; i < grids.size(); i++) {
            assertThat(grids.get(i).code()).isEqualTo(GridNumbering.gridCode("441302001001", i + 1));
            assertThat(grids.get(i).name()).isEqualTo("东湖社区第" + (i + 1) + "网格");
        }
    }

    @Test
    void dedicatedGridsContinueNumberingInsideTheirVillage() {
        List<Grid> dedicated = dataset.grids().stream().filter(grid -> grid.kind().equals("dedicated")).toList();

        assertThat(dedicated).isNotEmpty();
        for (Grid grid : dedicated) {
            AdministrativeUnit village = dataset.units().stream()
                    .filter(unit -> unit.code().equals(grid.villageCode())).findFirst().orElseThrow();
            assertThat(village.geometry().contains(grid.geometry())).as("%s inside village", grid.code()).isTrue();
            assertThat(grid.code()).isEqualTo(GridNumbering.gridCode(village.code(),
                    basicGridsOf(village.code()).size() + 1));
            assertThat(grid.name()).endsWith(grid.dedicatedType().label + "专属网格");
        }
    }

    @Test
    void everyGridHasFullTeam() {
        Map<String, List<String>> roles = new TreeMap<>();
        for (Assignment assignment : dataset.assignments()) {
            roles.computeIfAbsent(assignment.gridCode(), code -> new ArrayList<>()).add(assignment.role());
        }

        for (Grid grid : dataset.grids()) {
            List<String> gridRoles = roles.get(grid.code());
            assertThat(gridRoles).as("roles of %s", grid.code())
                    .containsOnlyOnce("leader", "full_time")
                    .filteredOn("professional"::equals).hasSize(DEPARTMENTS.size());
            if (grid.kind().equals("basic")) {
                assertThat(gridRoles.stream().filter("part_time"::equals).count()).isBetween(1L, 2L);
            }
        }
    }

    @Test
    void facilitiesLieInsideBasicGrids() {
        List<Grid> basic = dataset.grids().stream().filter(grid -> grid.kind().equals("basic")).toList();

        assertThat(dataset.facilities()).hasSize(FacilityPlanner.FACILITY_COUNT);
        for (HuizhouDataset.Facility facility : dataset.facilities()) {
            assertThat(basic).as("grid containing %s", facility.name())
                    .anyMatch(grid -> grid.geometry().contains(facility.location()));
        }
    }
}
