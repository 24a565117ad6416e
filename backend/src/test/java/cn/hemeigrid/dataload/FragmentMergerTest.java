package cn.hemeigrid.dataload;

import static cn.hemeigrid.dataload.CoverageAssertions.wkt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.MultiPolygon;

class FragmentMergerTest {

    /** West owns a small crumb that sticks into east's side of the border at x = 10. */
    private static final Map<String, MultiPolygon> WEST_WITH_CRUMB = Map.of(
            "west", (MultiPolygon) wkt("MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)), ((10 4, 10.2 4, 10.2 4.2, 10 4.2, 10 4)))"),
            "east", (MultiPolygon) wkt("""
                    MULTIPOLYGON (((10 0, 20 0, 20 10, 10 10, 10 4.2, 10.2 4.2, 10.2 4, 10 4, 10 0)))"""));

    @Test
    void smallPieceMovesToNeighbour() {
        SortedMap<String, MultiPolygon> merged = FragmentMerger.merge(WEST_WITH_CRUMB, 1.0, Map.of());

        assertThat(merged.get("west").getNumGeometries()).isEqualTo(1);
        assertThat(merged.get("west").getArea()).isCloseTo(100.0, within(1e-9));
        assertThat(merged.get("east").getArea()).isCloseTo(100.0, within(1e-9));
    }

    @Test
    void pieceHoldingProtectedPointStays() {
        Map<String, List<Coordinate>> protectedPoints = Map.of("west", List.of(new Coordinate(10.1, 4.1)));

        SortedMap<String, MultiPolygon> merged = FragmentMerger.merge(WEST_WITH_CRUMB, 1.0, protectedPoints);

        assertThat(merged.get("west").getNumGeometries()).isEqualTo(2);
    }

    @Test
    void pieceAboveAreaLimitStays() {
        SortedMap<String, MultiPolygon> merged = FragmentMerger.merge(WEST_WITH_CRUMB, 0.01, Map.of());

        assertThat(merged.get("west").getNumGeometries()).isEqualTo(2);
    }

    @Test
    void islandTouchingNoNeighbourStays() {
        Map<String, MultiPolygon> withIsland = Map.of(
                "coast", (MultiPolygon) wkt("MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0)), ((30 30, 30.1 30, 30.1 30.1, 30 30.1, 30 30)))"),
                "inland", (MultiPolygon) wkt("MULTIPOLYGON (((-10 0, 0 0, 0 10, -10 10, -10 0)))"));

        SortedMap<String, MultiPolygon> merged = FragmentMerger.merge(withIsland, 1.0, Map.of());

        assertThat(merged.get("coast").getNumGeometries()).isEqualTo(2);
    }
}
