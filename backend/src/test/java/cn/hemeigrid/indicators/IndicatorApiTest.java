package cn.hemeigrid.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hemeigrid.ApiClient;
import cn.hemeigrid.PostgisTest;
import tools.jackson.databind.JsonNode;

/** Indicators through the HTTP API, on the incidents of {@link IndicatorCounty} in March 2021. */
@PostgisTest
class IndicatorApiTest {

    static final String MARCH = "from=2021-03-01&to=2021-03-31";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void connect() {
        IndicatorCounty.insert(jdbc);
        api = new ApiClient(port);
    }

    @Test
    void gridIndicatorsOfMarch() {
        JsonNode report = indicators("grid", MARCH);

        assertThat(report.get("level").asString()).isEqualTo("grid");
        assertThat(report.get("from").asString()).isEqualTo("2021-03-01");
        assertThat(report.get("to").asString()).isEqualTo("2021-03-31");
        assertThat(codes(report)).containsExactly(IndicatorCounty.GRID_1, IndicatorCounty.GRID_2,
                IndicatorCounty.GRID_3);

        JsonNode grid1 = unit(report, IndicatorCounty.GRID_1);
        assertThat(grid1.get("name").asString()).isEqualTo("指标第一村第1网格");
        assertCounts(grid1, 4, 4, 2, 1);
        assertThat(grid1.get("closureRate").asDouble()).isEqualTo(0.5);
        assertThat(grid1.get("onTimeRate").asDouble()).isEqualTo(0.25);
        assertThat(grid1.get("reworkRate").asDouble()).isEqualTo(0.5);
        assertThat(grid1.get("averageMinutesToAccept").asDouble()).isEqualTo(32.0);
        assertThat(grid1.get("averageMinutesToClose").asDouble()).isEqualTo(7200.0);
        assertThat(grid1.get("satisfaction").asDouble()).isEqualTo(2.5);

        JsonNode grid2 = unit(report, IndicatorCounty.GRID_2);
        assertCounts(grid2, 2, 1, 1, 1);
        assertThat(grid2.get("closureRate").asDouble()).isEqualTo(1.0);
        assertThat(grid2.get("onTimeRate").asDouble()).isEqualTo(1.0);
        assertThat(grid2.get("reworkRate").asDouble()).isEqualTo(0.0);
        assertThat(grid2.get("averageMinutesToAccept").asDouble()).isEqualTo(15.0);
        assertThat(grid2.get("averageMinutesToClose").asDouble()).isEqualTo(5760.0);
        assertNull(grid2, "satisfaction");

        JsonNode grid3 = unit(report, IndicatorCounty.GRID_3);
        assertCounts(grid3, 0, 0, 0, 0);
        assertThat(grid3.get("satisfaction").asDouble()).isEqualTo(5.0);
        assertNull(grid3, "closureRate", "onTimeRate", "reworkRate", "averageMinutesToAccept",
                "averageMinutesToClose");
    }

    @Test
    void villageAndTownshipAddUpTheirGrids() {
        for (String[] levelAndCodes : new String[][] {
                {"village", IndicatorCounty.VILLAGE_1, IndicatorCounty.VILLAGE_2, "指标第一村"},
                {"township", IndicatorCounty.TOWNSHIP_1, IndicatorCounty.TOWNSHIP_2, "指标第一镇"}}) {
            JsonNode report = indicators(levelAndCodes[0], MARCH);

            assertThat(codes(report)).as(levelAndCodes[0]).contains(levelAndCodes[1], levelAndCodes[2]);
            JsonNode first = unit(report, levelAndCodes[1]);
            assertThat(first.get("name").asString()).isEqualTo(levelAndCodes[3]);
            assertCounts(first, 6, 5, 3, 2);
            assertThat(first.get("reopened").asLong()).isEqualTo(1);
            assertThat(first.get("closureRate").asDouble()).isEqualTo(3.0 / 5);
            assertThat(first.get("onTimeRate").asDouble()).isEqualTo(2.0 / 5);
            assertThat(first.get("reworkRate").asDouble()).isEqualTo(1.0 / 3);
            assertThat(first.get("averageMinutesToAccept").asDouble()).isCloseTo(175.0 / 6, within(1e-9));
            assertThat(first.get("averageMinutesToClose").asDouble()).isEqualTo(6720.0);
            assertThat(first.get("satisfaction").asDouble()).isEqualTo(2.5);
            JsonNode second = unit(report, levelAndCodes[2]);
            assertCounts(second, 0, 0, 0, 0);
            assertThat(second.get("satisfaction").asDouble()).isEqualTo(5.0);
        }
    }

