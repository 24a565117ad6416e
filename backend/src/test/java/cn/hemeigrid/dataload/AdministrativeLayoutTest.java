package cn.hemeigrid.dataload;

import static cn.hemeigrid.dataload.CoverageAssertions.assertCovers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.MultiPolygon;

import cn.hemeigrid.dataload.AdministrativeLayout.Layout;
import cn.hemeigrid.dataload.CentreMatcher.SetAsideCentre;

class AdministrativeLayoutTest {

    private final HuizhouSources sources = SyntheticSources.create();
    private final Layout layout = AdministrativeLayout.layOut(sources, CentreMatcher.match(sources));

    private AdministrativeUnit unit(String code) {
        return layout.units().stream().filter(u -> u.code().equals(code)).findFirst().orElseThrow();
    }

    private Map<String, MultiPolygon> childrenOf(String parentCode) {
        Map<String, MultiPolygon> children = new TreeMap<>();
        layout.units().stream().filter(u -> parentCode.equals(u.parentCode()))
                .forEach(u -> children.put(u.code(), u.geometry()));
        return children;
    }

    @Test
    void overlappingCountiesGiveStripToLowerCode() {
        SortedMap<String, MultiPolygon> counties =
                AdministrativeLayout.cleanCounties(sources.city().outline(), sources.counties());

        assertThat(counties.get(SyntheticSources.WEST_COUNTY).getArea()).isCloseTo(0.105 * 0.2, within(1e-12));
        assertThat(counties.get(SyntheticSources.EAST_COUNTY).getArea()).isCloseTo(0.095 * 0.2, within(1e-12));
        assertCovers(sources.city().outline(), counties, 1e-12);
    }

    @Test
    void countyOutsideCityIsClippedToCity() {
        HuizhouSources.County spilling = new HuizhouSources.County("441324000000", "外溢县",
                PolygonOps.toMultiPolygon(CoverageAssertions.wkt("POLYGON ((114.15 23.1, 114.3 23.1, 114.3 23.3, 114.15 23.3, 114.15 23.1))")));

        SortedMap<String, MultiPolygon> counties = AdministrativeLayout.cleanCounties(sources.city().outline(),
                List.of(sources.counties().get(0), spilling));

        assertThat(sources.city().outline().covers(counties.get("441324000000"))).isTrue();
    }

    @Test
    void townshipsCoverTheirCountyAndVillagesTheirTownship() {
        for (String county : List.of(SyntheticSources.WEST_COUNTY, SyntheticSources.EAST_COUNTY)) {
            assertCovers(unit(county).geometry(), childrenOf(county), 1e-12);
        }
        for (String township : List.of("441302001000", "441302100000", "441303101000")) {
            assertCovers(unit(township).geometry(), childrenOf(township), 1e-12);
        }
    }

    @Test
    void knownCentresLieInsideTheirOwnUnits() {
        List<AdministrativeUnit> surveyed = layout.units().stream().filter(AdministrativeUnit::centreSurveyed).toList();

        assertThat(surveyed).extracting(AdministrativeUnit::code)
                .containsExactlyInAnyOrder("441302001000", "441302001001", "441302100201");
        for (AdministrativeUnit unit : surveyed) {
            assertThat(unit.geometry().contains(unit.centre())).as("centre of %s", unit.code()).isTrue();
            AdministrativeUnit parent = unit(unit.parentCode());
            assertThat(parent.geometry().contains(unit.centre())).as("centre of %s in parent", unit.code()).isTrue();
        }
    }

    @Test
    void centreOutsideCountyIsSetAside() {
        AdministrativeUnit misplaced = unit(SyntheticSources.MISPLACED_VILLAGE);

        assertThat(layout.setAside()).extracting(SetAsideCentre::code).containsExactly(SyntheticSources.MISPLACED_VILLAGE);
        assertThat(layout.setAside().get(0).reason()).contains("outside the outline of county 441303000000");
        assertThat(misplaced.centreSurveyed()).isFalse();
        assertThat(misplaced.geometry().contains(misplaced.centre())).isTrue();
        assertThat(unit(SyntheticSources.EAST_COUNTY).geometry().contains(misplaced.centre())).isTrue();
    }
}
