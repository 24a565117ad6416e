package cn.hemeigrid.planning;

import java.util.List;
import java.util.Map;

import cn.hemeigrid.planning.geometry.Areas;
import cn.hemeigrid.planning.geometry.GeoJson;
import cn.hemeigrid.system.Labels;

/**
 * A grid as the planning API returns it. {@code version} is what a planner sends back with the
 * next change; {@code geometry} is GeoJSON with shells counter-clockwise and holes clockwise.
 */
record GridView(String code, String name, String kind, String dedicatedType, String dedicatedTypeName,
                String villageCode, String onlineGroup, String status, int version, double areaSquareMetres,
                Map<String, Object> geometry) {

    static GridView of(PlannedGrid grid, Labels labels) {
        return new GridView(grid.code(), grid.name(), grid.kind(), grid.dedicatedType(),
                labels.of("dedicated", grid.dedicatedType()), grid.villageCode(), grid.onlineGroup(), grid.status(),
                grid.version(), Math.round(Areas.squareMetres(grid.shape()) * 10) / 10.0,
                GeoJson.geometry(grid.shape()));
    }

    static List<GridView> of(List<PlannedGrid> grids, Labels labels) {
        return grids.stream().map(grid -> of(grid, labels)).toList();
    }
}
