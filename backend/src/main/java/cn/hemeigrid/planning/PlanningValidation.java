package cn.hemeigrid.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hemeigrid.planning.geometry.Areas;
import cn.hemeigrid.planning.geometry.CheckedShape;
import cn.hemeigrid.planning.geometry.Finding;
import cn.hemeigrid.planning.geometry.GeoJson;
import cn.hemeigrid.system.RejectedRequestException;
import tools.jackson.databind.JsonNode;

/**
 * The dry run of a change: runs the same checks as saving a grid and saves nothing. Without a
 * village/community only the shape itself is checked.
 */
@Service
class PlanningValidation {

    private final ShapeChecks checks;
    private final GridPlanning planning;
    private final PlannedGrids grids;
    private final FindingFeatures findingFeatures;

    PlanningValidation(ShapeChecks checks, GridPlanning planning, PlannedGrids grids, FindingFeatures findingFeatures) {
        this.checks = checks;
        this.planning = planning;
        this.grids = grids;
        this.findingFeatures = findingFeatures;
    }

    /**
     * One submitted feature after validation.
     *
     * @param accepted true when none of the feature's findings rejects it
     * @param geometry the repaired shape as it would be stored, or null when the shape itself
     *                 is rejected
     */
    record ShapeView(String feature, boolean accepted, Double areaSquareMetres, Map<String, Object> geometry) {
    }

    /** @param valid true when no feature has a rejecting finding */
    record Report(boolean valid, List<ShapeView> shapes, Map<String, Object> findings) {
    }

    /**
     * @param gridCode the grid the shape would replace (a reshape), or null for a new grid
     * @param kind     basic (default) or dedicated, which decides the grids checked for overlap
     */
    @Transactional(readOnly = true)
    Report validate(JsonNode geometry, String villageCode, String kind, String gridCode) {
        Optional<PlanningAreas.Unit> village = villageCode == null || villageCode.isBlank()
                ? Optional.empty()
                : Optional.of(planning.village(villageCode));
        Optional<PlannedGrid> replacing = Optional.ofNullable(gridCode).filter(code -> !code.isBlank())
                .map(code -> GridCode.parse(code).flatMap(parsed -> grids.find(parsed.value()))
                        .orElseThrow(() -> RejectedRequestException.notFound("grid.not-found", code)));
        String checkedKind = kind == null || kind.isBlank()
                ? replacing.map(PlannedGrid::kind).orElse("basic")
                : kind.strip();
        if (!GridAttributes.KINDS.contains(checkedKind)) {
            throw RejectedRequestException.badRequest("planning.kind-unknown", kind);
        }

        List<ShapeView> shapes = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (GeoJson.SubmittedFeature feature : GeoJson.features(geometry)) {
            CheckedShape checked = checks.validate(feature.geometry(), feature.name());
            List<Finding> featureFindings = new ArrayList<>(checked.findings());
            if (checked.shape().isPresent() && village.isPresent()) {
                featureFindings.addAll(checks.placement(checked.shape().get(), village.get(), checkedKind, replacing,
                        feature.name()));
            }
            findings.addAll(featureFindings);
            shapes.add(new ShapeView(feature.name(), featureFindings.stream().noneMatch(Finding::rejects),
                    checked.shape().map(Areas::squareMetres).map(area -> Math.round(area * 10) / 10.0).orElse(null),
                    checked.shape().map(GeoJson::geometry).orElse(null)));
        }
        boolean valid = findings.stream().noneMatch(Finding::rejects);
        return new Report(valid, shapes, findingFeatures.of(findings));
    }
}
