package cn.hemeigrid.dataload;

import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.MultiPolygon;

/**
 * The contents of gis-data/, with every coordinate already converted from GCJ-02 to CGCS2000
 * and rounded to the stored precision.
 *
 * @param city the city outline, code 441300000000
 * @param counties the county outlines as published, which may overlap slightly
 * @param townships the 2023 township-level units, in file order
 * @param villages the 2023 villages and communities, in file order
 * @param centres the 2016 centre points of some townships and villages
 */
record HuizhouSources(County city, List<County> counties, List<Township> townships, List<Village> villages,
                      List<SurveyedCentre> centres) {

    /** An outline from counties.gcj02.geojson: the city or one county, with its 12-digit code. */
    record County(String code, String name, MultiPolygon outline) {
    }

    record Township(String code, String name, String countyCode) {
    }

    record Village(String code, String name, String townshipCode) {
    }

    /**
     * A centre point from centres-2016.gcj02.geojson, with the unit's 2016 code and name, which
     * may differ from 2023.
     *
     * @param township true for a township centre, false for a village or community centre
     * @param parentCode the 2016 code of the township (for a village) or county (for a township)
     * @param parentName the 2016 name of the township, for a village; the county name otherwise
     */
    record SurveyedCentre(String code, String name, boolean township, String parentCode, String parentName,
                          Coordinate at) {
    }
}
