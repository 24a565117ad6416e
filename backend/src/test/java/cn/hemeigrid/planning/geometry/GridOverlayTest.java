package cn.hemeigrid.planning.geometry;

import static cn.hemeigrid.planning.geometry.Fixtures.cells;
import static cn.hemeigrid.planning.geometry.Fixtures.lonLat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

class GridOverlayTest {

    private final GridOverlay overlay = new GridOverlay(1.0);

    @Test
    void unionWithLHoleFillerKeepsBothHoles() {
        // The L-shaped hole is the corner cell (2..4, 2..4) with a foot to the east and a bar
        // to the north. Filling the corner leaves the foot and the bar, touching at (4, 4).
        Geometry withLHole = cells("POLYGON((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 8, 4 8, 4 4, 6 4, 6 2, 2 2))");
        Geometry filler = cells("POLYGON((2 2, 4 2, 4 4, 2 4, 2 2))");

        MultiPolygon union = overlay.union(List.of(withLHole, filler));

        assertThat(union.getNumGeometries()).isEqualTo(1);
        Polygon polygon = (Polygon) union.getGeometryN(0);
        assertThat(polygon.getNumInteriorRing()).isEqualTo(2);
        assertThat(polygon.isValid()).isTrue();
        assertThat(polygon.getInteriorRingN(0).intersection(polygon.getInteriorRingN(1)).getCoordinate()
                .distance(lonLat(4, 4))).isLessThan(1e-7);
        assertThat(polygon.getArea()).isCloseTo(cells("POLYGON((0 0, 10 0, 10 10, 0 10, 0 0))").getArea() - 12 * cellArea(),
                within(1e-10));
    }

    @Test
    void dozenAdjacentSquaresUnionToOnePolygon() {
        List<Geometry> squares = new ArrayList<>();
        for (int x = 0; x < 4; x++) {
            for (int y = 0; y < 3; y++) {
                squares.add(square(x, y));
            }
        }

        MultiPolygon union = overlay.union(squares);

        assertThat(union.getNumGeometries()).isEqualTo(1);
        Polygon polygon = (Polygon) union.getGeometryN(0);
        assertThat(polygon.getNumInteriorRing()).isZero();
        assertThat(polygon.isValid()).isTrue();
        assertThat(polygon.getArea()).isCloseTo(12 * cellArea(), within(1e-10));
    }

    @Test
    void nearlyAdjacentSquaresUnionWithoutSlivers() {
        // Shared edges that differ by 3 cm leave slits of about 3 m² each; they are removed.
        List<Geometry> squares = new ArrayList<>();
        for (int x = 0; x < 4; x++) {
            for (int y = 0; y < 3; y++) {
                Geometry square = square(x, y);
                double shift = (x + y) % 2 == 0 ? 3e-7 : 0;
                square.apply((org.locationtech.jts.geom.CoordinateFilter) c -> c.x -= shift);
                square.geometryChanged();
                squares.add(square);
            }
        }

        MultiPolygon union = new GridOverlay(5.0).union(squares);

        assertThat(union.getNumGeometries()).isEqualTo(1);
        assertThat(((Polygon) union.getGeometryN(0)).getNumInteriorRing()).isZero();
    }

    @Test
    void squaresTouchingAtCornerUnionToMultiPolygon() {
        MultiPolygon union = overlay.union(List.of(square(0, 0), square(1, 1)));

        assertThat(union.getNumGeometries()).isEqualTo(2);
    }

    @Test
    void unionResultIsCounterClockwise() {
        Polygon polygon = (Polygon) overlay.union(List.of(square(0, 0), square(1, 0))).getGeometryN(0);

        assertThat(Orientation.isCCW(polygon.getExteriorRing().getCoordinateSequence())).isTrue();
    }

    @Test
    void intersectionOfTouchingSquaresIsEmptyMultiPolygon() {
        MultiPolygon shared = overlay.intersection(square(0, 0), square(1, 0));

        assertThat(shared.isEmpty()).isTrue();
        assertThat(shared.getGeometryType()).isEqualTo("MultiPolygon");
    }

