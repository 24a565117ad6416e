package cn.hemeigrid.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hemeigrid.ApiClient;
import cn.hemeigrid.PostgisTest;

/**
 * An incident acknowledged with 201 survives a SIGKILL of the server that sent the 201.
 *
 * <p>SLOW, 30 to 45 s on 2 cores: starts the server three times as a separate JVM
 * ({@link ServerProcess}) against a copy of the test database made with db/backup.sh and
 * db/restore.sh ({@code <test database>_durable}). It kills the server the moment a 201 has
 * arrived, then once more with four residents reporting at the same time so that requests are
 * in flight, and checks that every acknowledged incident is stored as acknowledged. That
 * is so because the report's transaction commits before the response is written and
 * PostgreSQL runs with fsync and synchronous_commit on ({@link DurabilitySettingsTest}).
 */
@PostgisTest
class ServerKillTest {

    private static final int CONCURRENT_RESIDENTS = 4;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 12;

    @Autowired
    Environment environment;

    @Test
    void acknowledgedReportsSurviveSigkill() throws InterruptedException {
        DatabaseCopies copies = new DatabaseCopies(environment);
        Path dump = copies.backUpTestDatabase();
        Map<String, String> database = copies.settings(copies.copyName("durable"));
        copies.restore(dump, database);
        Reports reports = new Reports();
        List<Reports.Acknowledged> acknowledged = Collections.synchronizedList(new ArrayList<>());

        try (ServerProcess server = new ServerProcess("kill", database)) {
            server.start();
            Optional<Reports.Acknowledged> report = reports.send(api(server));
            int exitValue = server.kill();

            assertThat(report).as("201 before the kill").isPresent();
            assertThat(exitValue).as("exit value of the killed server").isEqualTo(ServerProcess.KILLED_BY_SIGKILL);
            acknowledged.add(report.orElseThrow());

            server.start();
            int inFlight = killWhileResidentsReport(server, reports, acknowledged);

            assertThat(inFlight).as("reports in flight at the kill").isPositive();

            server.start();
            Reports.assertStored(api(server), acknowledged);
        }

        JdbcClient copy = copies.connect(database.get("HEMEI_DB_NAME"));
        int stored = copy.sql("SELECT count(*) FROM incident WHERE description LIKE ?")
                .param(reports.marker() + "%").query(Integer.class).single();
        int withoutHistory = copy.sql("""
                        SELECT count(*) FROM incident i
                         WHERE i.description LIKE ?
                           AND NOT EXISTS (SELECT 1 FROM incident_transition t WHERE t.incident_id = i.id)
                        """)
                .param(reports.marker() + "%").query(Integer.class).single();
        assertThat(stored).as("stored reports").isBetween(acknowledged.size(), reports.sent());
        assertThat(withoutHistory).as("stored reports without their history").isZero();
        copies.drop(database.get("HEMEI_DB_NAME"));
    }

    /**
     * Lets several residents report at once and kills the server as soon as
     * {@link #ACKNOWLEDGED_BEFORE_KILL} reports are acknowledged, while the others are still
     * waiting for their response. Returns how many were in flight at the kill.
     */
    private static int killWhileResidentsReport(ServerProcess server, Reports reports,
                                                List<Reports.Acknowledged> acknowledged) throws InterruptedException {
        ApiClient api = api(server);
        CountDownLatch enoughAcknowledged = new CountDownLatch(ACKNOWLEDGED_BEFORE_KILL);
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger waiting = new AtomicInteger();
        ExecutorService residents = Executors.newFixedThreadPool(CONCURRENT_RESIDENTS);
        List<Future<?>> reporting = new ArrayList<>();
        for (int resident = 0; resident < CONCURRENT_RESIDENTS; resident++) {
            reporting.add(residents.submit(() -> {
                while (!killed.get()) {
                    waiting.incrementAndGet();
                    Optional<Reports.Acknowledged> report = reports.send(api);
                    waiting.decrementAndGet();
                    if (report.isEmpty()) {
                        return;
                    }
                    acknowledged.add(report.get());
                    enoughAcknowledged.countDown();
                }
            }));
        }

        boolean acknowledgedInTime = enoughAcknowledged.await(60, TimeUnit.SECONDS);
        int inFlight = waiting.get();
        int exitValue = server.kill();
        killed.set(true);
        residents.shutdown();

        assertThat(residents.awaitTermination(60, TimeUnit.SECONDS)).as("residents stopped").isTrue();
        for (Future<?> resident : reporting) {
            awaitWithoutFailure(resident);
        }
        assertThat(acknowledgedInTime).as("%d reports acknowledged in time", ACKNOWLEDGED_BEFORE_KILL).isTrue();
        assertThat(exitValue).as("exit value of the killed server").isEqualTo(ServerProcess.KILLED_BY_SIGKILL);
        return inFlight;
    }

    /** Rethrows an assertion that failed in a resident's thread, such as a status other than 201. */
    private static void awaitWithoutFailure(Future<?> resident) throws InterruptedException {
        try {
            resident.get();
        } catch (ExecutionException failure) {
            throw new AssertionError("a resident's report failed", failure.getCause());
        }
    }

    /** Returns a client without an account, as residents report. */
    private static ApiClient api(ServerProcess server) {
        return ApiClient.anonymous(server.port());
    }
}
