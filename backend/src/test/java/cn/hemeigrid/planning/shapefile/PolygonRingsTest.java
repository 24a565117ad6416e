package cn.hemeigrid.planning.shapefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;

class PolygonRingsTest {

    @Test
    void holeJoinsSmallestShellAroundIt() {
        Coordinate[] outer = clockwise(0, 0, 10);
        Coordinate[] island = clockwise(20, 0, 10);
        Coordinate[] hole = counterClockwise(22, 2, 2);

        List<List<Coordinate[]>> polygons = PolygonRings.polygons(List.of(outer, island, hole));

        assertThat(polygons).hasSize(2);
        assertThat(polygons.get(0)).hasSize(1);
        assertThat(polygons.get(1)).hasSize(2);
        assertThat(Orientation.isCCW(polygons.get(1).get(0))).isTrue();
        assertThat(Orientation.isCCW(polygons.get(1).get(1))).isFalse();
    }

    @Test
    void holeTouchingShellStaysHole() {
        Coordinate[] outer = clockwise(0, 0, 10);
        Coordinate[] cornerHole = counterClockwise(0, 0, 2);

        List<List<Coordinate[]>> polygons = PolygonRings.polygons(List.of(outer, cornerHole));

        assertThat(polygons).hasSize(1);
        assertThat(polygons.get(0)).hasSize(2);
    }

    @Test
    void counterClockwiseFileStillNestsHoles() {
        Coordinate[] outer = counterClockwise(0, 0, 10);
        Coordinate[] inner = counterClockwise(3, 3, 2);
        Coordinate[] apart = counterClockwise(20, 20, 1);

        List<List<Coordinate[]>> polygons = PolygonRings.polygons(List.of(outer, inner, apart));

        assertThat(polygons).hasSize(2);
        assertThat(polygons.get(0)).hasSize(2);
        assertThat(polygons.get(0).get(0)[1]).isEqualTo(new Coordinate(10, 0));
        assertThat(polygons.get(1)).hasSize(1);
    }

    private static Coordinate[] clockwise(double x, double y, double size) {
        return new Coordinate[] {new Coordinate(x, y), new Coordinate(x, y + size), new Coordinate(x + size, y + size),
                new Coordinate(x + size, y), new Coordinate(x, y)};
    }

    private static Coordinate[] counterClockwise(double x, double y, double size) {
        return new Coordinate[] {new Coordinate(x, y), new Coordinate(x + size, y), new Coordinate(x + size, y + size),
                new Coordinate(x, y + size), new Coordinate(x, y)};
    }
}
