package cn.hemeigrid.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.hemeigrid.ApiClient;
import cn.hemeigrid.PostgisTest;
import cn.hemeigrid.TestReports;

/** A free-text field over its length limit is rejected with a message that states the limit. */
@PostgisTest
class TextLimitMessagesTest {

    @LocalServerPort
    int port;

    ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
    }

    @Test
    void descriptionStatesLimit() {
        ApiClient.Response response = api.postJson("/api/v1/incidents", TestReports.json("长".repeat(2001)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(detail(response)).contains("最多 2000 个字").contains("收到 2001 个字");
    }

    @Test
    void descriptionStatesLimitInEnglish() {
        ApiClient.Response response = api.postJson("/api/v1/incidents", TestReports.json("a".repeat(2001)),
                "Accept-Language", "en");

        assertThat(detail(response)).contains("2000");
    }

    @Test
    void reporterContactStatesLimit() {
        Map<String, Object> report = TestReports.report("路口占道经营");
        report.put("contact", "1".repeat(65));

        ApiClient.Response response = api.postJson("/api/v1/incidents", ApiClient.json(report));

        assertThat(response.status()).isEqualTo(400);
        assertThat(detail(response)).contains("最多 64 个字符");
    }

    @Test
    void followerContactStatesLimit() {
        String code = api.postJson("/api/v1/incidents", TestReports.json()).json().get("trackingCode").asString();

        ApiClient.Response response = api.postJson("/api/v1/incidents/" + code + "/followers",
                ApiClient.json(Map.of("contact", "1".repeat(65))));

        assertThat(response.status()).isEqualTo(400);
        assertThat(detail(response)).contains("64");
    }

    @Test
    void workflowNoteStatesFieldAndLimit() {
        long id = api.postJson("/api/v1/incidents", TestReports.json()).json().get("id").asLong();

        ApiClient.Response response = api.postJson("/api/v1/incidents/" + id + "/transitions",
                ApiClient.json(Map.of("action", "accept", "actor", "王调度", "note", "注".repeat(2001))));

        assertThat(response.status()).isEqualTo(400);
        assertThat(detail(response)).contains("note").contains("最多 2000 个字").contains("收到 2001 个字");
    }

    @Test
    void workerNameStatesLimit() {
        ApiClient.Response response = api.postJson("/api/v1/planning/workers",
                ApiClient.json(Map.of("name", "王".repeat(51))));

        assertThat(response.status()).isEqualTo(400);
        assertThat(detail(response)).contains("1 到 50 个字");
    }

    private static String detail(ApiClient.Response response) {
        return response.json().get("detail").asString();
    }
}
