package cn.hemeigrid.geo;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/**
 * Projects CGCS2000 longitude/latitude to EPSG:4547 (CGCS2000 3-degree Gauss-Krüger, central
 * meridian 114°E) and back, for areas and distances in metres around Huizhou.
 *
 * <p>Instances are not thread-safe because proj4j transforms are not; create one per thread
 * or per job.
 */
public final class GaussKruger {

    public static final int SRID = 4547;

    private final CoordinateTransform toProjected;
    private final CoordinateTransform toGeographic;

    public GaussKruger() {
        CRSFactory crsFactory = new CRSFactory();
        CoordinateTransformFactory transforms = new CoordinateTransformFactory();
        var geographic = crsFactory.createFromName("EPSG:4490");
        var projected = crsFactory.createFromName("EPSG:4547");
        this.toProjected = transforms.createTransform(geographic, projected);
        this.toGeographic = transforms.createTransform(projected, geographic);
    }

    public Coordinate project(Coordinate lonLat) {
        ProjCoordinate out = toProjected.transform(new ProjCoordinate(lonLat.x, lonLat.y), new ProjCoordinate());
        return new Coordinate(out.x, out.y);
    }

    public Coordinate unproject(Coordinate metres) {
        ProjCoordinate out = toGeographic.transform(new ProjCoordinate(metres.x, metres.y), new ProjCoordinate());
        return new Coordinate(out.x, out.y);
    }

    /** Returns a projected copy of a CGCS2000 geometry; the input is not changed. */
    public Geometry project(Geometry lonLat) {
        Geometry copy = lonLat.copy();
        copy.apply((org.locationtech.jts.geom.CoordinateFilter) c -> c.setCoordinate(project(c)));
        copy.geometryChanged();
        return copy;
    }

    /** Returns a CGCS2000 copy of a projected geometry; the input is not changed. */
    public Geometry unproject(Geometry metres) {
        Geometry copy = metres.copy();
        copy.apply((org.locationtech.jts.geom.CoordinateFilter) c -> c.setCoordinate(unproject(c)));
        copy.geometryChanged();
        return copy;
    }

    /** Returns the area of a CGCS2000 geometry in square metres. */
    public double areaSquareMetres(Geometry lonLat) {
        return project(lonLat).getArea();
    }
}
