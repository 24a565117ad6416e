package cn.hemeigrid.planning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.hemeigrid.access.AuditLog;
import cn.hemeigrid.planning.geometry.DrawnLines;
import cn.hemeigrid.planning.geometry.Finding;
import cn.hemeigrid.planning.geometry.FindingKind;
import cn.hemeigrid.planning.geometry.GridGeometry;
import cn.hemeigrid.system.RejectedRequestException;
import tools.jackson.databind.JsonNode;

/**
 * Splits a grid into several and merges several into one. Each runs in one transaction that
 * either applies completely or not at all: the old grids are retired (keeping code and
 * history), the new grids get new codes and the old grids' teams, and the lineage links old
 * to new.
 */
@Service
public class GridRestructuring {

    private static final Logger log = LoggerFactory.getLogger(GridRestructuring.class);

    private final GridPlanning planning;
    private final PlannedGrids grids;
    private final ShapeChecks checks;
    private final GridCodeAssignment codes;

    private final AuditLog audit;

    GridRestructuring(GridPlanning planning, PlannedGrids grids, ShapeChecks checks, GridCodeAssignment codes,
                      AuditLog audit) {
        this.planning = planning;
        this.grids = grids;
        this.checks = checks;
        this.codes = codes;
        this.audit = audit;
    }

