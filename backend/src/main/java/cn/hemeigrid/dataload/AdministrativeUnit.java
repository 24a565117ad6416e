package cn.hemeigrid.dataload;

import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;

/**
 * A row of administrative_unit as the import writes it.
 *
 * @param level city, county, township or village, as in the table
 * @param parentCode null for the city
 * @param centreSurveyed true when the centre comes from the published 2016 centre points
 * @param geometryImported true for the real city and county outlines, false for generated ones
 */
record AdministrativeUnit(String code, String level, String name, String parentCode, MultiPolygon geometry,
                          Point centre, boolean centreSurveyed, boolean geometryImported) {

    AdministrativeUnit withGeometry(MultiPolygon newGeometry) {
        return new AdministrativeUnit(code, level, name, parentCode, newGeometry, centre, centreSurveyed,
                geometryImported);
    }
}
