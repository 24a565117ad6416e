package cn.hemeigrid.planning.geometry;

import java.util.ArrayList;
import java.util.List;

/**
 * Flags grids far from the usual size. The field's rule of thumb is 300 to 500 households per
 * grid; without household data the check compares areas instead: a grid is an outlier when
 * its area is more than {@code factor} times the median of the grids checked together, or
 * less than the median divided by {@code factor}. Fewer than {@value #MIN_GRIDS} grids have
 * no meaningful median and are never flagged.
 */
public final class AreaOutliers {

    static final int MIN_GRIDS = 3;

    private final double factor;

    public AreaOutliers(double factor) {
        if (!(factor > 1)) {
            throw new IllegalArgumentException("Outlier factor must be above 1, got " + factor);
        }
        this.factor = factor;
    }

    /** Returns one finding per outlier: arguments are its code, its area and the median, in m². */
    public List<Finding> flag(List<Neighbour> grids) {
        if (grids.size() < MIN_GRIDS) {
            return List.of();
        }
        double[] areas = new double[grids.size()];
        for (int i = 0; i < areas.length; i++) {
            areas[i] = Areas.squareMetres(grids.get(i).shape());
        }
        double median = median(areas.clone());

        List<Finding> found = new ArrayList<>();
        for (int i = 0; i < areas.length; i++) {
            if (areas[i] > median * factor || areas[i] < median / factor) {
                Neighbour grid = grids.get(i);
                found.add(Finding.ofArea(FindingKind.AREA_OUTLIER, grid.shape(), grid.code(), areas[i],
                        grid.code(), Areas.rounded(areas[i]), Areas.rounded(median)));
            }
        }
        return found;
    }

    private static double median(double[] values) {
        java.util.Arrays.sort(values);
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
