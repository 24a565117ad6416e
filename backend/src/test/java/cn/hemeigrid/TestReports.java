package cn.hemeigrid;

import java.util.LinkedHashMap;
import java.util.Map;

/** Bodies of POST /api/v1/incidents for tests: a street-vending report in central 惠城区. */
public final class TestReports {

    private TestReports() {
    }

    public static Map<String, Object> report(String description) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("lon", 114.4160);
        report.put("lat", 23.1115);
        report.put("crs", "cgcs2000");
        report.put("category", "0501");
        report.put("description", description);
        report.put("urgency", "ordinary");
        report.put("channel", "app");
        return report;
    }

    public static String json(String description) {
        return ApiClient.json(report(description));
    }

    public static String json() {
        return json("路口有流动摊贩占道经营，影响通行。");
    }
}
