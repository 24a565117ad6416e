package cn.hemeigrid.planning;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.locationtech.jts.geom.MultiPolygon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hemeigrid.access.AuditLog;
import cn.hemeigrid.planning.geometry.CheckedShape;
import cn.hemeigrid.planning.geometry.Finding;
import cn.hemeigrid.planning.geometry.GridGeometry;
import cn.hemeigrid.system.RejectedRequestException;
import tools.jackson.databind.JsonNode;

/**
 * Creates, reshapes, edits and retires single grids. Each change runs in one transaction,
 * locks the grid row, compares the version the planner last saw (optimistic locking: a stale
 * one gets 409 with the current version) and leaves a new version in the grid's history.
 * Shapes go through {@link ShapeChecks}: a rejecting finding aborts the change with 422 and the
 * findings as GeoJSON in the problem's {@code problems} member.
 */
@Service
public class GridPlanning {

    private static final Logger log = LoggerFactory.getLogger(GridPlanning.class);

    private final PlannedGrids grids;
    private final PlanningAreas areas;
    private final ShapeChecks checks;
    private final GridCodeAssignment codes;
    private final FindingFeatures findingFeatures;

    private final AuditLog audit;

    GridPlanning(PlannedGrids grids, PlanningAreas areas, ShapeChecks checks, GridCodeAssignment codes,
                 FindingFeatures findingFeatures, AuditLog audit) {
        this.grids = grids;
        this.areas = areas;
        this.checks = checks;
        this.codes = codes;
        this.findingFeatures = findingFeatures;
        this.audit = audit;
    }

    /** The grids a change created or changed, the grids it retired, and its repairs and warnings. */
    public record Outcome(List<PlannedGrid> changed, List<PlannedGrid> retired, List<Finding> findings) {
    }

    record NewGrid(String villageCode, String code, String name, String kind, String dedicatedType,
                   String onlineGroup, JsonNode geometry) {
    }

    @Transactional
    public Outcome create(NewGrid request) {
        PlanningAreas.Unit village = village(request.villageCode());
        GridCode code = codes.assign(village.code(), request.code() == null ? List.of() : List.of(request.code()), 1)
                .get(0);
        String name = request.name() == null || request.name().isBlank() ? defaultName(village, code) : request.name();
        GridAttributes attributes = GridAttributes.of(name, request.kind(), request.dedicatedType(),
                request.onlineGroup());

        CheckedShape checked = checks.validate(request.geometry(), code.value());
        MultiPolygon shape = acceptedShape(checked);
        List<Finding> findings = new ArrayList<>(checked.findings());
        findings.addAll(checks.placement(shape, village, attributes.kind(), Optional.empty(), code.value()));
        rejectIfAnyRejects(findings);

        grids.recordChange("created");
        grids.insert(new PlannedGrids.NewGrid(code, attributes.name(), attributes.kind(), attributes.dedicatedType(),
                attributes.onlineGroup(), shape));
        audit.record("grid.create", "grid", code.value(), "village " + village.code());
        log.info("Grid {} created in village {}", code, village.code());
        return new Outcome(List.of(current(code.value())), List.of(), findings);
    }

    @Transactional
    public Outcome reshape(String code, Integer version, JsonNode geometry) {
        PlannedGrid grid = lockForChange(code, version);
        PlanningAreas.Unit village = village(grid.villageCode());

        CheckedShape checked = checks.validate(geometry, grid.code());
        MultiPolygon shape = acceptedShape(checked);
        List<Finding> findings = new ArrayList<>(checked.findings());
        findings.addAll(checks.placement(shape, village, grid.kind(), Optional.of(grid), grid.code()));
        rejectIfAnyRejects(findings);

        grids.recordChange("reshaped");
        grids.updateShape(grid.id(), shape);
        audit.record("grid.reshape", "grid", grid.code(), "from version " + grid.version());
        log.info("Grid {} reshaped from version {}", grid.code(), grid.version());
        return new Outcome(List.of(current(grid.code())), List.of(), findings);
    }

    record AttributeChanges(String name, String kind, String dedicatedType, String onlineGroup) {
    }

