package cn.hemeigrid.dataload;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

import cn.hemeigrid.dataload.CentreMatcher.MatchedCentres;
import cn.hemeigrid.dataload.CentreMatcher.SetAsideCentre;
import cn.hemeigrid.dataload.GridTeamPlanner.Teams;
import cn.hemeigrid.dataload.HuizhouDataset.Facility;
import cn.hemeigrid.dataload.HuizhouDataset.Grid;

/**
 * Builds the whole dataset in memory from gis-data/. Deterministic: the same sources and
 * departments always give the same dataset, down to every coordinate, because every random
 * choice comes from a {@link java.util.Random} seeded by a unit code or a constant, every
 * iteration runs in code order, and geometry is kept in JTS normal form.
 *
 * <p>Steps: match the 2016 centres, lay out townships and villages, split villages into basic
 * grids, round the whole coverage at once with {@link SnapRoundedCoverage} and rebuild every
 * unit from the faces of its grids, then place dedicated grids, teams and facilities.
 */
final class HuizhouDatasetGenerator {

    private HuizhouDatasetGenerator() {
    }

    /** @param departmentCodes the departments that get a professional grid worker per township */
    static HuizhouDataset generate(HuizhouSources sources, List<String> departmentCodes) {
        MatchedCentres centres = CentreMatcher.match(sources);
        AdministrativeLayout.Layout layout = AdministrativeLayout.layOut(sources, centres);
        List<Grid> roughGrids = new BasicGridPlanner().plan(villagesOf(layout.units()));

        Map<String, MultiPolygon> gridGeometries = new TreeMap<>();
        roughGrids.forEach(grid -> gridGeometries.put(grid.code(), grid.geometry()));
        SnapRoundedCoverage.Faces faces = SnapRoundedCoverage.node(gridGeometries, sources.city().outline());
        List<AdministrativeUnit> units = layout.units().stream()
                .map(unit -> unit.withGeometry(snappedGeometry(unit, faces)))
                .toList();
        List<Grid> basicGrids = roughGrids.stream()
                .map(grid -> grid.withGeometry(SnapRoundedCoverage.union(faces.byPiece().get(grid.code()))))
                .toList();

        List<AdministrativeUnit> villages = villagesOf(units);
        List<Grid> grids = new ArrayList<>(basicGrids);
        grids.addAll(new DedicatedGridPlanner().plan(villages, basicGrids));
        grids.sort(Comparator.comparing(Grid::code));

        Teams teams = new GridTeamPlanner().plan(grids, departmentCodes.stream().sorted().toList());
        List<Facility> facilities = new FacilityPlanner().plan(basicGrids, byKey(villages, AdministrativeUnit::code));

        List<SetAsideCentre> setAside = new ArrayList<>(centres.setAside());
        setAside.addAll(layout.setAside());
        return new HuizhouDataset(units, List.copyOf(grids), teams.workers(), teams.assignments(), facilities,
                List.copyOf(setAside));
    }

    /**
     * Returns the union of the faces of every grid within the unit. The city also takes the
     * faces inside its outline that no grid covers, such as gaps between county outlines.
     */
    private static MultiPolygon snappedGeometry(AdministrativeUnit unit, SnapRoundedCoverage.Faces faces) {
        String prefix = switch (unit.level()) {
            case "city" -> unit.code().substring(0, 4);
            case "county" -> unit.code().substring(0, 6);
            case "township" -> unit.code().substring(0, 9);
            case "village" -> unit.code();
            default -> throw new IllegalArgumentException("Unknown level " + unit.level() + " of unit " + unit.code());
        };
        List<Polygon> within = new ArrayList<>();
        faces.byPiece().forEach((gridCode, gridFaces) -> {
            if (gridCode.startsWith(prefix)) {
                within.addAll(gridFaces);
            }
        });
        if (unit.level().equals("city")) {
            faces.unassigned().stream()
                    .filter(face -> unit.geometry().contains(face.getInteriorPoint()))
                    .forEach(within::add);
        }
        if (within.isEmpty()) {
            throw new IllegalStateException("Unit " + unit.code() + " has no grid faces after rounding");
        }
        return SnapRoundedCoverage.union(within);
    }

    private static List<AdministrativeUnit> villagesOf(List<AdministrativeUnit> units) {
        return units.stream()
                .filter(unit -> unit.level().equals("village"))
                .sorted(Comparator.comparing(AdministrativeUnit::code))
                .toList();
    }

    private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
        Map<String, T> map = new TreeMap<>();
        items.forEach(item -> map.put(key.apply(item), item));
        return map;
    }
}
