package cn.hemeigrid.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hemeigrid.ApiClient;
import cn.hemeigrid.PostgisTest;
import cn.hemeigrid.geo.ChinaOffset;
import cn.hemeigrid.geo.LonLat;
import tools.jackson.databind.JsonNode;

/** GET /api/v1/route on the shipped Huizhou data. */
@PostgisTest
class RouteApiTest {

    /** A point in central Huizhou city, in 惠城区 (CGCS2000). */
    private static final LonLat HUICHENG = new LonLat(114.4160, 23.1115);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    @Test
    void pointInHuichengRoutesToHuichengGrid() {
        JsonNode routing = route(HUICHENG.lon(), HUICHENG.lat(), "cgcs2000", "&category=0501").json();

        assertThat(routing.get("grid").get("code").asString()).startsWith("441302");
        assertThat(routing.get("county").get("name").asString()).isEqualTo("惠城区");
        assertThat(routing.get("outsideCoverage").asBoolean()).isFalse();
        assertThat(routing.get("team").size()).isPositive();
        assertThat(routing.get("department").get("code").asString()).isEqualTo("city_management");
        assertThat(routing.get("handlerRoute").get("code").asString()).isEqualTo("department");
        assertThat(routing.get("assignDeadline").asString()).isNotBlank();
        assertThat(routing.get("handlingDeadline").asString()).isNotBlank();
    }

    @Test
    void surveyedCentresRouteToOwnVillage() {
        record Centre(String code, double lon, double lat) {
        }
        List<Centre> centres = jdbc.sql("""
                        SELECT code, ST_X(centre) AS lon, ST_Y(centre) AS lat FROM administrative_unit
                         WHERE level = 'village' AND centre_source = 'surveyed' ORDER BY code
                        """)
                .query(Centre.class)
                .list();

        assertThat(centres).hasSizeGreaterThan(80);
        for (Centre centre : centres) {
            // Send the point as a consumer map app would, in GCJ-02, to exercise the conversion too.
            LonLat gcj = ChinaOffset.wgs84ToGcj02(new LonLat(centre.lon(), centre.lat()));
            JsonNode routing = route(gcj.lon(), gcj.lat(), "gcj02", "").json();

            assertThat(routing.get("village").get("code").asString()).as("village of %s", centre.code())
                    .isEqualTo(centre.code());
            assertThat(routing.get("county").get("code").asString()).as("county of %s", centre.code())
                    .startsWith(centre.code().substring(0, 6));
            assertThat(routing.get("grid").get("code").asString()).startsWith(centre.code());
        }
    }

    @Test
    void allCoordinateSystemsRouteAlike() {
        LonLat gcj = ChinaOffset.wgs84ToGcj02(HUICHENG);
        LonLat bd = ChinaOffset.wgs84ToBd09(HUICHENG);

        String fromCgcs = gridCode(route(HUICHENG.lon(), HUICHENG.lat(), "cgcs2000", ""));
        String fromWgs = gridCode(route(HUICHENG.lon(), HUICHENG.lat(), "wgs84", ""));
        String fromGcj = gridCode(route(gcj.lon(), gcj.lat(), "gcj02", ""));
        String fromBd = gridCode(route(bd.lon(), bd.lat(), "BD09", ""));

        assertThat(List.of(fromWgs, fromGcj, fromBd)).containsOnly(fromCgcs);
    }

    @Test
    void sharedRealVertexGoesToSmallestCode() {
        record SharedVertex(double lon, double lat, String smallestCode) {
        }
        SharedVertex vertex = jdbc.sql("""
                        SELECT ST_X(p) AS lon, ST_Y(p) AS lat, min(code) AS smallest_code
                          FROM (SELECT (ST_DumpPoints(geom)).geom AS p, code FROM grid
                                 WHERE kind = 'basic' AND village_code = (SELECT min(village_code) FROM grid
                                                                           WHERE code LIKE '441302%')) points
                         GROUP BY ST_X(p), ST_Y(p)
                        HAVING count(DISTINCT code) >= 2
                         ORDER BY 1, 2
                         LIMIT 1
                        """)
                .query(SharedVertex.class)
                .single();

        for (int call = 0; call < 5; call++) {
            assertThat(gridCode(route(vertex.lon(), vertex.lat(), "cgcs2000", ""))).isEqualTo(vertex.smallestCode());
        }
    }

    @Test
    void swappedCoordinatesAreRejectedWithHint() {
        ApiClient.Response chinese = route(HUICHENG.lat(), HUICHENG.lon(), "cgcs2000", "");
        ApiClient.Response english = api.get(String.format(Locale.ROOT, "/api/v1/route?lon=%s&lat=%s",
                HUICHENG.lat(), HUICHENG.lon()), "Accept-Language", "en");

        assertThat(chinese.status()).isEqualTo(422);
        assertThat(chinese.json().get("detail").asString()).contains("经纬度似乎填反了");
        assertThat(english.status()).isEqualTo(422);
        assertThat(english.json().get("detail").asString()).contains("swapped");
    }

    @Test
    void pointOutsideHuizhouIsRejected() {
        ApiClient.Response beijing = route(116.3975, 39.9087, "wgs84", "");

        assertThat(beijing.status()).isEqualTo(422);
        assertThat(beijing.contentType()).startsWith("application/problem+json");
        assertThat(beijing.json().get("detail").asString()).contains("不在惠州市辖区内");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing longitude        | lat=23.1                              | 400 | 缺少坐标
            missing latitude         | lon=114.4                             | 400 | 缺少坐标
            non-numeric longitude    | lon=abc&lat=23.1                      | 400 | lon
            NaN latitude             | lon=114.4&lat=NaN                     | 400 | 有限的数字
            infinite longitude       | lon=Infinity&lat=23.1                 | 400 | 有限的数字
            unknown crs              | lon=114.4&lat=23.1&crs=epsg3857       | 400 | epsg3857
            unknown category         | lon=114.4160&lat=23.1115&category=x9  | 400 | x9
            unknown urgency          | lon=114.4160&lat=23.1115&urgency=now  | 400 | now
            latitude beyond pole     | lon=114.4&lat=95                      | 400 | 超出范围
            """)
    void badInputIsRejectedWithMessage(String name, String query, int status, String detailFragment) {
        ApiClient.Response response = api.get("/api/v1/route?" + query);

        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains(detailFragment);
    }

    private ApiClient.Response route(double lon, double lat, String crs, String extra) {
        return api.get(String.format(Locale.ROOT, "/api/v1/route?lon=%s&lat=%s&crs=%s%s", lon, lat, crs, extra));
    }

    private static String gridCode(ApiClient.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json().get("grid").get("code").asString();
    }
}
