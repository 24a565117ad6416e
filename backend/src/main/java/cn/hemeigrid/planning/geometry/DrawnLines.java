package cn.hemeigrid.planning.geometry;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineString;

import tools.jackson.databind.JsonNode;

/** Reads a line a planner drew, for example to split a grid along it. */
public final class DrawnLines {

    private DrawnLines() {
    }

    /** A drawn line on the {@link GridGeometry} precision grid, or the findings that reject it. */
    public record DrawnLine(Optional<LineString> line, List<Finding> findings) {
    }

    /**
     * Reads a GeoJSON LineString in CGCS2000 longitude/latitude. It needs two distinct
     * positions, each finite and on the globe; repeated consecutive positions are dropped
     * silently, since they do not change where the line runs.
     */
    public static DrawnLine read(JsonNode geometry, String feature) {
        List<Finding> findings = new ArrayList<>();
        Coordinate[] positions = new GeoJsonShapeParser(feature, findings, ShapeValidator.MAX_VERTICES).line(geometry);
        if (positions == null) {
            return new DrawnLine(Optional.empty(), findings);
        }
        LinkedHashSet<Coordinate> distinct = new LinkedHashSet<>();
        List<Coordinate> vertices = new ArrayList<>();
        for (Coordinate position : positions) {
            if (position.x < -180 || position.x > 180 || position.y < -90 || position.y > 90) {
                findings.add(Finding.of(FindingKind.OUT_OF_RANGE, null, feature, position.x, position.y));
                return new DrawnLine(Optional.empty(), findings);
            }
            Coordinate rounded = position.copy();
            GridGeometry.PRECISION.makePrecise(rounded);
            distinct.add(rounded);
            if (vertices.isEmpty() || !vertices.get(vertices.size() - 1).equals2D(rounded)) {
                vertices.add(rounded);
            }
        }
        if (distinct.size() < 2) {
            findings.add(Finding.of(FindingKind.DEGENERATE_LINE, GridGeometry.FACTORY.createPoint(positions[0]),
                    feature));
            return new DrawnLine(Optional.empty(), findings);
        }
        return new DrawnLine(Optional.of(GridGeometry.FACTORY.createLineString(vertices.toArray(Coordinate[]::new))),
                findings);
    }
}
