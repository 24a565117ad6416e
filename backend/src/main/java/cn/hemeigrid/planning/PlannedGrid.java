package cn.hemeigrid.planning;

import org.locationtech.jts.geom.MultiPolygon;

/**
 * A grid as planning reads and changes it: the current row of table grid.
 *
 * @param version the number of the current version; every change raises it by one
 */
public record PlannedGrid(long id, String code, String name, String kind, String dedicatedType, String villageCode,
                          String status, int version, String onlineGroup, MultiPolygon shape) {

    public boolean isActive() {
        return status.equals("active");
    }
}
