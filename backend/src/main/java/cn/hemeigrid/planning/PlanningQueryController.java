package cn.hemeigrid.planning;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.hemeigrid.access.CurrentJurisdiction;
import cn.hemeigrid.map.BoundingBox;
import cn.hemeigrid.planning.geometry.GeoJson;
import cn.hemeigrid.system.Labels;
import cn.hemeigrid.system.RejectedRequestException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads for the planning page: a grid, its history and lineage, a village's grids, the layer at
 * a past date. A grid or village/community outside the caller's jurisdiction gets 403, and the
 * past layer lists only the grids inside it.
 */
@RestController
class PlanningQueryController {

    static final int MAX_LAYER_FEATURES = 4000;

    /** Dates without a time mean the end of that day in China Standard Time (UTC+8). */
    private static final ZoneOffset CHINA_STANDARD_TIME = ZoneOffset.ofHours(8);

    private final PlannedGrids grids;
    private final GridHistory history;
    private final GridCodes codes;
    private final GridPlanning planning;
    private final Labels labels;
    private final JsonMapper json;
    private final PlanningJurisdiction jurisdictionCheck;
    private final CurrentJurisdiction currentJurisdiction;

    PlanningQueryController(PlannedGrids grids, GridHistory history, GridCodes codes, GridPlanning planning,
                            Labels labels, JsonMapper json, PlanningJurisdiction jurisdictionCheck,
                            CurrentJurisdiction currentJurisdiction) {
        this.jurisdictionCheck = jurisdictionCheck;
        this.currentJurisdiction = currentJurisdiction;
        this.grids = grids;
        this.history = history;
        this.codes = codes;
        this.planning = planning;
        this.labels = labels;
        this.json = json;
    }

    @GetMapping("/api/v1/planning/grids/{code}")
    GridView grid(@PathVariable String code) {
        return GridView.of(find(code), labels);
    }

    record HistoryView(String code, String status, int version, List<GridHistory.Version> versions,
                       List<GridHistory.Link> predecessors, List<GridHistory.Link> successors) {
    }

    /** Returns every version of a grid, oldest first, with the grids it came from and the grids that replaced it. */
    @GetMapping("/api/v1/planning/grids/{code}/history")
    HistoryView history(@PathVariable String code) {
        PlannedGrid grid = find(code);
        return new HistoryView(grid.code(), grid.status(), grid.version(), history.versions(grid.id()),
                history.predecessors(grid.id()), history.successors(grid.id()));
    }

    record VillageView(String code, String name, Map<String, Object> boundary, String nextGridCode,
                       List<GridView> grids) {
    }

    /** Returns a village/community's boundary, its active grids and the code a new grid would get. */
    @GetMapping("/api/v1/planning/villages/{code}")
    VillageView village(@PathVariable String code) {
        jurisdictionCheck.requireUnit(currentJurisdiction.get(), code);
        PlanningAreas.Unit village = planning.village(code);
        List<PlannedGrid> active = grids.activeIn(village.code());
        String next = codes.proposeNext(village.code(), 1).stream().findFirst().map(GridCode::value).orElse(null);
        return new VillageView(village.code(), village.name(), GeoJson.geometry(village.shape()), next,
                GridView.of(active, labels));
    }

    /**
     * Returns the grids active at a past instant inside the box, as a GeoJSON FeatureCollection
     * with {@code truncated} like the map layers. {@code asOf} is an ISO-8601 instant or offset
     * date-time, or a date meaning the end of that day in China Standard Time.
     */
    @GetMapping("/api/v1/planning/layer")
    ResponseEntity<String> layerAsOf(@RequestParam String bbox, @RequestParam String asOf) {
        BoundingBox box = BoundingBox.parse(bbox);
        Instant at = parseInstant(asOf);

        List<GridHistory.PastGrid> found = history.layerAt(currentJurisdiction.get(), at, box,
                MAX_LAYER_FEATURES + 1);
        boolean truncated = found.size() > MAX_LAYER_FEATURES;
        StringBuilder out = new StringBuilder("{\"type\":\"FeatureCollection\",\"asOf\":\"").append(at)
                .append("\",\"truncated\":").append(truncated).append(",\"features\":[");
        for (int i = 0; i < Math.min(found.size(), MAX_LAYER_FEATURES); i++) {
            GridHistory.PastGrid grid = found.get(i);
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("code", grid.code());
            properties.put("name", grid.name());
            properties.put("kind", grid.kind());
            properties.put("dedicatedType", grid.dedicatedType());
            properties.put("villageCode", grid.villageCode());
            properties.put("version", grid.version());
            out.append(i == 0 ? "" : ",").append("{\"type\":\"Feature\",\"geometry\":").append(grid.geometryJson())
                    .append(",\"properties\":").append(json.writeValueAsString(properties)).append('}');
        }
        out.append("]}");
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geo+json")).body(out.toString());
    }

    private PlannedGrid find(String code) {
        jurisdictionCheck.requireGrid(currentJurisdiction.get(), code);
        return GridCode.parse(code)
                .flatMap(parsed -> grids.find(parsed.value()))
                .orElseThrow(() -> RejectedRequestException.notFound("grid.not-found", code));
    }

    /** @throws RejectedRequestException 400 when the text is neither a date nor an offset date-time */
    static Instant parseInstant(String text) {
        String trimmed = text.strip();
        try {
            if (trimmed.length() == 10) {
                return LocalDate.parse(trimmed).plusDays(1).atStartOfDay(CHINA_STANDARD_TIME).toInstant().minusMillis(1);
            }
            return OffsetDateTime.parse(trimmed).toInstant();
        } catch (DateTimeException invalid) {
            throw RejectedRequestException.badRequest("planning.as-of-invalid", text);
        }
    }
}
