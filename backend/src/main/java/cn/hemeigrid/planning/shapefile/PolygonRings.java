package cn.hemeigrid.planning.shapefile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import org.locationtech.jts.algorithm.PointLocation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Location;

/**
 * Groups the parts of a Shapefile polygon record into polygons. In a .shp file a clockwise
 * ring is a shell and a counter-clockwise ring a hole of the shell that contains it. A
 * counter-clockwise ring inside no shell is taken as a shell, so files written with the
 * opposite orientation (as some tools do) still read. Rings are returned in RFC 7946
 * orientation, shells counter-clockwise and holes clockwise, and otherwise as stored:
 * unclosed, self-crossing or degenerate rings are left for the shape checks to report.
 */
public final class PolygonRings {

    private PolygonRings() {
    }

    /** Returns the polygons of one record, each a list of rings with the shell first. */
    public static List<List<Coordinate[]>> polygons(List<Coordinate[]> parts) {
        List<List<Coordinate[]>> polygons = new ArrayList<>();
        List<Coordinate[]> holes = new ArrayList<>();
        for (Coordinate[] part : parts) {
            if (signedArea(part) > 0) {
                holes.add(part);
            } else {
                polygons.add(polygonOf(part));
            }
        }
        // Larger rings first, so that a promoted outer ring can take the holes inside it.
        holes.sort(Comparator.comparingDouble((Coordinate[] ring) -> Math.abs(signedArea(ring))).reversed());
        for (Coordinate[] hole : holes) {
            List<Coordinate[]> shell = smallestShellContaining(polygons, hole);
            if (shell == null) {
                polygons.add(polygonOf(hole));
            } else {
                shell.add(hole);
            }
        }

        for (List<Coordinate[]> polygon : polygons) {
            for (int r = 0; r < polygon.size(); r++) {
                polygon.set(r, oriented(polygon.get(r), r == 0));
            }
        }
        return polygons;
    }

    private static List<Coordinate[]> polygonOf(Coordinate[] shell) {
        List<Coordinate[]> rings = new ArrayList<>();
        rings.add(shell);
        return rings;
    }

    private static List<Coordinate[]> smallestShellContaining(List<List<Coordinate[]>> polygons, Coordinate[] hole) {
        List<Coordinate[]> smallest = null;
        double smallestArea = Double.POSITIVE_INFINITY;
        for (List<Coordinate[]> polygon : polygons) {
            Coordinate[] shell = polygon.get(0);
            double area = Math.abs(signedArea(shell));
            if (area < smallestArea && contains(shell, hole)) {
                smallest = polygon;
                smallestArea = area;
            }
        }
        return smallest;
    }

    /** Tests the first vertex of the ring that is not on the shell, because holes may touch their shell. */
    private static boolean contains(Coordinate[] shell, Coordinate[] ring) {
        Coordinate[] closed = closed(shell);
        if (closed.length < 4) {
            return false;
        }
        for (Coordinate vertex : ring) {
            int location = PointLocation.locateInRing(vertex, closed);
            if (location != Location.BOUNDARY) {
                return location == Location.INTERIOR;
            }
        }
        return false;
    }

    /**
     * Returns twice the signed area by the shoelace formula, closing the ring if needed:
     * positive for counter-clockwise rings in a y-up system, NaN with a non-finite position.
     */
    static double signedArea(Coordinate[] ring) {
        double sum = 0;
        for (int i = 0; i < ring.length; i++) {
            Coordinate a = ring[i];
            Coordinate b = ring[(i + 1) % ring.length];
            sum += a.x * b.y - b.x * a.y;
        }
        return sum;
    }

    private static Coordinate[] closed(Coordinate[] ring) {
        if (ring.length == 0 || ring[0].equals2D(ring[ring.length - 1])) {
            return ring;
        }
        Coordinate[] closed = Arrays.copyOf(ring, ring.length + 1);
        closed[ring.length] = ring[0];
        return closed;
    }

    private static Coordinate[] oriented(Coordinate[] ring, boolean counterClockwise) {
        double area = signedArea(ring);
        if (area == 0 || Double.isNaN(area) || (area > 0) == counterClockwise) {
            return ring;
        }
        Coordinate[] reversed = ring.clone();
        Collections.reverse(Arrays.asList(reversed));
        return reversed;
    }
}
