package cn.hemeigrid.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hemeigrid.ApiClient;
import cn.hemeigrid.HemeiGridApplication;
import cn.hemeigrid.PostgisTest;
import cn.hemeigrid.TestCity;

/**
 * The escalation job on overdue incidents in the test city, including two application
 * instances racing on one database. Incidents are reported through the API and then made
 * overdue by moving their deadlines into the past.
 */
@PostgisTest
class EscalationJobTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EscalationJob job;

    ApiClient api;

    @BeforeEach
    void connect() {
        TestCity.insert(jdbc);
        api = new ApiClient(port);
    }

    @Test
    void twoInstancesEscalateEachIncidentOnce() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(reportOverdue("3 hours"));
        }

        try (ConfigurableApplicationContext second = startSecondInstance()) {
            EscalationJob secondJob = second.getBean(EscalationJob.class);
            runConcurrently(job, secondJob, 3);
        }

        for (long id : ids) {
            assertThat(supervisionLevels(id)).as("incident %d", id).containsExactly("village");
            assertThat(escalationLevel(id)).as("incident %d", id).isEqualTo("village");
            assertThat(escalateSteps(id)).as("incident %d", id).isEqualTo(1);
        }
    }

    @Test
    void restartedJobDoesNotRepeatEscalation() {
        long id = reportOverdue("3 hours");
        job.runOnce();

        try (ConfigurableApplicationContext restarted = startSecondInstance()) {
            restarted.getBean(EscalationJob.class).runOnce();
        }
        job.runOnce();

        assertThat(supervisionLevels(id)).containsExactly("village");
        assertThat(escalateSteps(id)).isEqualTo(1);
    }

    @Test
    void longOverdueClimbsOneLevelPerRun() {
        // The default step is 24 hours: 50 hours overdue is due for the village, township and county.
        long id = reportOverdue("50 hours");

        job.runOnce();
        String afterFirst = escalationLevel(id);
        job.runOnce();
        String afterSecond = escalationLevel(id);
        job.runOnce();
        job.runOnce();

        assertThat(afterFirst).isEqualTo("village");
        assertThat(afterSecond).isEqualTo("township");
        assertThat(escalationLevel(id)).isEqualTo("county");
        assertThat(supervisionLevels(id)).containsExactly("village", "township", "county");
        List<String> units = jdbc.sql("SELECT unit_code FROM incident_supervision WHERE incident_id = ? ORDER BY id")
                .param(id).query(String.class).list();
        assertThat(units).containsExactly(TestCity.VILLAGE, TestCity.TOWNSHIP, TestCity.COUNTY);
    }

    @Test
    void incidentWithinDeadlineIsLeftAlone() {
        long id = report();

        job.runOnce();

        assertThat(supervisionLevels(id)).isEmpty();
        assertThat(escalationLevel(id)).isEqualTo("grid");
    }

    @Test
    void dispatchStartsNewDeadline() {
        long id = reportOverdue("3 hours");
        job.runOnce();
        transition(id, "accept");
        transition(id, "dispatch");
        jdbc.sql("UPDATE incident SET handling_deadline = now() - interval '1 hour' WHERE id = ?").param(id).update();

        job.runOnce();

        assertThat(supervisionLevels(id)).containsExactly("village", "township");
        List<String> kinds = jdbc.sql("SELECT deadline_kind FROM incident_supervision WHERE incident_id = ? ORDER BY id")
                .param(id).query(String.class).list();
        assertThat(kinds).containsExactly("assign", "handling");
    }

    @Test
    void handledIncidentIsNotEscalated() {
        long id = reportOverdue("3 hours");
        for (String action : List.of("accept", "dispatch", "start_handling", "mark_handled")) {
            transition(id, action);
        }
        jdbc.sql("UPDATE incident SET handling_deadline = now() - interval '1 hour' WHERE id = ?").param(id).update();

        job.runOnce();

        assertThat(supervisionLevels(id)).isEmpty();
    }

    private static void runConcurrently(EscalationJob first, EscalationJob second, int rounds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < rounds; round++) {
                CyclicBarrier start = new CyclicBarrier(2);
                Future<Integer> a = pool.submit(() -> {
                    start.await();
                    return first.runOnce();
                });
                Future<Integer> b = pool.submit(() -> {
                    start.await();
                    return second.runOnce();
                });
                a.get(60, TimeUnit.SECONDS);
                b.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Starts a second application on the same test database, as a second server instance would run. */
    private static ConfigurableApplicationContext startSecondInstance() {
        return new SpringApplicationBuilder(HemeiGridApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("test")
                .properties("spring.flyway.enabled=false", "hemei.data.import-on-start=false")
                .run();
    }

    private long report() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("lon", TestCity.LON);
        report.put("lat", TestCity.LAT);
        report.put("category", "0501");
        report.put("description", "路口有流动摊贩占道经营。");
        ApiClient.Response created = api.postJson("/api/v1/incidents", ApiClient.json(report));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    /** Reports an incident whose assign deadline passed the given PostgreSQL interval ago. */
    private long reportOverdue(String overdueBy) {
        long id = report();
        jdbc.sql("""
                        UPDATE incident
                           SET reported_at = now() - CAST(:overdue AS interval) - interval '2 hours',
                               assign_deadline = now() - CAST(:overdue AS interval)
                         WHERE id = :id
                        """)
                .param("overdue", overdueBy)
                .param("id", id)
                .update();
        return id;
    }

    private void transition(long id, String action) {
        Map<String, Object> body = Map.of("action", action, "actor", "王调度", "note", "说明");
        ApiClient.Response response = api.postJson("/api/v1/incidents/" + id + "/transitions", ApiClient.json(body));
        assertThat(response.status()).as(action + ": " + response.text()).isEqualTo(200);
    }

    private List<String> supervisionLevels(long id) {
        return jdbc.sql("SELECT level FROM incident_supervision WHERE incident_id = ? ORDER BY id")
                .param(id).query(String.class).list();
    }

    private String escalationLevel(long id) {
        return jdbc.sql("SELECT escalation_level FROM incident WHERE id = ?").param(id).query(String.class).single();
    }

    private int escalateSteps(long id) {
        return jdbc.sql("SELECT count(*) FROM incident_transition WHERE incident_id = ? AND action = 'escalate'")
                .param(id).query(Integer.class).single();
    }
}
