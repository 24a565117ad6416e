package cn.hemeigrid.durability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of its own for a test that stops and starts PostgreSQL without
 * disturbing the tests on the shared cluster. db/postgis.sh creates it on a free port in
 * /var/tmp/hemei-grid/<name>/pgdata, and {@link #close} stops it and deletes the folder. A
 * folder left by an earlier run that failed is removed first.
 */
final class ThrowawayCluster implements AutoCloseable {

    private final Path folder;
    private final Map<String, String> settings;

    private ThrowawayCluster(Path folder, Map<String, String> settings) {
        this.folder = folder;
        this.settings = settings;
    }

    /** Creates and starts the cluster with the application's account and an empty {@code database}. */
    static ThrowawayCluster start(DatabaseCopies copies, String database) {
        Path folder = Path.of("/var/tmp/hemei-grid", database);
        Map<String, String> settings = new HashMap<>(copies.settings(database, Integer.toString(ServerProcess.freePort())));
        settings.put("HEMEI_PGDATA", folder.resolve("pgdata").toString());
        ThrowawayCluster cluster = new ThrowawayCluster(folder, settings);
        cluster.remove();
        cluster.start();
        return cluster;
    }

    /** Returns the environment that points the db/ scripts and a server at the cluster's database. */
    Map<String, String> settings() {
        return settings;
    }

    String port() {
        return settings.get("HEMEI_DB_PORT");
    }

    /** Starts the stopped cluster again with db/postgis.sh, which replays the WAL after an immediate stop. */
    void start() {
        DatabaseScripts.runOrFail(settings, "postgis.sh", "start");
    }

    /** Stops the cluster with db/postgis.sh stop in pg_ctl's {@code mode}: fast or immediate. */
    void stop(String mode) {
        DatabaseScripts.runOrFail(settings, "postgis.sh", "stop", mode);
    }

    @Override
    public void close() {
        remove();
    }

    private void remove() {
        if (!Files.exists(folder)) {
            return;
        }
        if (Files.exists(folder.resolve("pgdata").resolve("postmaster.pid"))) {
            DatabaseScripts.run(settings, "postgis.sh", "stop", "immediate");
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(ThrowawayCluster::delete);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
