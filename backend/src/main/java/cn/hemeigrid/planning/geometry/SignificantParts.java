package cn.hemeigrid.planning.geometry;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.PolygonExtracter;

/**
 * The tolerance rule of the overlap, gap and outside checks: a part of an overlay result
 * counts only when a disc whose diameter is the tolerance fits inside it, measured in
 * EPSG:4547 metres. A strip narrower than the tolerance, however long, is ignored, so shapes
 * that follow the same line with centimetre noise do not report it.
 */
final class SignificantParts {

    /** A part of an overlay result in CGCS2000 longitude/latitude, with its area. */
    record Part(Polygon lonLat, double areaSquareMetres) {
    }

    private SignificantParts() {
    }

    /** Returns the polygons of a longitude/latitude overlay result that are wider than the tolerance somewhere. */
    static List<Part> of(Geometry lonLat, double toleranceMetres) {
        double radius = toleranceMetres / 2;
        double smallestDisc = Math.PI * radius * radius;
        List<Part> significant = new ArrayList<>();
        for (Object extracted : PolygonExtracter.getPolygons(lonLat)) {
            Polygon part = (Polygon) extracted;
            if (part.isEmpty()) {
                continue;
            }
            Geometry metric = MetricProjection.toMetres(part);
            double area = metric.getArea();
            if (area < smallestDisc) {
                continue;
            }
            if (radius == 0 || !metric.buffer(-radius).isEmpty()) {
                significant.add(new Part(part, area));
            }
        }
        return significant;
    }

    /** Returns one finding per significant part, with its rounded area appended to the arguments. */
    static List<Finding> findings(FindingKind kind, Geometry lonLat, double toleranceMetres, String feature,
                                  Object... arguments) {
        List<Finding> found = new ArrayList<>();
        for (Part part : of(lonLat, toleranceMetres)) {
            Object[] withArea = new Object[arguments.length + 1];
            System.arraycopy(arguments, 0, withArea, 0, arguments.length);
            withArea[arguments.length] = Areas.rounded(part.areaSquareMetres());
            found.add(Finding.ofArea(kind, part.lonLat(), feature, part.areaSquareMetres(), withArea));
        }
        return found;
    }
}
