package cn.hemeigrid.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.locationtech.jts.geom.MultiPolygon;
import org.springframework.stereotype.Component;

import cn.hemeigrid.planning.geometry.Areas;
import cn.hemeigrid.planning.geometry.CheckedShape;
import cn.hemeigrid.planning.geometry.Finding;
import cn.hemeigrid.planning.geometry.FindingKind;
import cn.hemeigrid.planning.geometry.GridOverlay;
import cn.hemeigrid.planning.geometry.Neighbour;
import cn.hemeigrid.planning.geometry.NeighbourCheck;
import cn.hemeigrid.planning.geometry.ShapeValidator;
import tools.jackson.databind.JsonNode;

/**
 * The checks every submitted grid shape goes through, with the configured tolerances: the
 * shape itself ({@link ShapeValidator}), then its place: inside its village/community, no
 * overlap with active grids of the same kind (dedicated grids may lie over basic grids), and
 * for a reshaped basic grid the gaps it opens, which are warnings only.
 */
@Component
class ShapeChecks {

    private final PlannedGrids grids;
    private final PlanningAreas areas;
    private final PlanningProperties properties;
    private final GridOverlay overlay;
    private final NeighbourCheck neighbourCheck;

    ShapeChecks(PlannedGrids grids, PlanningAreas areas, PlanningProperties properties) {
        this.grids = grids;
        this.areas = areas;
        this.properties = properties;
        this.overlay = new GridOverlay(properties.sliverAreaSquareMetres());
        this.neighbourCheck = new NeighbourCheck(properties.overlapToleranceMetres());
    }

    GridOverlay overlay() {
        return overlay;
    }

    NeighbourCheck neighbourCheck() {
        return neighbourCheck;
    }

    /**
     * Validates and repairs a submitted shape. Latitude and longitude count as swapped when
     * the shape lies outside the city's extent and would lie inside it swapped.
     */
    CheckedShape validate(JsonNode geometry, String feature) {
        CheckedShape checked = new ShapeValidator(areas.cityExtent().orElse(null)).validate(geometry, feature);
        if (checked.shape().isEmpty()) {
            return checked;
        }
        double area = Areas.squareMetres(checked.shape().get());
        if (area < properties.sliverAreaSquareMetres()) {
            List<Finding> findings = new ArrayList<>(checked.findings());
            findings.add(Finding.ofArea(FindingKind.SLIVER_RESULT, checked.shape().get(), feature, area,
                    Areas.rounded(area), Areas.rounded(properties.sliverAreaSquareMetres())));
            return new CheckedShape(Optional.empty(), findings);
        }
        return checked;
    }

    /**
     * Checks where a shape lies in its village/community.
     *
     * @param replacing the grid whose shape this replaces, left out of the neighbours, or empty
     *                  for a new grid
     */
    List<Finding> placement(MultiPolygon shape, PlanningAreas.Unit village, String kind,
                            Optional<PlannedGrid> replacing, String feature) {
        Set<Long> excluded = replacing.map(grid -> Set.of(grid.id())).orElse(Set.of());
        List<Neighbour> sameKind = grids.activeNeighbours(village.code(), kind, excluded);

        List<Finding> findings = new ArrayList<>();
        findings.addAll(neighbourCheck.outsideVillage(shape, village.shape(), feature));
        findings.addAll(neighbourCheck.overlaps(shape, sameKind, feature));
        if (kind.equals("basic") && replacing.isPresent() && replacing.get().kind().equals("basic")) {
            findings.addAll(neighbourCheck.gapsOpened(replacing.get().shape(), shape, village.shape(), sameKind,
                    feature));
        }
        return findings;
    }
}
