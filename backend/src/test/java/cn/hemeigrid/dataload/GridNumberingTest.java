package cn.hemeigrid.dataload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

class GridNumberingTest {

    private record Cell(String name, Coordinate anchor) {
    }

    private static Cell cell(String name, double x, double y) {
        return new Cell(name, new Coordinate(x, y));
    }

    @Test
    void readingOrderRunsRowByRow() {
        List<Cell> cells = List.of(
                cell("south-east", 2, 0), cell("north-west", 0, 1), cell("south-west", 0, 0),
                cell("north-east", 2, 1), cell("north-middle", 1, 1));

        List<Cell> ordered = GridNumbering.readingOrder(cells, Cell::anchor, 0.5);

        assertThat(ordered).extracting(Cell::name)
                .containsExactly("north-west", "north-middle", "north-east", "south-west", "south-east");
    }

    @Test
    void slightlyLowerCellStaysInRow() {
        List<Cell> cells = List.of(cell("east", 2, 0.9), cell("west", 0, 1.0), cell("below", 1, 0.3));

        List<Cell> ordered = GridNumbering.readingOrder(cells, Cell::anchor, 0.5);

        assertThat(ordered).extracting(Cell::name).containsExactly("west", "east", "below");
    }

    @Test
    void readingOrderStartsNewRowAtRowHeight() {
        List<Cell> cells = List.of(cell("top", 5, 1.0), cell("exactly-row-height-below", 0, 0.5));

        List<Cell> ordered = GridNumbering.readingOrder(cells, Cell::anchor, 0.5);

        assertThat(ordered).extracting(Cell::name).containsExactly("top", "exactly-row-height-below");
    }

    @Test
    void readingOrderRejectsZeroRowHeight() {
        assertThatThrownBy(() -> GridNumbering.readingOrder(List.of(cell("a", 0, 0)), Cell::anchor, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Row height");
    }

    @Test
    void gridCodeAppendsThreeDigitSerial() {
        assertThat(GridNumbering.gridCode("441302001001", 1)).isEqualTo("441302001001001");
        assertThat(GridNumbering.gridCode("441302001001", 42)).isEqualTo("441302001001042");
        assertThat(GridNumbering.gridCode("441302001001", 999)).isEqualTo("441302001001999");
    }

    @Test
    void gridCodeRejectsSerialOutOfRange() {
        assertThatThrownBy(() -> GridNumbering.gridCode("441302001001", 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 0");
        assertThatThrownBy(() -> GridNumbering.gridCode("441302001001", 1000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 1000");
    }

    @Test
    void gridCodeRejectsMalformedVillageCode() {
        assertThatThrownBy(() -> GridNumbering.gridCode("4413020010", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12 digits");
    }

    @Test
    void nextSerialFollowsHighestCodeEvenAfterGap() {
        List<String> codes = List.of("441302001001001", "441302001001004", "441302001002009");

        assertThat(GridNumbering.nextSerial("441302001001", codes)).isEqualTo(5);
        assertThat(GridNumbering.nextSerial("441302001003", codes)).isEqualTo(1);
    }
}
