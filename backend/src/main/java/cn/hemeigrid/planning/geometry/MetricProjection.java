package cn.hemeigrid.planning.geometry;

import org.locationtech.jts.geom.Geometry;

import cn.hemeigrid.geo.GaussKruger;

/**
 * Projects planned shapes to EPSG:4547 (CGCS2000 Gauss-Krüger, central meridian 114°E) for
 * areas and tolerances in metres. Areas are accurate inside the projection's 3-degree zone
 * (112.5°E to 115.5°E), which contains Huizhou; farther away they grow by the projection's
 * scale error. Thread-safe: each thread gets its own {@link GaussKruger}.
 */
final class MetricProjection {

    private static final ThreadLocal<GaussKruger> PROJECTION = ThreadLocal.withInitial(GaussKruger::new);

    private MetricProjection() {
    }

    static Geometry toMetres(Geometry lonLat) {
        return PROJECTION.get().project(lonLat);
    }

    static double areaSquareMetres(Geometry lonLat) {
        return PROJECTION.get().areaSquareMetres(lonLat);
    }
}
