package cn.hemeigrid.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hemeigrid.ApiClient;
import cn.hemeigrid.PostgisTest;
import cn.hemeigrid.TestReports;
import tools.jackson.databind.JsonNode;

/** The rate limit of anonymous reporting, set to 3 requests per hour for these tests. */
@PostgisTest
class ReportRateLimitTest {

    @LocalServerPort
    int port;

    @Autowired
    ReportRateLimiter limiter;

    @Autowired
    ReportingProperties properties;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void setSmallLimit() {
        api = new ApiClient(port);
        limiter.configure(3, Duration.ofHours(1));
    }

    @AfterEach
    void restoreLimit() {
        limiter.configure(properties.rateLimit().requests(), properties.rateLimit().window());
    }

    @Test
    void fourthReportAnswers429InChinese() {
        for (int i = 0; i < 3; i++) {
            assertThat(api.postJson("/api/v1/incidents", report()).status()).isEqualTo(201);
        }
        long incidents = incidentCount();

        ApiClient.Response refused = api.postJson("/api/v1/incidents", report());

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 1200L);
        JsonNode problem = refused.json();
        assertThat(problem.get("detail").asString())
                .contains("每个网络地址每 3600 秒内最多提交 3 次")
                .contains("请在 " + retryAfter + " 秒后重试");
        assertThat(incidentCount()).isEqualTo(incidents);
    }

    @Test
    void limitMessageInEnglishOnRequest() {
        for (int i = 0; i < 3; i++) {
            api.postJson("/api/v1/incidents", report());
        }

        ApiClient.Response refused = api.postJson("/api/v1/incidents", report(), "Accept-Language", "en");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("detail").asString()).startsWith("Too many submissions: at most 3");
    }

    @Test
    void followersRatingAndOpen311ShareTheLimit() {
        String trackingCode = api.postJson("/api/v1/incidents", report()).json().get("trackingCode").asString();
        assertThat(api.postJson("/api/v1/incidents/" + trackingCode + "/followers", "{}").status()).isEqualTo(201);
        assertThat(api.postJson("/api/v1/incidents/" + trackingCode + "/rating", "{\"score\":5}").status())
                .isEqualTo(409);

        ApiClient.Response open311 = api.postForm("/open311/v2/requests.json", Map.of("api_key", "test-key",
                "service_code", "0501", "lat", "23.1115", "long", "114.4160", "description", "占道经营"));
        ApiClient.Response follow = api.postJson("/api/v1/incidents/" + trackingCode + "/followers", "{}");

        assertThat(open311.status()).isEqualTo(429);
        assertThat(open311.header("Retry-After")).isNotBlank();
        assertThat(follow.status()).isEqualTo(429);
    }

    @Test
    void nearbyFollowSharesTheLimit() {
        long id = 0;
        for (int i = 0; i < 3; i++) {
            id = api.postJson("/api/v1/incidents", report()).json().get("id").asLong();
        }

        ApiClient.Response follow = api.postJson("/api/v1/incidents/nearby/" + id + "/followers", "{}");

        assertThat(follow.status()).isEqualTo(429);
    }

    @Test
    void pathParameterVariantsShareTheLimit() {
        for (int i = 0; i < 3; i++) {
            api.postJson("/api/v1/incidents", report());
        }

        ApiClient.Response variant = api.postJson("/api/v1/incidents;variant=1", report());

        // The security firewall rejects a path parameter with 400 before the limit is counted;
        // either way the variant stores nothing.
        assertThat(variant.status()).isIn(400, 429);
    }

    @Test
    void readingIsNotLimited() {
        for (int i = 0; i < 3; i++) {
            api.postJson("/api/v1/incidents", report());
        }

        assertThat(api.get("/api/v1/categories").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/incidents?limit=1").status()).isEqualTo(200);
    }

    @Test
    void forwardedForIgnoredUnlessTrusted() {
        for (int i = 0; i < 3; i++) {
            api.postJson("/api/v1/incidents", report(), "X-Forwarded-For", "203.0.113." + i);
        }

        ApiClient.Response refused = api.postJson("/api/v1/incidents", report(), "X-Forwarded-For", "203.0.113.99");

        assertThat(refused.status()).isEqualTo(429);
    }

    @Test
    void forwardedForTakesLastHopWhenTrusted() {
        var request = new org.springframework.mock.web.MockHttpServletRequest();
        request.setRemoteAddr("10.0.0.1");
        request.addHeader("X-Forwarded-For", "198.51.100.7, 203.0.113.5");

        assertThat(ClientAddress.of(request, true)).isEqualTo("203.0.113.5");
        assertThat(ClientAddress.of(request, false)).isEqualTo("10.0.0.1");
    }

    private long incidentCount() {
        return jdbc.sql("SELECT count(*) FROM incident").query(Long.class).single();
    }

    private static String report() {
        return TestReports.json();
    }
}
