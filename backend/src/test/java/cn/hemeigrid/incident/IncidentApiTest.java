package cn.hemeigrid.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hemeigrid.ApiClient;
import cn.hemeigrid.PostgisTest;
import tools.jackson.databind.JsonNode;

/** POST /api/v1/incidents and the reporter's lookup by tracking code, on the shipped data. */
@PostgisTest
class IncidentApiTest {

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
    void reportStoredAndFoundByCode() {
        ApiClient.Response created = api.postJson("/api/v1/incidents", ApiClient.json(report()));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode body = created.json();
        String trackingCode = body.get("trackingCode").asString();
        assertThat(trackingCode).matches("[0-9A-HJKMNP-TV-Z]{16}");
        assertThat(body.get("status").asString()).isEqualTo("reported");
        String gridCode = body.get("routing").get("grid").get("code").asString();
        assertThat(gridCode).startsWith("441302");

        ApiClient.Response found = api.get("/api/v1/incidents/" + trackingCode.toLowerCase(Locale.ROOT));

        assertThat(found.status()).isEqualTo(200);
        JsonNode incident = found.json();
        assertThat(incident.get("trackingCode").asString()).isEqualTo(trackingCode);
        assertThat(incident.get("statusName").asString()).isEqualTo("已上报");
        assertThat(incident.get("categoryName").asString()).isEqualTo("占道经营");
        assertThat(incident.get("routing").get("grid").get("code").asString()).isEqualTo(gridCode);
        assertThat(incident.get("routing").get("department").get("name").asString()).isEqualTo("城市管理和综合执法局");
        assertThat(found.text()).doesNotContain("13800000000");
    }

    @Test
    void reportInGcj02IsStoredInCgcs2000() {
        Map<String, Object> report = report();
        report.put("lon", 114.421354);
        report.put("lat", 23.108897);
        report.put("crs", "gcj02");

        JsonNode body = api.postJson("/api/v1/incidents", ApiClient.json(report)).json();
        long id = body.get("id").asLong();
        double storedLon = jdbc.sql("SELECT ST_X(location) FROM incident WHERE id = ?").param(id)
                .query(Double.class).single();

        assertThat(storedLon).isLessThan(114.421354 - 0.003);
        assertThat(body.get("routing").get("location").get("lon").asDouble()).isEqualTo(storedLon);
    }

