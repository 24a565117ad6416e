package cn.hemeigrid.dataload;

import static cn.hemeigrid.dataload.CoverageAssertions.wkt;

import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.MultiPolygon;

import cn.hemeigrid.dataload.HuizhouSources.County;
import cn.hemeigrid.dataload.HuizhouSources.SurveyedCentre;
import cn.hemeigrid.dataload.HuizhouSources.Township;
import cn.hemeigrid.dataload.HuizhouSources.Village;

/**
 * A small made-up city of two counties, 0.2 by 0.2 degrees, for fast generator tests. The
 * county outlines overlap in a strip 0.005 degrees wide. One known village centre of county
 * 441303 lies in county 441302.
 */
final class SyntheticSources {

    static final String WEST_COUNTY = "441302000000";
    static final String EAST_COUNTY = "441303000000";
    /** Village of the east county whose known centre lies in the west county. */
    static final String MISPLACED_VILLAGE = "441303101201";

    private SyntheticSources() {
    }

    static HuizhouSources create() {
        County city = new County("441300000000", "测试市", multi("POLYGON ((114 23, 114.2 23, 114.2 23.2, 114 23.2, 114 23))"));
        County west = new County(WEST_COUNTY, "西区", multi("POLYGON ((114 23, 114.105 23, 114.105 23.2, 114 23.2, 114 23))"));
        County east = new County(EAST_COUNTY, "东县", multi("POLYGON ((114.1 23, 114.2 23, 114.2 23.2, 114.1 23.2, 114.1 23))"));

        List<Township> townships = List.of(
                new Township("441302001000", "东湖街道", WEST_COUNTY),
                new Township("441302100000", "甲镇", WEST_COUNTY),
                new Township("441303101000", "乙镇", EAST_COUNTY));
        List<Village> villages = List.of(
                new Village("441302001001", "东湖社区居委会", "441302001000"),
                new Village("441302001002", "西湖社区居委会", "441302001000"),
                new Village("441302001003", "南湖社区居委会", "441302001000"),
                new Village("441302100201", "甲村村民委员会", "441302100000"),
                new Village("441302100202", "丙村村民委员会", "441302100000"),
                new Village(MISPLACED_VILLAGE, "乙村村民委员会", "441303101000"),
                new Village("441303101202", "丁村村民委员会", "441303101000"));
        List<SurveyedCentre> centres = List.of(
                new SurveyedCentre("441302001000", "东湖街道办事处", true, WEST_COUNTY, "西区", new Coordinate(114.03, 23.15)),
                new SurveyedCentre("441302001001", "东湖社区居委会", false, "441302001000", "东湖街道办事处",
                        new Coordinate(114.02, 23.16)),
                new SurveyedCentre("441302100201", "甲村村民委员会", false, "441302100000", "甲镇",
                        new Coordinate(114.07, 23.05)),
                new SurveyedCentre(MISPLACED_VILLAGE, "乙村村民委员会", false, "441303101000", "乙镇",
                        new Coordinate(114.05, 23.1)));
        return new HuizhouSources(city, List.of(west, east), townships, villages, centres);
    }

    private static MultiPolygon multi(String polygon) {
        return PolygonOps.toMultiPolygon(wkt(polygon));
    }
}
