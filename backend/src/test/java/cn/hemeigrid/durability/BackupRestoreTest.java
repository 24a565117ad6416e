package cn.hemeigrid.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.hemeigrid.ApiClient;
import cn.hemeigrid.PostgisTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * db/backup.sh and db/restore.sh: a database restored from a backup serves the same grids and
 * incidents as the one backed up.
 *
 * <p>SLOW, 20 to 40 s on 2 cores: backs up the test database, restores it into
 * {@code <test database>_restored}, compares every table of the schema hemei row by row and
 * every sequence, then starts the server on the copy as a separate JVM ({@link ServerProcess})
 * and compares its responses with those of the test server.
 */
@PostgisTest
class BackupRestoreTest {

    /** Incidents looked up on both servers; a sample keeps the test fast on a large test database. */
    private static final int SAMPLE_INCIDENTS = 30;

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    JdbcClient jdbc;

    @Test
    void restoredDatabaseServesSameGridsAndIncidents() {
        ApiClient testServer = new ApiClient(port);
        new Reports().send(testServer).orElseThrow();
        DatabaseCopies copies = new DatabaseCopies(environment);
        Map<String, String> restored = copies.settings(copies.copyName("restored"));

        Path dump = copies.backUpTestDatabase();
        copies.restore(dump, restored);
        JdbcClient copy = copies.connect(restored.get("HEMEI_DB_NAME"));

        assertThat(tableChecksums(copy)).isEqualTo(tableChecksums(jdbc));
        assertThat(sequences(copy)).isEqualTo(sequences(jdbc));
        assertThat(count(copy, "grid")).as("grids restored").isGreaterThan(1000);
        assertThat(count(copy, "incident")).as("incidents restored").isPositive();

        try (ServerProcess server = new ServerProcess("restored", restored)) {
            server.start();
            ApiClient restoredServer = new ApiClient(server.port());

            for (String trackingCode : sampleTrackingCodes()) {
                String path = "/api/v1/incidents/" + trackingCode;
                ApiClient.Response original = testServer.get(path);
                ApiClient.Response copied = restoredServer.get(path);

                assertThat(copied.status()).as(path).isEqualTo(original.status());
                assertThat(copied.json()).as(path).isEqualTo(original.json());
            }

            JsonNode originalRouting = new Reports().send(testServer).orElseThrow().routing();
            JsonNode copiedRouting = new Reports().send(restoredServer).orElseThrow().routing();

            assertThat(withoutDeadlines(copiedRouting)).isEqualTo(withoutDeadlines(originalRouting));
        }
        copies.drop(restored.get("HEMEI_DB_NAME"));
    }

    @Test
    void restoreRejectsDatabaseWithData() {
        DatabaseCopies copies = new DatabaseCopies(environment);
        Map<String, String> target = copies.settings(copies.copyName("kept"));
        Path dump = copies.backUpTestDatabase();
        copies.restore(dump, target);
        JdbcClient copy = copies.connect(target.get("HEMEI_DB_NAME"));
        copy.sql("DELETE FROM facility").update();

        DatabaseScripts.Run refused = DatabaseScripts.run(target, "restore.sh", dump.toString(), target.get("HEMEI_DB_NAME"));

        assertThat(refused.exitValue()).isEqualTo(1);
        assertThat(refused.errors()).contains("already has the schema hemei", "--force");
        assertThat(count(copy, "facility")).as("rows after the refused restore").isZero();
        copies.drop(target.get("HEMEI_DB_NAME"));
    }

    /** Row count and MD5 of the sorted row texts of every table of the schema hemei, by table name. */
    private static Map<String, String> tableChecksums(JdbcClient database) {
        List<String> tables = database.sql("""
                        SELECT table_name FROM information_schema.tables
                         WHERE table_schema = 'hemei' AND table_type = 'BASE TABLE'
                         ORDER BY table_name
                        """)
                .query(String.class).list();
        Map<String, String> checksums = new LinkedHashMap<>();
        for (String table : tables) {
            checksums.put(table, database.sql("""
                            SELECT count(*) || ' rows, md5 ' || md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), ''))
                              FROM hemei."%s" t
                            """.formatted(table))
                    .query(String.class).single());
        }
        return checksums;
    }

    private static Map<String, Long> sequences(JdbcClient database) {
        Map<String, Long> values = new LinkedHashMap<>();
        database.sql("SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'hemei' ORDER BY sequencename")
                .query((row, number) -> values.put(row.getString(1), row.getObject(2, Long.class)))
                .list();
        return values;
    }

    private static long count(JdbcClient database, String table) {
        return database.sql("SELECT count(*) FROM hemei.\"%s\"".formatted(table)).query(Long.class).single();
    }

    private List<String> sampleTrackingCodes() {
        return jdbc.sql("SELECT tracking_code FROM incident ORDER BY md5(tracking_code) LIMIT ?")
                .param(SAMPLE_INCIDENTS)
                .query(String.class).list();
    }

    /** Returns the routing without its deadlines, which are counted from the time of the report. */
    private static JsonNode withoutDeadlines(JsonNode routing) {
        ObjectNode copy = (ObjectNode) routing.deepCopy();
        copy.remove("assignDeadline");
        copy.remove("handlingDeadline");
        return copy;
    }
}
