package cn.hemeigrid.planning.geometry;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The coordinate grid planned shapes live on: CGCS2000 longitude/latitude (SRID 4490) rounded
 * to 7 decimal places, about 1.1 cm north-south and 1.0 cm east-west at Huizhou's latitude.
 * Overlay operations snap-round to the same grid, so two grids that share an edge share it
 * exactly after every union, split or clip.
 */
public final class GridGeometry {

    public static final int SRID = 4490;

    /** Fixed precision of stored shapes: 10^7 units per degree. */
    public static final PrecisionModel PRECISION = new PrecisionModel(1e7);

    public static final GeometryFactory FACTORY = new GeometryFactory(PRECISION, SRID);

    private GridGeometry() {
    }

    /** Wraps a Polygon in a MultiPolygon; a MultiPolygon is returned as it is. */
    public static MultiPolygon toMultiPolygon(Geometry polygonal) {
        if (polygonal instanceof MultiPolygon multi) {
            return multi;
        }
        if (polygonal instanceof Polygon polygon) {
            return FACTORY.createMultiPolygon(new Polygon[] {polygon});
        }
        throw new IllegalArgumentException("Expected a Polygon or MultiPolygon, got " + polygonal.getGeometryType());
    }
}