    @Test
    void unknownTrackingCodeIsNotFound() {
        ApiClient.Response response = api.get("/api/v1/incidents/ZZZZZZZZZZZZZZZZ");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("detail").asString()).contains("ZZZZZZZZZZZZZZZZ");
    }

    @Test
    void listShowsReportWithoutContact() {
        api.postJson("/api/v1/incidents", ApiClient.json(report()));

        ApiClient.Response list = api.get("/api/v1/incidents?bbox=114.3,23.0,114.5,23.2&limit=50");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("items").size()).isPositive();
        assertThat(list.text()).doesNotContain("13800000000");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            broken JSON              | {"lon": 114.41,                                                         | 400 | JSON
            non-numeric longitude    | {"lon":"abc","lat":23.11,"category":"0501","description":"占道"}          | 400 | JSON
            missing coordinates      | {"category":"0501","description":"占道"}                                 | 400 | 缺少坐标
            NaN as string            | {"lon":"NaN","lat":23.11,"category":"0501","description":"占道"}          | 400 | 有限的数字
            unknown crs              | {"lon":114.41,"lat":23.11,"crs":"utm","category":"0501","description":"占道"} | 400 | utm
            missing category         | {"lon":114.4160,"lat":23.1115,"description":"占道"}                       | 400 | 事项类别
            unknown category         | {"lon":114.4160,"lat":23.1115,"category":"9999","description":"占道"}     | 400 | 9999
            blank description        | {"lon":114.4160,"lat":23.1115,"category":"0501","description":"  "}     | 400 | 描述
            unknown urgency          | {"lon":114.4160,"lat":23.1115,"category":"0501","description":"占道","urgency":"asap"} | 400 | asap
            unknown channel          | {"lon":114.4160,"lat":23.1115,"category":"0501","description":"占道","channel":"fax"}  | 400 | fax
            outside Huizhou          | {"lon":116.3975,"lat":39.9087,"category":"0501","description":"占道"}     | 422 | 不在惠州市辖区内
            swapped coordinates      | {"lon":23.1115,"lat":114.4160,"category":"0501","description":"占道"}     | 422 | 经纬度似乎填反了
            JSON array body          | [1,2,3]                                                                 | 400 | JSON
            NUL in description       | {"lon":114.4160,"lat":23.1115,"category":"0501","description":"占\\u0000道"} | 400 | description
            NUL in contact           | {"lon":114.4160,"lat":23.1115,"category":"0501","description":"占道","contact":"138\\u00000000"} | 400 | contact
            lone surrogate           | {"lon":114.4160,"lat":23.1115,"category":"0501","description":"占\\ud800道"} | 400 | description
            zero-width description   | {"lon":114.4160,"lat":23.1115,"category":"0501","description":"\\u200b\\u200b"} | 400 | 描述
            """)
    void badReportIsRejectedAndNothingStored(String name, String body, int status, String detailFragment) {
        long before = incidentCount();

        ApiClient.Response response = api.postJson("/api/v1/incidents", body);

        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains(detailFragment);
        assertThat(incidentCount()).isEqualTo(before);
    }

    @Test
    void oversizedDescriptionIsRejectedInRequestLanguage() {
        Map<String, Object> report = report();
        report.put("description", "占".repeat(2001));

        ApiClient.Response chinese = api.postJson("/api/v1/incidents", ApiClient.json(report));
        ApiClient.Response english = api.postJson("/api/v1/incidents", ApiClient.json(report),
                "Accept-Language", "en-US,en;q=0.9");

        assertThat(chinese.status()).isEqualTo(400);
        assertThat(chinese.json().get("detail").asString()).isEqualTo("事件描述过长：最多 2000 个字，收到 2001 个字。");
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.json().get("detail").asString())
                .isEqualTo("The description is too long: at most 2000 characters, got 2001.");
    }

    @Test
    void oversizedBodyIsRejectedBeforeParsing() {
        long before = incidentCount();
        Map<String, Object> report = report();
        report.put("description", "x".repeat(2_000_000));

        ApiClient.Response response = api.postJson("/api/v1/incidents", ApiClient.json(report));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("detail").asString()).contains("请求体过大");
        assertThat(incidentCount()).isEqualTo(before);
    }

    @Test
    void demoIncidentsAreMarkedGenerated() {
        long generated = jdbc.sql("SELECT count(*) FROM incident WHERE source = 'generated'").query(Long.class).single();

        JsonNode items = api.get("/api/v1/incidents?open=false&limit=1000").json().get("items");

        assertThat(generated).isEqualTo(150);
        long flagged = 0;
        for (JsonNode item : items) {
            if (item.get("generated").asBoolean()) {
                flagged++;
            }
        }
        assertThat(flagged).isEqualTo(generated);
    }

    @Test
    void longUnknownCodeIsNotEchoedInFull() {
        String code = "Z".repeat(500);

        ApiClient.Response response = api.get("/api/v1/incidents/" + code);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("detail").asString()).hasSizeLessThan(200);
    }

    private long incidentCount() {
        return jdbc.sql("SELECT count(*) FROM incident").query(Long.class).single();
    }

    private static Map<String, Object> report() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("lon", 114.4160);
        report.put("lat", 23.1115);
        report.put("crs", "cgcs2000");
        report.put("category", "0501");
        report.put("description", "路口有流动摊贩占道经营，影响通行。");
        report.put("urgency", "ordinary");
        report.put("channel", "app");
        report.put("contact", "13800000000");
        return report;
    }
}
