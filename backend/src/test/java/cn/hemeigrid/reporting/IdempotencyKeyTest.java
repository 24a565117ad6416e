package cn.hemeigrid.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hemeigrid.ApiClient;
import cn.hemeigrid.PostgisTest;
import cn.hemeigrid.TestReports;

/** A report re-sent with the same Idempotency-Key creates one incident and gets the same response. */
@PostgisTest
class IdempotencyKeyTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdempotentRequests stored;

    ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    @Test
    void repeatedReportReturnsSameAnswer() {
        String key = UUID.randomUUID().toString();
        String body = TestReports.json("重复发送的上报 " + key);
        long before = incidentCount();

        ApiClient.Response first = api.postJson("/api/v1/incidents", body, "Idempotency-Key", key);
        ApiClient.Response second = api.postJson("/api/v1/incidents", body, "Idempotency-Key", key);

        assertThat(first.status()).as(first.text()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.text()).isEqualTo(first.text());
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(second.contentType()).isEqualTo(first.contentType());
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(incidentCount()).isEqualTo(before + 1);
    }

    @Test
    void concurrentRepeatsCreateOneIncident() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = TestReports.json("同时发送的上报 " + key);
        long before = incidentCount();
        int senders = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        List<Future<ApiClient.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < senders; i++) {
                Callable<ApiClient.Response> send = () -> {
                    start.await();
                    return new ApiClient(port).postJson("/api/v1/incidents", body, "Idempotency-Key", key);
                };
                answers.add(pool.submit(send));
            }
            start.countDown();

            List<ApiClient.Response> responses = new ArrayList<>();
            for (Future<ApiClient.Response> answer : answers) {
                responses.add(answer.get());
            }

            for (ApiClient.Response response : responses) {
                assertThat(response.status()).as(response.text()).isEqualTo(201);
                assertThat(response.text()).isEqualTo(responses.get(0).text());
            }
            assertThat(incidentCount()).isEqualTo(before + 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void sameKeyWithOtherBodyIsRejected() {
        String key = UUID.randomUUID().toString();
        api.postJson("/api/v1/incidents", TestReports.json("第一份上报 " + key), "Idempotency-Key", key);
        long before = incidentCount();

        ApiClient.Response other = api.postJson("/api/v1/incidents", TestReports.json("另一份上报 " + key),
                "Idempotency-Key", key);

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("detail").asString()).contains("Idempotency-Key 已用于另一份内容不同的上报");
        assertThat(incidentCount()).isEqualTo(before);
    }

    @Test
    void rejectedReportFreesKey() {
        String key = UUID.randomUUID().toString();
        ApiClient.Response rejected = api.postJson("/api/v1/incidents", TestReports.json(""), "Idempotency-Key", key);

        ApiClient.Response corrected = api.postJson("/api/v1/incidents", TestReports.json("改正后的上报 " + key),
                "Idempotency-Key", key);

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(corrected.status()).isEqualTo(201);
    }

    @Test
    void invalidKeyIsRejected() {
        ApiClient.Response response = api.postJson("/api/v1/incidents", TestReports.json(), "Idempotency-Key",
                "x".repeat(129));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("Idempotency-Key 无效");
    }

    @Test
    void open311PostIsIdempotent() {
        String key = UUID.randomUUID().toString();
        Map<String, String> form = Map.of("api_key", "test-key", "service_code", "0501", "lat", "23.1115",
                "long", "114.4160", "description", "Open311 重复提交 " + key);
        long before = incidentCount();

        ApiClient.Response first = api.postForm("/open311/v2/requests.json", form, "Idempotency-Key", key);
        ApiClient.Response second = api.postForm("/open311/v2/requests.json", form, "Idempotency-Key", key);

        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(second.text()).isEqualTo(first.text());
        assertThat(incidentCount()).isEqualTo(before + 1);
    }

    @Test
    void expiredKeyIsForgotten() {
        String key = UUID.randomUUID().toString();
        String body = TestReports.json("过期键的上报 " + key);
        api.postJson("/api/v1/incidents", body, "Idempotency-Key", key);
        jdbc.sql("UPDATE idempotent_request SET expires_at = now() - interval '1 second' WHERE idempotency_key = ?")
                .param(key).update();
        long before = incidentCount();

        ApiClient.Response again = api.postJson("/api/v1/incidents", body, "Idempotency-Key", key);

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isNull();
        assertThat(incidentCount()).isEqualTo(before + 1);
    }

    @Test
    void expiredRowsAreDeleted() {
        String key = UUID.randomUUID().toString();
        stored.claim("POST /api/v1/incidents", key, new byte[32], java.time.Duration.ofSeconds(-1));

        int deleted = stored.deleteExpired();

        assertThat(deleted).isGreaterThanOrEqualTo(1);
        assertThat(stored.find("POST /api/v1/incidents", key)).isEmpty();
    }

    private long incidentCount() {
        return jdbc.sql("SELECT count(*) FROM incident").query(Long.class).single();
    }
}
