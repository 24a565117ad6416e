package cn.hemeigrid.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import cn.hemeigrid.ApiClient;
import cn.hemeigrid.PostgisTest;

/**
 * Acknowledged incidents survive a restart of PostgreSQL, in pg_ctl's fast mode and in its
 * immediate mode (no shutdown checkpoint, so the start replays the WAL as after a crash), and
 * the running server reconnects and serves again without being restarted.
 *
 * <p>SLOW, 25 to 30 s on 2 cores: creates a cluster of its own with db/postgis.sh on a free
 * port ({@link ThrowawayCluster}), restores a dump of the test database into it, and starts the
 * server once as a separate JVM ({@link ServerProcess}). The shared test cluster is not
 * touched. Skipped when HEMEI_DB_HOST names another PostgreSQL server, because db/postgis.sh
 * then creates no cluster.
 */
@PostgisTest
class PostgresRestartTest {

    private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(60);
    /** Pause between two reports of the resident, which keeps a restart to a few dozen reports instead of thousands. */
    private static final Duration REPORT_INTERVAL = Duration.ofMillis(50);

    @Autowired
    Environment environment;

    @Test
    void acknowledgedReportsSurvivePostgresRestarts() throws Exception {
        assumeTrue(System.getenv("HEMEI_DB_HOST") == null, "HEMEI_DB_HOST is set, so db/postgis.sh creates no cluster");
        DatabaseCopies copies = new DatabaseCopies(environment);
        Path dump = copies.backUpTestDatabase();
        Reports reports = new Reports();
        List<Reports.Acknowledged> acknowledged = Collections.synchronizedList(new ArrayList<>());

        try (ThrowawayCluster cluster = ThrowawayCluster.start(copies, copies.copyName("restart"));
             ServerProcess server = new ServerProcess("restart", cluster.settings())) {
            copies.restore(dump, cluster.settings());
            server.start();
            ApiClient api = ApiClient.anonymous(server.port());
            acknowledged.add(reports.send(api).orElseThrow());

            for (String mode : List.of("fast", "immediate")) {
                restartWhileResidentReports(cluster, mode, api, reports, acknowledged);

                Duration recovery = awaitAcknowledgement(api, reports, acknowledged);

                assertThat(recovery).as("time to serve again after the %s restart", mode).isLessThan(RECOVERY_TIMEOUT);
            }

            Reports.assertStored(api, acknowledged);
            assertThat(server.isAlive()).as("server ran through both restarts").isTrue();
        }
    }

    /**
     * Stops PostgreSQL in {@code mode} and starts it again while a resident keeps reporting, so
     * that reports are in flight when the connections drop. Reports that fail are not counted.
     */
    private static void restartWhileResidentReports(ThrowawayCluster cluster, String mode, ApiClient api, Reports reports,
                                                    List<Reports.Acknowledged> acknowledged) throws Exception {
        AtomicBoolean restarted = new AtomicBoolean();
        ExecutorService resident = Executors.newSingleThreadExecutor();
        Future<?> reporting = resident.submit(() -> {
            while (!restarted.get()) {
                reports.sendDuringOutage(api).ifPresent(acknowledged::add);
                pause(REPORT_INTERVAL);
            }
        });

        cluster.stop(mode);
        cluster.start();
        restarted.set(true);
        resident.shutdown();

        assertThat(resident.awaitTermination(RECOVERY_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("resident stopped").isTrue();
        reporting.get();
    }

    /** Reports until one is acknowledged and returns how long that took. */
    private static Duration awaitAcknowledgement(ApiClient api, Reports reports, List<Reports.Acknowledged> acknowledged) {
        Instant start = Instant.now();
        while (Duration.between(start, Instant.now()).compareTo(RECOVERY_TIMEOUT) < 0) {
            Optional<Reports.Acknowledged> report = reports.sendDuringOutage(api);
            if (report.isPresent()) {
                acknowledged.add(report.get());
                return Duration.between(start, Instant.now());
            }
            pause(REPORT_INTERVAL);
        }
        return RECOVERY_TIMEOUT;
    }

    private static void pause(Duration interval) {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
