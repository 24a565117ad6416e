package cn.hemeigrid.dataload;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Overlay operations on CGCS2000 longitude/latitude geometry in full floating-point precision.
 * The generated layout is built with these, and only {@link SnapRoundedCoverage} rounds it to
 * the stored precision, in one pass over the whole city, so that shared edges stay identical.
 */
final class PolygonOps {

    /** Floating precision, so overlays do not round; SRID 4490 is CGCS2000. */
    static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4490);

    private PolygonOps() {
    }

    static Geometry intersection(Geometry a, Geometry b) {
        return OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION);
    }

    static Geometry difference(Geometry a, Geometry b) {
        return OverlayNGRobust.overlay(a, b, OverlayNG.DIFFERENCE);
    }

    static Geometry union(Collection<? extends Geometry> geometries) {
        return OverlayNGRobust.union(new ArrayList<>(geometries), FACTORY);
    }

    /**
     * Returns the polygons of a geometry as a MultiPolygon, dropping any points or lines that an
     * overlay left where two inputs only touch. Returns an empty MultiPolygon for a geometry
     * without area.
     */
    static MultiPolygon toMultiPolygon(Geometry geometry) {
        List<Polygon> polygons = new ArrayList<>();
        PolygonExtracter.getPolygons(geometry, polygons);
        return FACTORY.createMultiPolygon(polygons.toArray(Polygon[]::new));
    }

    /**
     * Returns {@link #toMultiPolygon} in JTS normal form: shells clockwise, holes anticlockwise,
     * each ring starting at its lowest vertex, polygons sorted. The same rings then have the
     * same vertex lists, whichever vertex an overlay started them at.
     */
    static MultiPolygon normalized(Geometry geometry) {
        MultiPolygon multi = toMultiPolygon(geometry);
        multi.normalize();
        return multi;
    }
}
