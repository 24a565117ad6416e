package cn.hemeigrid.planning.geometry;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Areas as messages show them. */
public final class Areas {

    private Areas() {
    }

    /** Returns square metres rounded to one decimal place, as plain text (no grouping). */
    public static String rounded(double squareMetres) {
        return BigDecimal.valueOf(squareMetres).setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /** Returns the area of a CGCS2000 shape in square metres (EPSG:4547, see {@link MetricProjection}). */
    public static double squareMetres(org.locationtech.jts.geom.Geometry lonLat) {
        return MetricProjection.areaSquareMetres(lonLat);
    }
}
