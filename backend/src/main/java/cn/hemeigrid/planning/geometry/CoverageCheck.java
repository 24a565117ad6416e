package cn.hemeigrid.planning.geometry;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;

/**
 * Checks how the basic grids of one village/community cover it: gaps (area of the village
 * covered by no grid), overlaps between pairs of grids and parts of grids outside the village,
 * with the same tolerance in metres and the same snap-rounded overlays as
 * {@link NeighbourCheck}. Instances are immutable and thread-safe.
 */
public final class CoverageCheck {

    private final double toleranceMetres;

    public CoverageCheck(double toleranceMetres) {
        this.toleranceMetres = toleranceMetres;
    }

    /**
     * Returns the gaps, overlaps and outside parts. Gap findings are named after the village,
     * overlap findings after the first grid of the pair with the other grid's code as the first
     * argument, outside findings after the grid.
     */
    public List<Finding> check(String villageCode, Geometry village, List<Neighbour> grids) {
        List<Finding> found = new ArrayList<>();
        List<Geometry> shapes = grids.stream().map(Neighbour::shape).toList();
        Geometry gaps = shapes.isEmpty()
                ? village
                : OverlayNG.overlay(village, UnaryUnionNG.union(shapes, GridGeometry.FACTORY, GridGeometry.PRECISION),
                        OverlayNG.DIFFERENCE, GridGeometry.PRECISION);
        found.addAll(SignificantParts.findings(FindingKind.GAP, gaps, toleranceMetres, villageCode));

        STRtree index = new STRtree();
        for (int i = 0; i < shapes.size(); i++) {
            index.insert(shapes.get(i).getEnvelopeInternal(), i);
        }
        for (int i = 0; i < shapes.size(); i++) {
            String code = grids.get(i).code();
            for (Object candidate : index.query(shapes.get(i).getEnvelopeInternal())) {
                int j = (Integer) candidate;
                if (j <= i) {
                    continue;
                }
                Geometry overlap = OverlayNG.overlay(shapes.get(i), shapes.get(j), OverlayNG.INTERSECTION,
                        GridGeometry.PRECISION);
                found.addAll(SignificantParts.findings(FindingKind.OVERLAP, overlap, toleranceMetres, code,
                        grids.get(j).code()));
            }
            Geometry outside = OverlayNG.overlay(shapes.get(i), village, OverlayNG.DIFFERENCE, GridGeometry.PRECISION);
            found.addAll(SignificantParts.findings(FindingKind.OUTSIDE_VILLAGE, outside, toleranceMetres, code));
        }
        return found;
    }
}