    /**
     * Splits a grid along a drawn line into the pieces the line cuts it into. New codes and
     * names follow the pieces from west to east, then north to south (by centroid).
     *
     * @param typedCodes codes for the pieces in that order, or empty to have them proposed
     * @param names      names for the pieces in that order, or empty for default names
     */
    @Transactional
    public GridPlanning.Outcome split(String code, Integer version, JsonNode lineGeometry, List<String> typedCodes,
                                      List<String> names) {
        PlannedGrid grid = planning.lockForChange(code, version);
        DrawnLines.DrawnLine drawn = DrawnLines.read(lineGeometry, grid.code());
        planning.rejectIfAnyRejects(drawn.findings());
        LineString line = drawn.line().orElseThrow();

        List<Polygon> pieces = new ArrayList<>(checks.overlay().split(grid.shape(), line));
        if (pieces.size() < 2) {
            planning.rejectIfAnyRejects(List.of(Finding.of(FindingKind.SPLIT_LINE_MISSES, line, grid.code())));
        }
        pieces.sort(Comparator.comparingDouble((Polygon piece) -> piece.getCentroid().getX())
                .thenComparing(piece -> -piece.getCentroid().getY()));
        PlanningAreas.Unit village = planning.village(grid.villageCode());
        List<GridCode> newCodes = codes.assign(village.code(), typedCodes, pieces.size());
        List<String> newNames = namesFor(village, newCodes, names);

        grids.recordChange("split");
        grids.retire(grid.id());
        List<PlannedGrid> created = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            GridAttributes attributes = GridAttributes.of(newNames.get(i), grid.kind(), grid.dedicatedType(),
                    grid.onlineGroup());
            long id = grids.insert(new PlannedGrids.NewGrid(newCodes.get(i), attributes.name(), attributes.kind(),
                    attributes.dedicatedType(), attributes.onlineGroup(), GridGeometry.toMultiPolygon(pieces.get(i))));
            grids.addLineage(grid.id(), id, "split");
            grids.copyTeam(grid.id(), id);
            created.add(planning.current(newCodes.get(i).value()));
        }
        grids.endTeam(grid.id());
        audit.record("grid.split", "grid", grid.code(), "into " + newCodes);
        log.info("Grid {} split into {}", grid.code(), newCodes);
        return new GridPlanning.Outcome(created, List.of(planning.current(grid.code())), List.of());
    }

    /** A grid to merge with the version the planner last saw. */
    public record VersionedCode(String code, Integer version) {
    }

    /**
     * Merges two or more adjacent active grids of the same village/community and kind into
     * one. Grids are adjacent when their union is connected through shared edges; grids that
     * touch at a corner only are not.
     *
     * @param typedCode the code for the merged grid, or null to have one proposed
     * @param name      the name of the merged grid, or null for a default name
     */
    @Transactional
    public GridPlanning.Outcome merge(List<VersionedCode> requested, String typedCode, String name) {
        TreeMap<String, Integer> versions = new TreeMap<>();
        for (VersionedCode entry : requested == null ? List.<VersionedCode>of() : requested) {
            if (entry != null && entry.code() != null) {
                versions.put(entry.code().strip(), entry.version());
            }
        }
        if (versions.size() < 2) {
            throw RejectedRequestException.badRequest("planning.merge-needs-two", versions.size());
        }
        // Locking in code order keeps two concurrent merges of overlapping sets from deadlocking.
        List<PlannedGrid> merged = new ArrayList<>();
        versions.forEach((code, version) -> merged.add(planning.lockForChange(code, version)));
        PlannedGrid first = merged.get(0);
        for (PlannedGrid grid : merged) {
            if (!grid.villageCode().equals(first.villageCode())) {
                throw RejectedRequestException.unprocessable("planning.merge-other-village", first.code(), grid.code());
            }
            if (!grid.kind().equals(first.kind()) || !java.util.Objects.equals(grid.dedicatedType(), first.dedicatedType())) {
                throw RejectedRequestException.unprocessable("planning.merge-mixed-kinds", first.code(), grid.code());
            }
        }

        MultiPolygon union = checks.overlay().union(merged.stream().map(PlannedGrid::shape).toList());
        if (!connected(merged, union)) {
            planning.rejectIfAnyRejects(List.of(Finding.of(FindingKind.NOT_ADJACENT, union,
                    String.join(",", versions.keySet()))));
        }
        PlanningAreas.Unit village = planning.village(first.villageCode());
        GridCode code = codes.assign(village.code(), typedCode == null ? List.of() : List.of(typedCode), 1).get(0);
        GridAttributes attributes = GridAttributes.of(
                name == null || name.isBlank() ? GridPlanning.defaultName(village, code) : name,
                first.kind(), first.dedicatedType(), first.onlineGroup());

        grids.recordChange("merged");
        merged.forEach(grid -> grids.retire(grid.id()));
        long id = grids.insert(new PlannedGrids.NewGrid(code, attributes.name(), attributes.kind(),
                attributes.dedicatedType(), attributes.onlineGroup(), union));
        for (PlannedGrid grid : merged) {
            grids.addLineage(grid.id(), id, "merged");
            grids.copyTeam(grid.id(), id);
            grids.endTeam(grid.id());
        }
        audit.record("grid.merge", "grid", code, "from " + versions.keySet());
        log.info("Grids {} merged into {}", versions.keySet(), code);
        List<PlannedGrid> retired = merged.stream().map(grid -> planning.current(grid.code())).toList();
        return new GridPlanning.Outcome(List.of(planning.current(code.value())), retired, List.of());
    }

    /**
     * Returns true when the union's polygons are linked through the merged grids: each grid
     * joins the union polygons its own parts lie in, and all must end up in one group.
     */
    private static boolean connected(List<PlannedGrid> merged, MultiPolygon union) {
        int[] group = new int[union.getNumGeometries()];
        for (int i = 0; i < group.length; i++) {
            group[i] = i;
        }
        for (PlannedGrid grid : merged) {
            int joined = -1;
            for (int p = 0; p < grid.shape().getNumGeometries(); p++) {
                Point inside = grid.shape().getGeometryN(p).getInteriorPoint();
                for (int u = 0; u < group.length; u++) {
                    if (union.getGeometryN(u).intersects(inside)) {
                        joined = joined < 0 ? root(group, u) : join(group, joined, u);
                    }
                }
            }
        }
        int first = root(group, 0);
        for (int u = 1; u < group.length; u++) {
            if (root(group, u) != first) {
                return false;
            }
        }
        return true;
    }

    private static int root(int[] group, int index) {
        while (group[index] != index) {
            index = group[index];
        }
        return index;
    }

    private static int join(int[] group, int a, int b) {
        int rootA = root(group, a);
        int rootB = root(group, b);
        group[rootB] = rootA;
        return rootA;
    }

    private static List<String> namesFor(PlanningAreas.Unit village, List<GridCode> codes, List<String> names) {
        if (names != null && !names.isEmpty() && names.size() != codes.size()) {
            throw RejectedRequestException.badRequest("planning.name-count", codes.size(), names.size());
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            String typed = names == null || names.isEmpty() ? null : names.get(i);
            result.add(typed == null || typed.isBlank() ? GridPlanning.defaultName(village, codes.get(i)) : typed);
        }
        return result;
    }
}
