package cn.hemeigrid.dataload;

import java.util.List;

import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;

import cn.hemeigrid.dataload.CentreMatcher.SetAsideCentre;

/**
 * Everything the import writes: administrative units, grids, grid teams and facilities, in
 * insertion order. Built in memory by {@link HuizhouDatasetGenerator}, written by
 * {@link DatasetWriter}.
 *
 * @param setAsideCentres the 2016 centre points that were not used, with the reason
 */
record HuizhouDataset(List<AdministrativeUnit> units, List<Grid> grids, List<Worker> workers,
                      List<Assignment> assignments, List<Facility> facilities, List<SetAsideCentre> setAsideCentres) {

    long gridCount(String kind) {
        return grids.stream().filter(grid -> grid.kind().equals(kind)).count();
    }

    /**
     * A grid row.
     *
     * @param kind {@code basic} or {@code dedicated}, as in the grid table
     * @param dedicatedType null for a basic grid
     */
    record Grid(String code, String name, String kind, DedicatedType dedicatedType, String villageCode,
                MultiPolygon geometry) {

        Grid withGeometry(MultiPolygon newGeometry) {
            return new Grid(code, name, kind, dedicatedType, villageCode, newGeometry);
        }
    }

    /** The kinds of dedicated grid, with the value stored in grid.dedicated_type and a Chinese label. */
    enum DedicatedType {
        SCHOOL("school", "学校"),
        HOSPITAL("hospital", "医院"),
        PARK("park", "公园"),
        INDUSTRIAL_PARK("industrial_park", "工业园区"),
        OFFICE_TOWER("office_tower", "商务楼宇"),
        MARKET("market", "商贸市场"),
        GOVERNMENT("government", "机关单位"),
        RESEARCH_INSTITUTE("research_institute", "科研院所");

        final String code;
        final String label;

        DedicatedType(String code, String label) {
            this.code = code;
            this.label = label;
        }
    }

    /**
     * A generated grid worker. The number links the worker to its assignments until the database
     * assigns ids.
     *
     * @param departmentCode set for professional grid workers only
     */
    record Worker(int number, String name, String departmentCode) {
    }

    /** @param role as in grid_assignment.role: leader, full_time, professional or part_time */
    record Assignment(String gridCode, int workerNumber, String role) {
    }

    /** @param kind as in facility.kind, for example fire_hydrant */
    record Facility(String kind, String name, Point location) {
    }
}
