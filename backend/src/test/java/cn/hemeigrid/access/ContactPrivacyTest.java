package cn.hemeigrid.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hemeigrid.ApiClient;
import cn.hemeigrid.PostgisTest;
import cn.hemeigrid.TwoTownships;

/**
 * The reporter's phone number is shown in full only on the staff workflow view, masked in
 * lists, absent from Open311 and the resident's views, and never written to the log.
 */
@PostgisTest
@ExtendWith(OutputCaptureExtension.class)
class ContactPrivacyTest {

    static final String PHONE = "13987654321";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(port);
        TwoTownships.insert(jdbc);
    }

    @Test
    void phoneNeverReachesTheLog(CapturedOutput output) {
        JsonReport report = report();
        String id = String.valueOf(report.id());

        api.postJson("/api/v1/incidents/" + id + "/transitions", "{\"action\":\"accept\",\"actor\":\"调度员丙\"}");
        api.postJson("/api/v1/incidents/" + report.trackingCode() + "/followers", "{\"contact\":\"13600001111\"}");
        api.get("/api/v1/incidents?limit=1000&bbox=" + TwoTownships.BBOX);
        api.get("/api/v1/incidents/" + id + "/workflow");
        api.get("/open311/v2/requests/" + id + ".json");
        api.postJson("/api/v1/incidents", "{\"lon\":97.05,\"lat\":37.05,\"category\":\"0501\",\"description\":\"\","
                + "\"contact\":\"" + PHONE + "\"}");

        assertThat(output.getAll()).contains("Incident " + id).doesNotContain(PHONE).doesNotContain("13600001111");
    }

    @Test
    void phoneIsFullOnlyOnTheWorkflowView() {
        JsonReport report = report();

        String workflow = api.get("/api/v1/incidents/" + report.id() + "/workflow").text();
        String list = api.get("/api/v1/incidents?limit=1000&bbox=" + TwoTownships.BBOX).text();
        String tracking = api.get("/api/v1/incidents/" + report.trackingCode()).text();
        String history = api.get("/api/v1/incidents/" + report.id() + "/transitions").text();

        assertThat(workflow).contains(PHONE);
        assertThat(list).contains("139****4321").doesNotContain(PHONE);
        assertThat(tracking).doesNotContain(PHONE).doesNotContain("139****4321");
        assertThat(history).doesNotContain(PHONE);
    }

    @Test
    void open311OutputCarriesNoPhone() {
        JsonReport report = report();

        List<String> answers = new ArrayList<>();
        for (String format : List.of("json", "xml")) {
            answers.add(api.get("/open311/v2/requests/" + report.id() + "." + format).text());
            answers.add(api.get("/open311/v2/requests." + format).text());
            answers.add(api.get("/open311/v2/tokens/" + report.trackingCode() + "." + format).text());
        }

        assertThat(answers).allSatisfy(answer -> assertThat(answer).doesNotContain(PHONE).doesNotContain("4321"));
        assertThat(answers.get(0)).contains(String.valueOf(report.id()));
    }

    @Test
    void databaseErrorsLeaveTheRowOut() {
        Throwable failed = catchThrowable(() -> jdbc.sql("""
                        INSERT INTO incident_follower (incident_id, contact, followed_at)
                        VALUES (-1, :contact, now())
                        """)
                .param("contact", PHONE)
                .update());

        assertThat(failed).isNotNull();
        for (Throwable cause = failed; cause != null; cause = cause.getCause()) {
            assertThat(String.valueOf(cause.getMessage())).doesNotContain(PHONE);
        }
    }

    record JsonReport(long id, String trackingCode) {
    }

    private JsonReport report() {
        ApiClient.Response response = api.postJson("/api/v1/incidents", """
                {"lon":97.05,"lat":37.05,"category":"0501","description":"占道经营","channel":"phone","contact":"%s"}
                """.formatted(PHONE));
        assertThat(response.status()).isEqualTo(201);
        return new JsonReport(response.json().get("id").asLong(), response.json().get("trackingCode").asString());
    }
}
