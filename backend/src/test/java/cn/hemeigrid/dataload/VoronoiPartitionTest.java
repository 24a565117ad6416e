package cn.hemeigrid.dataload;

import static cn.hemeigrid.dataload.CoverageAssertions.assertCovers;
import static cn.hemeigrid.dataload.CoverageAssertions.wkt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;

import cn.hemeigrid.dataload.VoronoiPartition.Seed;

class VoronoiPartitionTest {

    private static final Geometry SQUARE = wkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))");

    /** An L-shaped polygon with a hole, so that cells get clipped into several pieces. */
    private static final Geometry L_WITH_HOLE = wkt("""
            POLYGON ((0 0, 10 0, 10 3, 3 3, 3 10, 0 10, 0 0),
                     (1 1, 2 1, 2 2, 1 2, 1 1))""");

    private static Seed seed(String label, double x, double y) {
        return new Seed(label, new Coordinate(x, y));
    }

    @Test
    void splitsSquareWithoutGapsOrOverlaps() {
        List<Seed> seeds = List.of(seed("a", 1, 1), seed("b", 8, 2), seed("c", 5, 5), seed("d", 2, 9), seed("e", 9, 9));

        Map<String, MultiPolygon> parts = VoronoiPartition.split(SQUARE, seeds);

        assertThat(parts).containsOnlyKeys("a", "b", "c", "d", "e");
        assertCovers(SQUARE, parts, 1e-9);
    }

    @Test
    void splitsPolygonWithHoleExactly() {
        List<Seed> seeds = List.of(seed("a", 0.5, 0.5), seed("b", 9, 1), seed("c", 1, 9), seed("d", 2.5, 2.5));

        Map<String, MultiPolygon> parts = VoronoiPartition.split(L_WITH_HOLE, seeds);

        assertCovers(L_WITH_HOLE, parts, 1e-9);
    }

    @Test
    void everySeedLiesInsideItsOwnPart() {
        List<Seed> seeds = List.of(seed("a", 0.5, 0.5), seed("b", 9, 1), seed("c", 1, 9), seed("d", 2.5, 2.5));

        Map<String, MultiPolygon> parts = VoronoiPartition.split(L_WITH_HOLE, seeds);

        for (Seed seed : seeds) {
            assertThat(parts.get(seed.label()).contains(PolygonOps.FACTORY.createPoint(seed.at())))
                    .as("seed of %s", seed.label()).isTrue();
        }
    }

    @Test
    void seedsWithSameLabelFormOnePart() {
        List<Seed> seeds = List.of(seed("west", 1, 5), seed("west", 3, 5), seed("east", 9, 5));

        Map<String, MultiPolygon> parts = VoronoiPartition.split(SQUARE, seeds);

        assertThat(parts).containsOnlyKeys("west", "east");
        assertThat(parts.get("west").getArea()).isEqualTo(60.0);
        assertThat(parts.get("east").getArea()).isEqualTo(40.0);
    }

    @Test
    void seedsClusteredInCornerStillCoverWholeParent() {
        Geometry large = wkt("POLYGON ((0 0, 1000 0, 1000 1000, 0 1000, 0 0))");
        List<Seed> seeds = List.of(seed("a", 1, 1), seed("b", 1.5, 1), seed("c", 1, 1.5));

        Map<String, MultiPolygon> parts = VoronoiPartition.split(large, seeds);

        assertCovers(large, parts, 1e-6);
    }

    @Test
    void singleSeedGetsWholeParent() {
        Map<String, MultiPolygon> parts = VoronoiPartition.split(L_WITH_HOLE, List.of(seed("only", 0.5, 0.5)));

        assertThat(parts.get("only").equalsTopo(L_WITH_HOLE)).isTrue();
    }

    @Test
    void rejectsSeedsOfDifferentLabelsAtSamePoint() {
        List<Seed> seeds = List.of(seed("a", 5, 5), seed("b", 5, 5));

        assertThatThrownBy(() -> VoronoiPartition.split(SQUARE, seeds))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same point");
    }

    @Test
    void rejectsSeedOutsideParent() {
        List<Seed> seeds = List.of(seed("inside", 5, 5), seed("outside", 50, 50));

        assertThatThrownBy(() -> VoronoiPartition.split(SQUARE, seeds))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside");
    }

    @Test
    void sameSeedsGiveIdenticalParts() {
        List<Seed> seeds = List.of(seed("a", 0.5, 0.5), seed("b", 9, 1), seed("c", 1, 9), seed("d", 2.5, 2.5));

        Map<String, MultiPolygon> first = VoronoiPartition.split(L_WITH_HOLE, seeds);
        Map<String, MultiPolygon> second = VoronoiPartition.split(L_WITH_HOLE, seeds);

        assertThat(second.keySet()).containsExactlyElementsOf(first.keySet());
        first.forEach((label, part) -> assertThat(second.get(label).toText()).isEqualTo(part.toText()));
    }
}
