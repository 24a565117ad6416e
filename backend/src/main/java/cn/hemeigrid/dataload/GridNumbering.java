package cn.hemeigrid.dataload;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.locationtech.jts.geom.Coordinate;

/**
 * The grid code rule: the 12-digit code of the village or community followed by a 3-digit
 * serial, numbered west to east, then north to south. Serials are read like a page: rows from
 * north to south, and within a row from west to east.
 *
 * <p>A row starts at the northernmost grid not yet numbered, and takes every grid whose anchor
 * point lies less than {@code rowHeight} south of that first anchor. The caller picks the
 * anchor (for example the centroid) and a row height of about half a typical grid's size: much
 * smaller makes every grid its own row, much larger puts all grids in one row.
 */
public final class GridNumbering {

    public static final int MAX_SERIAL = 999;

    private static final Pattern VILLAGE_CODE = Pattern.compile("[0-9]{12}");
    private static final Pattern GRID_CODE = Pattern.compile("[0-9]{15}");

    private GridNumbering() {
    }

    /**
     * Returns the items in reading order. Items with equal anchors keep their input order.
     *
     * @param rowHeight in the units of the anchor's y coordinate, greater than zero
     */
    public static <T> List<T> readingOrder(Collection<T> items, Function<T, Coordinate> anchor, double rowHeight) {
        if (!(rowHeight > 0)) {
            throw new IllegalArgumentException("Row height must be greater than zero, got " + rowHeight);
        }
        List<T> northToSouth = new ArrayList<>(items);
        northToSouth.sort(Comparator.comparingDouble((T item) -> -anchor.apply(item).y));

        List<T> ordered = new ArrayList<>(items.size());
        int rowStart = 0;
        while (rowStart < northToSouth.size()) {
            double rowTop = anchor.apply(northToSouth.get(rowStart)).y;
            int rowEnd = rowStart;
            while (rowEnd < northToSouth.size() && rowTop - anchor.apply(northToSouth.get(rowEnd)).y < rowHeight) {
                rowEnd++;
            }
            List<T> row = new ArrayList<>(northToSouth.subList(rowStart, rowEnd));
            row.sort(Comparator.comparingDouble((T item) -> anchor.apply(item).x));
            ordered.addAll(row);
            rowStart = rowEnd;
        }
        return ordered;
    }

    /**
     * Returns the 15-digit grid code for a serial from 1 to 999 in a village.
     *
     * @throws IllegalArgumentException if the village code is not 12 digits or the serial is out
     *     of range
     */
    public static String gridCode(String villageCode, int serial) {
        if (villageCode == null || !VILLAGE_CODE.matcher(villageCode).matches()) {
            throw new IllegalArgumentException("Village code must be 12 digits, got " + villageCode);
        }
        if (serial < 1 || serial > MAX_SERIAL) {
            throw new IllegalArgumentException("Grid serial must be from 1 to " + MAX_SERIAL + ", got " + serial
                    + " in village " + villageCode);
        }
        return villageCode + String.format("%03d", serial);
    }

    /**
     * Returns the serial for the next new grid of a village: one more than the highest serial the
     * village has ever used, so that the code of a retired grid is never given out again.
     *
     * @param existingCodes grid codes of any villages, active or retired; codes of other
     *     villages are ignored
     */
    public static int nextSerial(String villageCode, Collection<String> existingCodes) {
        int highest = 0;
        for (String code : existingCodes) {
            if (GRID_CODE.matcher(code).matches() && code.startsWith(villageCode)) {
                highest = Math.max(highest, Integer.parseInt(code.substring(12)));
            }
        }
        return highest + 1;
    }
}
