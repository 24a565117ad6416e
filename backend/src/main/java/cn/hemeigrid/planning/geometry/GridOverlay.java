package cn.hemeigrid.planning.geometry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;
import org.locationtech.jts.operation.polygonize.Polygonizer;

/**
 * Union, split and clipping of planned shapes with OverlayNG, snap-rounding to the
 * {@link GridGeometry} precision so that shared edges stay shared exactly.
 *
 * <p>Every result is polygonal: lines and points that an overlay leaves where shapes only
 * touch are dropped, polygons smaller than the sliver tolerance are dropped and holes smaller
 * than it are filled. Results are MultiPolygons with shells counter-clockwise and holes
 * clockwise (RFC 7946), or lists of such Polygons for a split. Instances are immutable and
 * thread-safe.
 */
public final class GridOverlay {

    private final double sliverAreaSquareMetres;

    /** @param sliverAreaSquareMetres polygons and holes below this area are slivers */
    public GridOverlay(double sliverAreaSquareMetres) {
        if (!(sliverAreaSquareMetres >= 0)) {
            throw new IllegalArgumentException("Sliver area must be 0 or more square metres, got " + sliverAreaSquareMetres);
        }
        this.sliverAreaSquareMetres = sliverAreaSquareMetres;
    }

    public double sliverAreaSquareMetres() {
        return sliverAreaSquareMetres;
    }

    public MultiPolygon union(Collection<? extends Geometry> shapes) {
        return polygonal(UnaryUnionNG.union(new ArrayList<Geometry>(shapes), GridGeometry.FACTORY, GridGeometry.PRECISION));
    }

    public MultiPolygon intersection(Geometry a, Geometry b) {
        return polygonal(OverlayNG.overlay(a, b, OverlayNG.INTERSECTION, GridGeometry.PRECISION));
    }

    public MultiPolygon difference(Geometry a, Geometry b) {
        return polygonal(OverlayNG.overlay(a, b, OverlayNG.DIFFERENCE, GridGeometry.PRECISION));
    }

    /**
     * Splits a shape along a drawn line into the pieces the line cuts it into. The line is
     * noded with the shape's boundary and the pieces are polygonised from that linework, so
     * neighbouring pieces share the cut edge exactly. Parts of the line outside the shape and
     * loose ends inside it are ignored. A line that does not cut the shape returns one piece,
     * the shape itself; a MultiPolygon part the line misses stays one piece.
     *
     * @return the pieces, largest first, each without slivers
     */
    public List<Polygon> split(Geometry shape, LineString line) {
        Geometry linework = OverlayNG.overlay(shape.getBoundary(), line, OverlayNG.UNION, GridGeometry.PRECISION);
        Polygonizer polygonizer = new Polygonizer();
        polygonizer.add(linework);

        List<Polygon> pieces = new ArrayList<>();
        for (Object candidate : polygonizer.getPolygons()) {
            Polygon piece = (Polygon) candidate;
            if (shape.intersects(piece.getInteriorPoint())) {
                MultiPolygon cleaned = polygonal(piece);
                for (int i = 0; i < cleaned.getNumGeometries(); i++) {
                    pieces.add((Polygon) cleaned.getGeometryN(i));
                }
            }
        }
        pieces.sort((a, b) -> Double.compare(b.getArea(), a.getArea()));
        return pieces;
    }

    /**
     * Returns the polygons of an overlay result as an oriented MultiPolygon without slivers.
     * Any Polygon or MultiPolygon may be passed, also one that did not come from an overlay.
     */
    public MultiPolygon polygonal(Geometry result) {
        List<Polygon> withoutSlivers = new ArrayList<>();
        for (Object extracted : PolygonExtracter.getPolygons(result)) {
            Polygon polygon = (Polygon) extracted;
            if (polygon.isEmpty() || MetricProjection.areaSquareMetres(polygon) < sliverAreaSquareMetres) {
                continue;
            }
            withoutSlivers.add(withoutSliverHoles(polygon));
        }
        MultiPolygon multi = GridGeometry.FACTORY.createMultiPolygon(withoutSlivers.toArray(Polygon[]::new));
        return oriented(multi);
    }

    private Polygon withoutSliverHoles(Polygon polygon) {
        List<LinearRing> holes = new ArrayList<>();
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            LinearRing hole = polygon.getInteriorRingN(i);
            Polygon holeArea = GridGeometry.FACTORY.createPolygon(hole);
            if (MetricProjection.areaSquareMetres(holeArea) >= sliverAreaSquareMetres) {
                holes.add(hole);
            }
        }
        return GridGeometry.FACTORY.createPolygon(polygon.getExteriorRing(), holes.toArray(LinearRing[]::new));
    }

    /** Orients shells counter-clockwise and holes clockwise, as RFC 7946 requires. */
    static MultiPolygon oriented(MultiPolygon shape) {
        Polygon[] polygons = new Polygon[shape.getNumGeometries()];
        for (int i = 0; i < polygons.length; i++) {
            Polygon polygon = (Polygon) shape.getGeometryN(i);
            LinearRing shell = polygon.getExteriorRing();
            if (!org.locationtech.jts.algorithm.Orientation.isCCW(shell.getCoordinateSequence())) {
                shell = shell.reverse();
            }
            LinearRing[] holes = new LinearRing[polygon.getNumInteriorRing()];
            for (int h = 0; h < holes.length; h++) {
                LinearRing hole = polygon.getInteriorRingN(h);
                holes[h] = org.locationtech.jts.algorithm.Orientation.isCCW(hole.getCoordinateSequence())
                        ? hole.reverse()
                        : hole;
            }
            polygons[i] = GridGeometry.FACTORY.createPolygon(shell, holes);
        }
        return GridGeometry.FACTORY.createMultiPolygon(polygons);
    }
}