    /**
     * Changes the attributes given. A null value keeps the current one, and an empty online
     * group clears it. A change of kind checks overlaps with the grids of the new kind. A basic
     * grid that becomes dedicated no longer covers its area as a basic grid, so the gaps this
     * opens are returned as warnings.
     */
    @Transactional
    public Outcome editAttributes(String code, Integer version, AttributeChanges changes) {
        PlannedGrid grid = lockForChange(code, version);
        String kind = changes.kind() == null ? grid.kind() : changes.kind();
        String dedicatedType = changes.dedicatedType() != null || "basic".equals(changes.kind())
                ? changes.dedicatedType()
                : grid.dedicatedType();
        GridAttributes attributes = GridAttributes.of(
                changes.name() == null ? grid.name() : changes.name(), kind, dedicatedType,
                changes.onlineGroup() == null ? grid.onlineGroup() : changes.onlineGroup());
        if (attributes.equals(GridAttributes.of(grid))) {
            return new Outcome(List.of(grid), List.of(), List.of());
        }

        List<Finding> findings = new ArrayList<>();
        if (!attributes.kind().equals(grid.kind())) {
            PlanningAreas.Unit village = village(grid.villageCode());
            findings.addAll(checks.placement(grid.shape(), village, attributes.kind(), Optional.of(grid), grid.code()));
            if (grid.kind().equals("basic")) {
                findings.addAll(gapsLeftBy(grid, village));
            }
            rejectIfAnyRejects(findings);
        }

        grids.recordChange("attributes_edited");
        grids.updateAttributes(grid.id(), attributes.name(), attributes.kind(), attributes.dedicatedType(),
                attributes.onlineGroup());
        audit.record("grid.edit_attributes", "grid", grid.code(), "from version " + grid.version());
        log.info("Grid {} attributes edited from version {}", grid.code(), grid.version());
        return new Outcome(List.of(current(grid.code())), List.of(), findings);
    }

    /**
     * Retires a grid: it leaves the map and routing but keeps its code, history and incidents.
     * Retiring a basic grid warns about the gaps it leaves.
     */
    @Transactional
    public Outcome retire(String code, Integer version) {
        PlannedGrid grid = lockForChange(code, version);
        List<Finding> findings = grid.kind().equals("basic")
                ? gapsLeftBy(grid, village(grid.villageCode()))
                : List.of();

        grids.recordChange("retired");
        grids.retire(grid.id());
        grids.endTeam(grid.id());
        audit.record("grid.retire", "grid", grid.code(), "at version " + grid.version());
        log.info("Grid {} retired at version {}", grid.code(), grid.version());
        return new Outcome(List.of(), List.of(current(grid.code())), findings);
    }

    private List<Finding> gapsLeftBy(PlannedGrid grid, PlanningAreas.Unit village) {
        return checks.neighbourCheck().gapsOpened(grid.shape(), GridGeometry.FACTORY.createMultiPolygon(),
                village.shape(), grids.activeNeighbours(grid.villageCode(), "basic", List.of(grid.id())), grid.code());
    }

    /**
     * Locks an active grid for a change after checking that it is active and comparing versions.
     *
     * @throws RejectedRequestException 400 without a version, 404 for an unknown grid, 409 for
     *                                  a stale version (with {@code currentVersion}) or a retired grid
     */
    PlannedGrid lockForChange(String code, Integer version) {
        if (version == null) {
            throw RejectedRequestException.badRequest("planning.version-missing");
        }
        PlannedGrid grid = GridCode.parse(code)
                .flatMap(parsed -> grids.lockForChange(parsed.value()))
                .orElseThrow(() -> RejectedRequestException.notFound("grid.not-found", code));
        // A retired grid is reported as retired even with a stale version, because retiring it
        // (also by a split or merge) raised its version, and reloading would not help the planner.
        if (!grid.isActive()) {
            throw RejectedRequestException.conflict("planning.grid-retired", grid.code())
                    .withProperty("currentVersion", grid.version());
        }
        if (grid.version() != version) {
            throw RejectedRequestException.conflict("planning.version-stale", grid.code(), version, grid.version())
                    .withProperty("currentVersion", grid.version());
        }
        return grid;
    }

    PlanningAreas.Unit village(String villageCode) {
        String code = villageCode == null ? "" : villageCode.strip();
        return areas.village(code)
                .orElseThrow(() -> RejectedRequestException.unprocessable("planning.village-not-found", code));
    }

    PlannedGrid current(String code) {
        return grids.find(code).orElseThrow(() -> new IllegalStateException("Grid " + code + " vanished"));
    }

    MultiPolygon acceptedShape(CheckedShape checked) {
        rejectIfAnyRejects(checked.findings());
        return checked.shape().orElseThrow();
    }

    void rejectIfAnyRejects(List<Finding> findings) {
        long rejecting = findings.stream().filter(Finding::rejects).count();
        if (rejecting > 0) {
            throw RejectedRequestException.unprocessable("planning.shape-rejected", rejecting)
                    .withProperty("problems", findingFeatures.of(findings));
        }
    }

    static String defaultName(PlanningAreas.Unit village, GridCode code) {
        return village.name() + "第" + code.serial() + "网格";
    }
}
