package cn.hemeigrid.planning.geometry;

import java.util.List;

import org.locationtech.jts.geom.Geometry;

/**
 * One repair, warning or rejection found in a planned shape.
 *
 * @param kind             what was found; it fixes the severity and the message key
 * @param location         where to highlight it on the map, in CGCS2000 longitude/latitude,
 *                         or null when there is no place to show (a missing geometry, NaN)
 * @param feature          the submitted feature the finding belongs to (its id, code or name),
 *                         or null for a single unnamed shape
 * @param areaSquareMetres the area of {@code location} for gaps, overlaps and outliers, or null
 * @param arguments        the values the message is formatted with, in the message's order
 */
public record Finding(FindingKind kind, Geometry location, String feature, Double areaSquareMetres,
                      List<Object> arguments) {

    public Finding {
        arguments = List.copyOf(arguments);
    }

    public static Finding of(FindingKind kind, Geometry location, String feature, Object... arguments) {
        return new Finding(kind, location, feature, null, List.of(arguments));
    }

    public static Finding ofArea(FindingKind kind, Geometry location, String feature, double areaSquareMetres,
                                 Object... arguments) {
        return new Finding(kind, location, feature, areaSquareMetres, List.of(arguments));
    }

    public Severity severity() {
        return kind.severity();
    }

    public boolean rejects() {
        return kind.severity() == Severity.REJECTED;
    }
}
