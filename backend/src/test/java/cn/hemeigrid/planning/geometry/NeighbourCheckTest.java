package cn.hemeigrid.planning.geometry;

import static cn.hemeigrid.planning.geometry.Fixtures.cells;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

class NeighbourCheckTest {

    private static final Geometry VILLAGE = cells("POLYGON((0 0, 4 0, 4 4, 0 4, 0 0))");
    private static final Neighbour WEST = new Neighbour("990000001001001", cells("POLYGON((0 0, 2 0, 2 4, 0 4, 0 0))"));

    private final NeighbourCheck check = new NeighbourCheck(0.5);

    @Test
    void overlapBeyondToleranceFound() {
        // The drawn grid reaches 0.1 cell (about 10 m) into the western neighbour.
        Geometry drawn = cells("POLYGON((1.9 0, 4 0, 4 4, 1.9 4, 1.9 0))");

        List<Finding> overlaps = check.overlaps(drawn, List.of(WEST), null);

        assertThat(overlaps).hasSize(1);
        Finding overlap = overlaps.get(0);
        assertThat(overlap.kind()).isEqualTo(FindingKind.OVERLAP);
        assertThat(overlap.arguments().get(0)).isEqualTo("990000001001001");
        assertThat(overlap.areaSquareMetres()).isBetween(0.1 * 102.4 * 4 * 110.7 * 0.97, 0.1 * 102.4 * 4 * 110.7 * 1.03);
        assertThat(overlap.location().getEnvelopeInternal().getMinX()).isBetween(114.0019, 114.0020);
    }

    @Test
    void overlapWithinToleranceIgnored() {
        // 0.002 cell is about 20 cm, below the 50 cm tolerance.
        Geometry drawn = cells("POLYGON((1.998 0, 4 0, 4 4, 1.998 4, 1.998 0))");

        assertThat(check.overlaps(drawn, List.of(WEST), null)).isEmpty();
    }

    @Test
    void sharedEdgeIsNoOverlap() {
        Geometry drawn = cells("POLYGON((2 0, 4 0, 4 4, 2 4, 2 0))");

        assertThat(check.overlaps(drawn, List.of(WEST), null)).isEmpty();
    }

    @Test
    void partOutsideVillageFound() {
        Geometry drawn = cells("POLYGON((2 0, 5 0, 5 4, 2 4, 2 0))");

        List<Finding> outside = check.outsideVillage(drawn, VILLAGE, "新网格");

        assertThat(outside).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.OUTSIDE_VILLAGE);
            assertThat(finding.feature()).isEqualTo("新网格");
            assertThat(finding.location().getEnvelopeInternal().getMinX()).isBetween(114.0039, 114.0041);
        });
    }

    @Test
    void gapOpenedByShrinkingFound() {
        Geometry before = cells("POLYGON((2 0, 4 0, 4 4, 2 4, 2 0))");
        Geometry after = cells("POLYGON((3 0, 4 0, 4 4, 3 4, 3 0))");

        List<Finding> gaps = check.gapsOpened(before, after, VILLAGE, List.of(WEST), null);

        assertThat(gaps).singleElement().satisfies(gap -> {
            assertThat(gap.kind()).isEqualTo(FindingKind.GAP);
            assertThat(gap.severity()).isEqualTo(Severity.WARNING);
            assertThat(gap.areaSquareMetres()).isBetween(4 * 11_300.0, 4 * 11_500.0);
        });
    }

    @Test
    void shrinkingIntoCoveredAreaOpensNoGap() {
        Geometry before = cells("POLYGON((1 0, 4 0, 4 4, 1 4, 1 0))");
        Geometry after = cells("POLYGON((2 0, 4 0, 4 4, 2 4, 2 0))");

        assertThat(check.gapsOpened(before, after, VILLAGE, List.of(WEST), null)).isEmpty();
    }
}
