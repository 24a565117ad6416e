package cn.hemeigrid.planning;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.hemeigrid.access.CurrentJurisdiction;
import cn.hemeigrid.system.Labels;
import tools.jackson.databind.JsonNode;

/**
 * Changes to the grid layer. Every change but create sends the {@code version} of the grid
 * the planner last saw; a stale one gets 409 with {@code currentVersion}. A rejected shape gets
 * 422 whose {@code problems} member is a GeoJSON FeatureCollection of the findings to draw.
 * Bodies are read by {@link PlanningRequests}, so NaN and Infinity in coordinates are reported
 * as shape problems rather than as unreadable JSON. A grid or village/community outside the
 * caller's jurisdiction gets 403 before anything is checked or changed.
 */
@RestController
class PlanningController {

    private final GridPlanning planning;
    private final GridRestructuring restructuring;
    private final PlanningValidation validation;
    private final PlanningRequests requests;
    private final FindingFeatures findingFeatures;
    private final Labels labels;
    private final PlanningJurisdiction jurisdictionCheck;
    private final CurrentJurisdiction currentJurisdiction;

    PlanningController(GridPlanning planning, GridRestructuring restructuring, PlanningValidation validation,
                       PlanningRequests requests, FindingFeatures findingFeatures, Labels labels,
                       PlanningJurisdiction jurisdictionCheck, CurrentJurisdiction currentJurisdiction) {
        this.jurisdictionCheck = jurisdictionCheck;
        this.currentJurisdiction = currentJurisdiction;
        this.planning = planning;
        this.restructuring = restructuring;
        this.validation = validation;
        this.requests = requests;
        this.findingFeatures = findingFeatures;
        this.labels = labels;
    }

    /** The result of a change: grids created or changed, grids retired, repairs and warnings as GeoJSON. */
    record ChangeView(List<GridView> grids, List<GridView> retired, Map<String, Object> findings) {
    }

    record ValidateRequest(JsonNode geometry, String villageCode, String kind, String gridCode) {
    }

    /** Validates shapes without saving anything (dry run); a Feature or FeatureCollection is checked per feature. */
    @PostMapping(path = "/api/v1/planning/validate", consumes = MediaType.APPLICATION_JSON_VALUE)
    PlanningValidation.Report validate(@RequestBody String body) {
        ValidateRequest request = requests.read(body, ValidateRequest.class);
        jurisdictionCheck.requireUnit(currentJurisdiction.get(), request.villageCode());
        jurisdictionCheck.requireGrid(currentJurisdiction.get(), request.gridCode());
        return validation.validate(request.geometry(), request.villageCode(), request.kind(), request.gridCode());
    }

    @PostMapping(path = "/api/v1/planning/grids", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ChangeView> create(@RequestBody String body) {
        GridPlanning.NewGrid request = requests.read(body, GridPlanning.NewGrid.class);
        jurisdictionCheck.requireUnit(currentJurisdiction.get(), request.villageCode());
        GridPlanning.Outcome outcome = planning.create(request);

        ChangeView view = view(outcome);
        return ResponseEntity.created(URI.create("/api/v1/planning/grids/" + view.grids().get(0).code())).body(view);
    }

    record ReshapeRequest(Integer version, JsonNode geometry) {
    }

    @PutMapping(path = "/api/v1/planning/grids/{code}/shape", consumes = MediaType.APPLICATION_JSON_VALUE)
    ChangeView reshape(@PathVariable String code, @RequestBody String body) {
        ReshapeRequest request = requests.read(body, ReshapeRequest.class);
        jurisdictionCheck.requireGrid(currentJurisdiction.get(), code);
        return view(planning.reshape(code, request.version(), request.geometry()));
    }

    record AttributesRequest(Integer version, String name, String kind, String dedicatedType, String onlineGroup) {
    }

    @PatchMapping(path = "/api/v1/planning/grids/{code}", consumes = MediaType.APPLICATION_JSON_VALUE)
    ChangeView editAttributes(@PathVariable String code, @RequestBody String body) {
        AttributesRequest request = requests.read(body, AttributesRequest.class);
        jurisdictionCheck.requireGrid(currentJurisdiction.get(), code);
        return view(planning.editAttributes(code, request.version(), new GridPlanning.AttributeChanges(
                request.name(), request.kind(), request.dedicatedType(), request.onlineGroup())));
    }

    record SplitRequest(Integer version, JsonNode line, List<String> codes, List<String> names) {
    }

    @PostMapping(path = "/api/v1/planning/grids/{code}/split", consumes = MediaType.APPLICATION_JSON_VALUE)
    ChangeView split(@PathVariable String code, @RequestBody String body) {
        SplitRequest request = requests.read(body, SplitRequest.class);
        jurisdictionCheck.requireGrid(currentJurisdiction.get(), code);
        return view(restructuring.split(code, request.version(), request.line(), request.codes(), request.names()));
    }

    record MergeRequest(List<GridRestructuring.VersionedCode> grids, String code, String name) {
    }

    @PostMapping(path = "/api/v1/planning/merges", consumes = MediaType.APPLICATION_JSON_VALUE)
    ChangeView merge(@RequestBody String body) {
        MergeRequest request = requests.read(body, MergeRequest.class);
        if (request.grids() != null) {
            jurisdictionCheck.requireGrids(currentJurisdiction.get(), request.grids().stream()
                    .filter(grid -> grid != null)
                    .map(GridRestructuring.VersionedCode::code)
                    .toList());
        }
        return view(restructuring.merge(request.grids(), request.code(), request.name()));
    }

    record RetireRequest(Integer version) {
    }

    @PostMapping(path = "/api/v1/planning/grids/{code}/retire", consumes = MediaType.APPLICATION_JSON_VALUE)
    ChangeView retire(@PathVariable String code, @RequestBody String body) {
        RetireRequest request = requests.read(body, RetireRequest.class);
        jurisdictionCheck.requireGrid(currentJurisdiction.get(), code);
        return view(planning.retire(code, request.version()));
    }

    private ChangeView view(GridPlanning.Outcome outcome) {
        return new ChangeView(GridView.of(outcome.changed(), labels), GridView.of(outcome.retired(), labels),
                findingFeatures.of(outcome.findings()));
    }
}
