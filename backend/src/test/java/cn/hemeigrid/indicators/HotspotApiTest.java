package cn.hemeigrid.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hemeigrid.ApiClient;
import cn.hemeigrid.PostgisTest;
import tools.jackson.databind.JsonNode;

/**
 * Hot spots through the HTTP API, on the incidents of {@link IndicatorCounty} reported in March
 * 2021. The two incidents of grid 2 are moved about 1.8 km east of the others, so March has
 * four counted incidents (A, C, E and F) at one point and two (H and K) at the other.
 */
@PostgisTest
class HotspotApiTest {

    static final String MARCH = "from=2021-03-01&to=2021-03-31";

    static final double WEST_LON = 96.1;
    static final double EAST_LON = 96.12;
    static final double LAT = 36.1;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void connect() {
        IndicatorCounty.insert(jdbc);
        jdbc.sql("""
                        UPDATE incident SET location = ST_SetSRID(ST_MakePoint(?, ?), 4490)
                         WHERE tracking_code IN ('IND-H', 'IND-K')
                        """)
                .params(EAST_LON, LAT)
                .update();
        api = new ApiClient(port);
    }

    @Test
    void marchHasTwoCellsWithCounts() {
        ApiClient.Response response = api.get("/api/v1/indicators/hotspots?" + MARCH + "&cellMetres=500");

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/geo+json");
        JsonNode collection = response.json();
        assertThat(collection.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(collection.toString()).as("RFC 7946 GeoJSON has no crs member").doesNotContain("\"crs\"");
        JsonNode features = collection.get("features");
        assertThat(features.size()).isEqualTo(2);

        JsonNode west = features.get(0);
        assertThat(west.get("properties").get("count").asLong()).isEqualTo(4);
        assertThat(contains(west, WEST_LON, LAT)).as("west cell contains the west point").isTrue();
        assertThat(contains(west, EAST_LON, LAT)).as("west cell contains the east point").isFalse();

        JsonNode east = features.get(1);
        assertThat(east.get("properties").get("count").asLong()).isEqualTo(2);
        assertThat(contains(east, EAST_LON, LAT)).as("east cell contains the east point").isTrue();
    }

    @Test
    void cellIsSquareOfRequestedSideInEpsg4547() {
        for (int side : new int[] {100, 500, 5000}) {
            JsonNode cell = hotspots(MARCH + "&cellMetres=" + side).get("features").get(0);

            assertThat(cell.get("geometry").get("type").asString()).isEqualTo("Polygon");
            double area = jdbc.sql("SELECT ST_Area(ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(?), 4490), 4547))")
                    .param(cell.get("geometry").toString())
                    .query(Double.class)
                    .single();
            // Coordinates are rounded to 7 decimals (about 1 cm), so the area is close, not exact.
            assertThat(area).as("area of a %d m cell", side).isCloseTo((double) side * side, within(side * 0.1));
        }
    }

    @Test
    void periodAndCategoryFilterIncidents() {
        JsonNode april = hotspots("from=2021-04-01&to=2021-04-01");
        assertThat(april.get("features").size()).isEqualTo(1);
        assertThat(april.get("features").get(0).get("properties").get("count").asLong()).isEqualTo(1);

        JsonNode empty = hotspots("from=2020-03-01&to=2020-03-31");
        assertThat(empty.get("features").isArray()).isTrue();
        assertThat(empty.get("features").size()).isZero();

        JsonNode sameCategory = hotspots(MARCH + "&category=0501");
        assertThat(sameCategory.get("features").size()).isEqualTo(2);
        String otherCategory = jdbc.sql("SELECT min(code) FROM matter_category WHERE code <> '0501'")
                .query(String.class)
                .single();
        assertThat(hotspots(MARCH + "&category=" + otherCategory).get("features").size()).isZero();
    }

    @Test
    void badParametersAreRejected() {
        assertRejected(MARCH + "&cellMetres=99", "热点单元格边长 cellMetres 无效：收到“99”，应为 100 至 5000 之间的整数（米）");
        assertRejected(MARCH + "&cellMetres=5001", "收到“5001”");
        assertRejected(MARCH + "&cellMetres=abc", "收到“abc”");
        assertRejected(MARCH + "&cellMetres=250.5", "收到“250.5”");
        assertRejected("to=2021-03-31", "缺少日期参数“from”");
        assertRejected("from=2021-03-01&to=2021-02-30", "日期参数“to”无效");
        assertRejected("from=2021-03-31&to=2021-03-01", "统计期间无效");
        assertRejected(MARCH + "&category=nope", "未知的事项类别“nope”");
    }

    private JsonNode hotspots(String query) {
        ApiClient.Response response = api.get("/api/v1/indicators/hotspots?" + query);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private void assertRejected(String query, String expectedDetail) {
        ApiClient.Response response = api.get("/api/v1/indicators/hotspots?" + query);
        assertThat(response.status()).as(query).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).as(query).contains(expectedDetail);
    }

    private boolean contains(JsonNode feature, double lon, double lat) {
        return jdbc.sql("SELECT ST_Contains(ST_SetSRID(ST_GeomFromGeoJSON(?), 4490), ST_SetSRID(ST_MakePoint(?, ?), 4490))")
                .params(feature.get("geometry").toString(), lon, lat)
                .query(Boolean.class)
                .single();
    }
}