    @Test
    void countyCountsEveryGrid() {
        JsonNode county = unit(indicators("county", MARCH), IndicatorCounty.COUNTY);

        assertThat(county.get("name").asString()).isEqualTo("指标测试县");
        assertCounts(county, 6, 5, 3, 2);
        assertThat(county.get("closureRate").asDouble()).isEqualTo(3.0 / 5);
        assertThat(county.get("reworkRate").asDouble()).isEqualTo(1.0 / 3);
        assertThat(county.get("averageMinutesToClose").asDouble()).isEqualTo(6720.0);
        assertThat(county.get("satisfaction").asDouble()).isEqualTo(10.0 / 3);
    }

    @Test
    void departmentIndicatorsOfMarch() {
        JsonNode report = indicators("department", MARCH);

        assertThat(codes(report)).containsExactly("city_management", "public_security");
        JsonNode cityManagement = unit(report, "city_management");
        assertThat(cityManagement.get("name").asString()).isEqualTo("城市管理和综合执法局");
        assertCounts(cityManagement, 4, 4, 2, 1);
        assertThat(cityManagement.get("satisfaction").asDouble()).isEqualTo(2.5);
        JsonNode publicSecurity = unit(report, "public_security");
        assertCounts(publicSecurity, 2, 1, 1, 1);
        assertThat(publicSecurity.get("onTimeRate").asDouble()).isEqualTo(1.0);
        assertThat(publicSecurity.get("satisfaction").asDouble()).isEqualTo(5.0);
    }

    @Test
    void workerIndicatorsGroupByFirstReceiver() {
        // A, B, C and the rejected D were accepted by one worker; E, F, K and I by another.
        // H and J were never accepted, so they have no owner and are left out.
        setOwner("指标张三", "IND-A", "IND-B", "IND-C", "IND-D");
        setOwner("指标李四", "IND-E", "IND-F", "IND-K", "IND-I");

        JsonNode report = indicators("worker", MARCH);

        assertThat(report.get("level").asString()).isEqualTo("worker");
        assertThat(codes(report)).containsExactlyInAnyOrder("指标张三", "指标李四");

        JsonNode first = unit(report, "指标张三");
        assertThat(first.get("name").asString()).isEqualTo("指标张三");
        assertCounts(first, 2, 3, 2, 1);
        assertThat(first.get("reopened").asLong()).isEqualTo(1);
        assertThat(first.get("closureRate").asDouble()).isEqualTo(2.0 / 3);
        assertThat(first.get("onTimeRate").asDouble()).isEqualTo(1.0 / 3);
        assertThat(first.get("reworkRate").asDouble()).isEqualTo(0.5);
        assertThat(first.get("averageMinutesToAccept").asDouble()).isEqualTo(20.0);
        assertThat(first.get("averageMinutesToClose").asDouble()).isEqualTo(7200.0);
        assertThat(first.get("satisfaction").asDouble()).isEqualTo(2.5);

        JsonNode second = unit(report, "指标李四");
        assertCounts(second, 3, 2, 1, 1);
        assertThat(second.get("reopened").asLong()).isZero();
        assertThat(second.get("closureRate").asDouble()).isEqualTo(0.5);
        assertThat(second.get("onTimeRate").asDouble()).isEqualTo(0.5);
        assertThat(second.get("reworkRate").asDouble()).isEqualTo(0.0);
        assertThat(second.get("averageMinutesToAccept").asDouble()).isCloseTo(115.0 / 3, within(1e-9));
        assertThat(second.get("averageMinutesToClose").asDouble()).isEqualTo(5760.0);
        assertThat(second.get("satisfaction").asDouble()).isEqualTo(5.0);
    }

    @Test
    void periodIncludesBothWholeDays() {
        JsonNode dayBefore = unit(indicators("grid", "from=2021-02-28&to=2021-02-28"), IndicatorCounty.GRID_1);
        JsonNode firstDay = unit(indicators("grid", "from=2021-03-01&to=2021-03-01"), IndicatorCounty.GRID_1);
        JsonNode lastDay = unit(indicators("grid", "from=2021-03-31&to=2021-03-31"), IndicatorCounty.GRID_1);
        JsonNode dayAfter = indicators("grid", "from=2021-04-01&to=2021-04-01");

        assertCounts(dayBefore, 1, 0, 0, 0);
        assertNull(dayBefore, "averageMinutesToAccept");
        assertCounts(firstDay, 1, 0, 0, 0);
        assertThat(firstDay.get("averageMinutesToAccept").asDouble()).isEqualTo(20.0);
        assertCounts(lastDay, 0, 1, 0, 0);
        assertThat(lastDay.get("closureRate").asDouble()).isEqualTo(0.0);
        assertThat(lastDay.get("onTimeRate").asDouble()).isEqualTo(0.0);
        assertNull(lastDay, "reworkRate");
        JsonNode lateClosure = unit(dayAfter, IndicatorCounty.GRID_1);
        assertCounts(lateClosure, 0, 0, 1, 0);
        assertNull(lateClosure, "closureRate", "onTimeRate");
        assertThat(lateClosure.get("reworkRate").asDouble()).isEqualTo(0.0);
        assertThat(lateClosure.get("averageMinutesToClose").asDouble()).isCloseTo((31 * 86400 + 1) / 60.0,
                within(1e-9));
        assertCounts(unit(dayAfter, IndicatorCounty.GRID_3), 1, 0, 0, 0);
    }