    @Test
    void differenceDropsSliver() {
        Geometry shifted = cells("POLYGON((0.0002 0, 1.0002 0, 1.0002 1, 0.0002 1, 0.0002 0))");

        MultiPolygon rest = new GridOverlay(5.0).difference(square(0, 0), shifted);

        assertThat(rest.isEmpty()).isTrue();
        assertThat(rest.getGeometryType()).isEqualTo("MultiPolygon");
    }

    @Test
    void clipKeepsPartInsideVillage() {
        Geometry village = cells("POLYGON((0 0, 3 0, 3 3, 0 3, 0 0))");
        Geometry drawn = cells("POLYGON((2 2, 5 2, 5 5, 2 5, 2 2))");

        MultiPolygon clipped = overlay.intersection(drawn, village);

        assertThat(clipped.getArea()).isCloseTo(cellArea(), within(1e-10));
    }

    @Test
    void lineAcrossSquareSplitsInTwo() {
        Geometry grid = cells("POLYGON((0 0, 4 0, 4 2, 0 2, 0 0))");
        LineString line = (LineString) cells("LINESTRING(1 -0.5, 1 2.5)");

        List<Polygon> pieces = overlay.split(grid, line);

        assertThat(pieces).hasSize(2);
        assertThat(pieces.get(0).getArea()).isCloseTo(6 * cellArea(), within(1e-10));
        assertThat(pieces.get(1).getArea()).isCloseTo(2 * cellArea(), within(1e-10));
        assertThat(pieces.get(0).intersection(pieces.get(1)).getLength()).isCloseTo(2 * Fixtures.CELL, within(1e-9));
        for (Polygon piece : pieces) {
            assertThat(piece.isValid()).isTrue();
            assertThat(Orientation.isCCW(piece.getExteriorRing().getCoordinateSequence())).isTrue();
        }
    }

    @Test
    void zigzagLineSplitsAlongEveryBend() {
        Geometry grid = cells("POLYGON((0 0, 4 0, 4 4, 0 4, 0 0))");
        LineString line = (LineString) cells("LINESTRING(-1 1, 2 1, 2 3, 5 3)");

        List<Polygon> pieces = overlay.split(grid, line);

        assertThat(pieces).hasSize(2);
        assertThat(pieces.get(0).getArea() + pieces.get(1).getArea()).isCloseTo(grid.getArea(), within(1e-10));
    }

    @Test
    void lineThroughHoleSplitsAroundIt() {
        Geometry grid = cells("POLYGON((0 0, 6 0, 6 6, 0 6, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))");
        LineString line = (LineString) cells("LINESTRING(3 -1, 3 7)");

        List<Polygon> pieces = overlay.split(grid, line);

        assertThat(pieces).hasSize(2);
        assertThat(pieces.get(0).getArea()).isCloseTo(16 * cellArea(), within(1e-10));
        assertThat(pieces.get(1).getArea()).isCloseTo(16 * cellArea(), within(1e-10));
    }

    @Test
    void lineMissingShapeLeavesOnePiece() {
        List<Polygon> pieces = overlay.split(square(0, 0), (LineString) cells("LINESTRING(2 0, 2 1)"));

        assertThat(pieces).hasSize(1);
    }

    @Test
    void lineEndingInsideLeavesOnePiece() {
        List<Polygon> pieces = overlay.split(cells("POLYGON((0 0, 4 0, 4 4, 0 4, 0 0))"),
                (LineString) cells("LINESTRING(-1 2, 2 2)"));

        assertThat(pieces).hasSize(1);
    }

    @Test
    void splitPiecesUnionBackToOriginal() {
        Geometry grid = cells("POLYGON((0 0, 4 0, 4.5 2, 4 4, 0 4, 0 0))");
        List<Polygon> pieces = overlay.split(grid, (LineString) cells("LINESTRING(-1 -1, 5 5)"));

        MultiPolygon merged = overlay.union(pieces);

        assertThat(pieces).hasSize(2);
        assertThat(merged.getNumGeometries()).isEqualTo(1);
        assertThat(merged.symDifference(grid).getArea()).isLessThan(1e-12);
    }

    private static Geometry square(int x, int y) {
        return cells("POLYGON((%d %d, %d %d, %d %d, %d %d, %d %d))".formatted(x, y, x + 1, y, x + 1, y + 1, x, y + 1, x, y));
    }

    private static double cellArea() {
        return Fixtures.CELL * Fixtures.CELL;
    }
}
