package cn.hemeigrid.planning.geometry;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;

/**
 * Checks a planned shape against its village/community and its neighbouring grids, with a
 * tolerance in metres (see {@link SignificantParts} for how it applies). Overlays run in
 * longitude/latitude, snap-rounded to the {@link GridGeometry} precision, so edges that two
 * shapes share leave nothing behind. Each finding carries the offending area as its location
 * and its size in square metres. Instances are immutable and thread-safe.
 */
public final class NeighbourCheck {

    private final double toleranceMetres;

    public NeighbourCheck(double toleranceMetres) {
        if (!(toleranceMetres >= 0)) {
            throw new IllegalArgumentException("Tolerance must be 0 or more metres, got " + toleranceMetres);
        }
        this.toleranceMetres = toleranceMetres;
    }

    public double toleranceMetres() {
        return toleranceMetres;
    }

    /** Finds the parts of a shape outside its village/community. */
    public List<Finding> outsideVillage(Geometry shape, Geometry village, String feature) {
        Geometry outside = OverlayNG.overlay(shape, village, OverlayNG.DIFFERENCE, GridGeometry.PRECISION);
        return SignificantParts.findings(FindingKind.OUTSIDE_VILLAGE, outside, toleranceMetres, feature);
    }

    /** Finds where a shape overlaps each neighbour; the neighbour's code is the first message argument. */
    public List<Finding> overlaps(Geometry shape, List<Neighbour> neighbours, String feature) {
        List<Finding> found = new ArrayList<>();
        for (Neighbour neighbour : neighbours) {
            if (!shape.getEnvelopeInternal().intersects(neighbour.shape().getEnvelopeInternal())) {
                continue;
            }
            Geometry overlap = OverlayNG.overlay(shape, neighbour.shape(), OverlayNG.INTERSECTION,
                    GridGeometry.PRECISION);
            found.addAll(SignificantParts.findings(FindingKind.OVERLAP, overlap, toleranceMetres, feature,
                    neighbour.code()));
        }
        return found;
    }

    /**
     * Finds the gaps a reshape opens: area of the village/community that the shape covered
     * before, that it no longer covers and that no neighbour covers.
     */
    public List<Finding> gapsOpened(Geometry before, Geometry after, Geometry village, List<Neighbour> neighbours,
                                    String feature) {
        Geometry released = OverlayNG.overlay(before, after, OverlayNG.DIFFERENCE, GridGeometry.PRECISION);
        if (released.isEmpty()) {
            return List.of();
        }
        Geometry uncovered = OverlayNG.overlay(released, village, OverlayNG.INTERSECTION, GridGeometry.PRECISION);
        List<Geometry> around = new ArrayList<>();
        for (Neighbour neighbour : neighbours) {
            if (neighbour.shape().getEnvelopeInternal().intersects(before.getEnvelopeInternal())) {
                around.add(neighbour.shape());
            }
        }
        if (!around.isEmpty()) {
            Geometry covered = UnaryUnionNG.union(around, GridGeometry.FACTORY, GridGeometry.PRECISION);
            uncovered = OverlayNG.overlay(uncovered, covered, OverlayNG.DIFFERENCE, GridGeometry.PRECISION);
        }
        return SignificantParts.findings(FindingKind.GAP, uncovered, toleranceMetres, feature);
    }
}
