package cn.hemeigrid.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.hemeigrid.HemeiGridApplication;

/**
 * The application started as a JVM of its own, as {@code java -cp ... HemeiGridApplication},
 * so that a test can kill it with SIGKILL and start it again on the same port and database.
 *
 * <p>The child gets the test JVM's class path without the test classes, so no test
 * configuration (such as the one that empties the database) is picked up. It does not import
 * gis-data/ and does not run the escalation job: the tests give it a database restored from a
 * dump of the test database. Its output goes to {@code target/durability/<name>-<n>.log}.
 */
final class ServerProcess implements AutoCloseable {

    /** Exit value of a process that SIGKILL ended: 128 plus the signal number 9. */
    static final int KILLED_BY_SIGKILL = 137;

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final String PROBE_PATH = "/api/v1/incidents/ZZZZZZZZZZZZZZZZ";

    private final String name;
    private final Map<String, String> environment;
    private final int port;
    private int starts;
    private Process process;

    /**
     * @param name     names the log files
     * @param database the database settings as environment variables (HEMEI_DB_NAME and, for
     *                 another cluster, HEMEI_DB_PORT); they replace those of the test JVM
     */
    ServerProcess(String name, Map<String, String> database) {
        this.name = name;
        this.environment = database;
        this.port = freePort();
    }

    int port() {
        return port;
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Starts the server and waits until it serves HTTP requests. */
    void start() {
        assertThat(process).as("server %s is already running", name).isNull();
        starts++;
        Path log = Path.of("target", "durability", name + "-" + starts + ".log");
        ProcessBuilder builder = new ProcessBuilder(command())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("HEMEI_DATA_IMPORT_ON_START", "false");
        builder.environment().put("HEMEI_ESCALATION_ENABLED", "false");
        // These tests send more anonymous reports from 127.0.0.1 than a resident may, so the
        // limit per address (hemei.reporting.rate-limit.requests, where the server has one) is
        // raised. The tests check storage, not the limit.
        builder.environment().put("HEMEI_REPORTING_RATE_LIMIT_REQUESTS", "100000");
        builder.environment().put("HEMEI_PHOTOS_DIR", log.getParent().resolve("photos").toAbsolutePath().toString());
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        awaitReady(log);
    }

    /**
     * Kills the server with SIGKILL, as {@code kill -9} does, and waits for it to end. The JVM
     * gets no chance to run shutdown hooks, close connections or flush anything.
     *
     * @return the exit value, {@link #KILLED_BY_SIGKILL} when the signal ended it
     */
    int kill() {
        process.destroyForcibly();
        int exitValue = waitForExit();
        process = null;
        return exitValue;
    }

    @Override
    public void close() {
        if (process != null) {
            kill();
        }
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Start-up speed matters more than peak speed for these short runs.
        command.addAll(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        command.addAll(List.of("-cp", applicationClassPath(), HemeiGridApplication.class.getName()));
        return command;
    }

    /** Returns the class path of the test JVM, which Surefire puts in surefire.test.class.path, without test classes. */
    private static String applicationClassPath() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private void awaitReady(Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PROBE_PATH))
                .timeout(Duration.ofSeconds(5)).GET().build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("server " + name + " exited with " + process.exitValue()
                        + " while starting:\n" + tail(log));
            }
            try {
                HttpResponse<String> response = http.send(probe, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                assertThat(response.statusCode()).as("probe of server %s", name).isEqualTo(404);
                return;
            } catch (IOException notListeningYet) {
                pause();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }
        process.destroyForcibly();
        throw new AssertionError("server " + name + " did not answer within " + START_TIMEOUT + ":\n" + tail(log));
    }

    private int waitForExit() {
        try {
            return process.waitFor();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException failure) {
            return "(no log: " + failure.getMessage() + ")";
        }
    }

    /** Returns a port no socket listens on at the moment, for a server or a cluster started next. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
