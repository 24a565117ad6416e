package cn.hemeigrid.planning.geometry;

import static cn.hemeigrid.planning.geometry.Fixtures.cells;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

class CoverageCheckTest {

    private static final String VILLAGE_CODE = "990000001001";
    private static final Geometry VILLAGE = cells("POLYGON((0 0, 4 0, 4 4, 0 4, 0 0))");

    private final CoverageCheck check = new CoverageCheck(0.5);

    @Test
    void exactTilingHasNoFindings() {
        List<Neighbour> grids = List.of(
                grid("001", "POLYGON((0 0, 2 0, 2 4, 0 4, 0 0))"),
                grid("002", "POLYGON((2 0, 4 0, 4 2, 2 2, 2 0))"),
                grid("003", "POLYGON((2 2, 4 2, 4 4, 2 4, 2 2))"));

        assertThat(check.check(VILLAGE_CODE, VILLAGE, grids)).isEmpty();
    }

    @Test
    void gapOverlapAndOutsideReported() {
        List<Neighbour> grids = List.of(
                grid("001", "POLYGON((0 0, 2.5 0, 2.5 4, 0 4, 0 0))"),
                grid("002", "POLYGON((2 0, 4 0, 4 2, 2 2, 2 0))"),
                grid("003", "POLYGON((2 3, 4.5 3, 4.5 4, 2 4, 2 3))"));

        List<Finding> findings = check.check(VILLAGE_CODE, VILLAGE, grids);

        assertThat(findings).extracting(Finding::kind).containsExactlyInAnyOrder(
                FindingKind.GAP, FindingKind.OVERLAP, FindingKind.OVERLAP, FindingKind.OUTSIDE_VILLAGE);
        Finding gap = findings.stream().filter(f -> f.kind() == FindingKind.GAP).findFirst().orElseThrow();
        assertThat(gap.feature()).isEqualTo(VILLAGE_CODE);
        assertThat(gap.areaSquareMetres()).isBetween(1.5 * 11_300, 1.5 * 11_500);
        assertThat(findings).filteredOn(f -> f.kind() == FindingKind.OVERLAP)
                .extracting(f -> List.of(f.feature(), f.arguments().get(0)))
                .containsExactlyInAnyOrder(List.of(VILLAGE_CODE + "001", VILLAGE_CODE + "002"),
                        List.of(VILLAGE_CODE + "001", VILLAGE_CODE + "003"));
    }

    @Test
    void villageWithoutGridsIsOneGap() {
        List<Finding> findings = check.check(VILLAGE_CODE, VILLAGE, List.of());

        assertThat(findings).singleElement().extracting(Finding::kind).isEqualTo(FindingKind.GAP);
    }

    @Test
    void areaOutliersFlagged() {
        List<Neighbour> grids = List.of(
                grid("001", "POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))"),
                grid("002", "POLYGON((1 0, 2 0, 2 1, 1 1, 1 0))"),
                grid("003", "POLYGON((2 0, 3 0, 3 1, 2 1, 2 0))"),
                grid("004", "POLYGON((0 1, 4 1, 4 4, 0 4, 0 1))"),
                grid("005", "POLYGON((3 0, 3.2 0, 3.2 1, 3 1, 3 0))"));

        List<Finding> outliers = new AreaOutliers(3).flag(grids);

        assertThat(outliers).extracting(Finding::feature)
                .containsExactlyInAnyOrder(VILLAGE_CODE + "004", VILLAGE_CODE + "005");
        assertThat(outliers).allSatisfy(f -> assertThat(f.kind()).isEqualTo(FindingKind.AREA_OUTLIER));
    }

    @Test
    void twoGridsNeverOutliers() {
        List<Neighbour> grids = List.of(
                grid("001", "POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))"),
                grid("002", "POLYGON((0 1, 4 1, 4 4, 0 4, 0 1))"));

        assertThat(new AreaOutliers(3).flag(grids)).isEmpty();
    }

    private static Neighbour grid(String serial, String wkt) {
        return new Neighbour(VILLAGE_CODE + serial, cells(wkt));
    }
}
