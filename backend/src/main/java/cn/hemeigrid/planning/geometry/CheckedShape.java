package cn.hemeigrid.planning.geometry;

import java.util.List;
import java.util.Optional;

import org.locationtech.jts.geom.MultiPolygon;

/**
 * The outcome of validating a submitted shape.
 *
 * @param shape    the repaired shape, on the {@link GridGeometry} precision grid with the
 *                 shells counter-clockwise and the holes clockwise; empty when a finding
 *                 rejects it
 * @param findings the repairs made and the problems found, in input order
 */
public record CheckedShape(Optional<MultiPolygon> shape, List<Finding> findings) {

    public CheckedShape {
        findings = List.copyOf(findings);
    }

    public boolean accepted() {
        return shape.isPresent();
    }
}