    @Test
    void csvHasChineseHeaderAndByteOrderMark() {
        ApiClient.Response csv = api.get("/api/v1/indicators.csv?level=grid&" + MARCH);

        assertThat(csv.status()).as(csv.text()).isEqualTo(200);
        assertThat(csv.contentType()).isEqualTo("text/csv;charset=UTF-8");
        String[] lines = csv.text().split("\r\n");
        assertThat(lines[0]).isEqualTo("\uFEFF代码,名称,立案数,应结案数,结案数,按期结案数,返工数,结案率,按期结案率,返工率,"
                + "平均受理用时（分钟）,平均结案用时（分钟）,满意度");
        assertThat(lines).contains(
                "970200001001001,指标第一村第1网格,4,4,2,1,1,0.5000,0.2500,0.5000,32.0,7200.0,2.50",
                "970200001001002,指标第一村第2网格,2,1,1,1,0,1.0000,1.0000,0.0000,15.0,5760.0,",
                "970200002001001,指标第二村第1网格,0,0,0,0,0,,,,,,5.00");
    }

    @Test
    void csvQuotesFieldsWithCommasAndQuotes() {
        assertThat(IndicatorCsv.field("甲,乙")).isEqualTo("\"甲,乙\"");
        assertThat(IndicatorCsv.field("他说\"好\"")).isEqualTo("\"他说\"\"好\"\"\"");
        assertThat(IndicatorCsv.field("普通")).isEqualTo("普通");
        assertThat(IndicatorCsv.field(null)).isEmpty();
    }

    @Test
    void badParametersAreRejected() {
        assertRejected("level=street&" + MARCH, "统计层级 level 无效：收到“street”");
        assertRejected(MARCH, "统计层级 level 无效：收到“”");
        assertRejected("level=grid&to=2021-03-31", "缺少日期参数“from”");
        assertRejected("level=grid&from=2021-3-1&to=2021-03-31", "日期参数“from”无效");
        assertRejected("level=grid&from=2021-03-01&to=2021-02-30", "日期参数“to”无效");
        assertRejected("level=grid&from=2021-03-31&to=2021-03-01", "统计期间无效：from=2021-03-31，to=2021-03-01");
        assertRejected("level=grid&from=2000-01-01&to=2021-03-01", "期间不得超过 3660 天");

        ApiClient.Response csv = api.get("/api/v1/indicators.csv?level=street&" + MARCH);
        assertThat(csv.status()).isEqualTo(400);
        assertThat(csv.contentType()).startsWith("application/problem+json");
        ApiClient.Response english = api.get("/api/v1/indicators?level=street&" + MARCH, "Accept-Language", "en");
        assertThat(english.json().get("detail").asString())
                .isEqualTo("Invalid level 'street': expected grid, village, township, county, department or worker.");
    }

    private JsonNode indicators(String level, String period) {
        ApiClient.Response response = api.get("/api/v1/indicators?level=" + level + "&" + period);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private void setOwner(String ownerName, String... trackingCodes) {
        for (String trackingCode : trackingCodes) {
            jdbc.sql("UPDATE incident SET owner_name = ? WHERE tracking_code = ?")
                    .params(ownerName, trackingCode)
                    .update();
        }
    }

    private void assertRejected(String query, String expectedDetail) {
        ApiClient.Response response = api.get("/api/v1/indicators?" + query);
        assertThat(response.status()).as(query).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).as(query).contains(expectedDetail);
    }

    private static List<String> codes(JsonNode report) {
        List<String> codes = new ArrayList<>();
        report.get("units").forEach(unit -> codes.add(unit.get("code").asString()));
        return codes;
    }

    private static JsonNode unit(JsonNode report, String code) {
        for (JsonNode unit : report.get("units")) {
            if (unit.get("code").asString().equals(code)) {
                return unit;
            }
        }
        throw new AssertionError("no unit " + code + " in " + report);
    }

    private static void assertCounts(JsonNode unit, long filed, long due, long closed, long closedOnTime) {
        String code = unit.get("code").asString();
        assertThat(unit.get("filed").asLong()).as(code + " filed").isEqualTo(filed);
        assertThat(unit.get("due").asLong()).as(code + " due").isEqualTo(due);
        assertThat(unit.get("closed").asLong()).as(code + " closed").isEqualTo(closed);
        assertThat(unit.get("closedOnTime").asLong()).as(code + " closedOnTime").isEqualTo(closedOnTime);
    }

    private static void assertNull(JsonNode unit, String... fields) {
        for (String field : fields) {
            assertThat(unit.has(field)).as(field + " present").isTrue();
            assertThat(unit.get(field).isNull()).as(field + " of " + unit.get("code").asString()).isTrue();
        }
    }
}
