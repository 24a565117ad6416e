package cn.hemeigrid.durability;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Copies of the test database made with db/backup.sh and db/restore.sh, on the test cluster or
 * on another one, and connections to them. The test database has the shipped Huizhou data
 * that the shared test context imported, so a copy starts a server without a new import.
 */
final class DatabaseCopies {

    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+)(\\?.*)?");

    private static final int DROP_ATTEMPTS = 10;

    private final String host;
    private final String port;
    private final String testDatabase;
    private final String parameters;
    private final String user;
    private final String password;

    DatabaseCopies(Environment environment) {
        String url = environment.getRequiredProperty("spring.datasource.url");
        Matcher parts = JDBC_URL.matcher(url);
        if (!parts.matches()) {
            throw new IllegalStateException("unexpected spring.datasource.url " + url);
        }
        this.host = parts.group(1);
        this.port = parts.group(2) == null ? "5432" : parts.group(2);
        this.testDatabase = parts.group(3);
        this.parameters = parts.group(4) == null ? "" : parts.group(4);
        this.user = environment.getRequiredProperty("spring.datasource.username");
        this.password = environment.getRequiredProperty("spring.datasource.password");
    }

    String testDatabase() {
        return testDatabase;
    }

    /** Returns a database name for a copy of the test database, such as hemei_grid_test_durable. */
    String copyName(String suffix) {
        return testDatabase + "_" + suffix;
    }

    /** Returns the environment that points the db/ scripts and a server at {@code database} on the test cluster. */
    Map<String, String> settings(String database) {
        return settings(database, port);
    }

    /** Returns the environment that points the db/ scripts and a server at {@code database} on the cluster at {@code clusterPort}. */
    Map<String, String> settings(String database, String clusterPort) {
        Map<String, String> settings = new HashMap<>();
        settings.put("HEMEI_DB_NAME", database);
        settings.put("HEMEI_DB_PORT", clusterPort);
        settings.put("HEMEI_DB_USER", user);
        settings.put("HEMEI_DB_PASSWORD", password);
        return settings;
    }

    /** Backs up the test database with db/backup.sh into target/durability/backups and returns the dump file. */
    Path backUpTestDatabase() {
        String file = DatabaseScripts.runOrFail(settings(testDatabase), "backup.sh",
                Path.of("target", "durability", "backups").toAbsolutePath().toString());
        return Path.of(file);
    }

    /** Restores {@code dump} with db/restore.sh --force into {@code database}, created when missing. */
    void restore(Path dump, Map<String, String> databaseSettings) {
        DatabaseScripts.runOrFail(databaseSettings, "restore.sh", "--force", dump.toString(),
                databaseSettings.get("HEMEI_DB_NAME"));
    }

    /**
     * Drops a copy on the test cluster once a test has passed with it. A copy left by a failed
     * test stays for a look and is replaced by the next run. So is a copy that a session the
     * application's account may not end, such as autovacuum on the fresh copy, keeps open for
     * longer than {@link #DROP_ATTEMPTS} seconds.
     */
    void drop(String database) {
        for (int attempt = 1; attempt <= DROP_ATTEMPTS; attempt++) {
            try {
                connect(testDatabase).sql("DROP DATABASE IF EXISTS \"%s\" WITH (FORCE)".formatted(database)).update();
                return;
            } catch (DataAccessException inUse) {
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** Returns a client of {@code database} on the test cluster, opening a connection per statement. */
    JdbcClient connect(String database) {
        return connect(database, port);
    }

    JdbcClient connect(String database, String clusterPort) {
        String url = "jdbc:postgresql://" + host + ":" + clusterPort + "/" + database + parameters;
        return JdbcClient.create(new DriverManagerDataSource(url, user, password));
    }
}
