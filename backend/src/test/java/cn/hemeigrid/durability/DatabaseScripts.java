package cn.hemeigrid.durability;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the scripts of the repository's db/ folder (postgis.sh, backup.sh, restore.sh) as a
 * developer would, with the test JVM's environment plus the variables given.
 */
final class DatabaseScripts {

    private static final long TIMEOUT_SECONDS = 180;

    private DatabaseScripts() {
    }

    /** Exit value and output of one script run; {@code output} is standard output, {@code errors} standard error. */
    record Run(int exitValue, String output, String errors) {
    }

    /** Runs {@code db/<script>} and fails the test unless it exits with 0. Returns its standard output, trimmed. */
    static String runOrFail(Map<String, String> environment, String script, String... arguments) {
        Run run = run(environment, script, arguments);
        if (run.exitValue() != 0) {
            throw new AssertionError("db/" + script + " " + String.join(" ", arguments) + " exited with "
                    + run.exitValue() + ":\n" + run.errors() + run.output());
        }
        return run.output().strip();
    }

    static Run run(Map<String, String> environment, String script, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(repositoryRoot().resolve("db").resolve(script).toString());
        command.addAll(List.of(arguments));
        try {
            Path output = Files.createTempFile("hemei-script", ".out");
            Path errors = Files.createTempFile("hemei-script", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command)
                        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                        .redirectOutput(output.toFile())
                        .redirectError(errors.toFile());
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("db/" + script + " did not finish within " + TIMEOUT_SECONDS + " s");
                }
                return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8),
                        Files.readString(errors, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(output);
                Files.deleteIfExists(errors);
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** Returns the folder with db/postgis.sh: the working directory (backend/ under Maven) or one above it. */
    static Path repositoryRoot() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve("db").resolve("postgis.sh"))) {
                return folder;
            }
        }
        throw new IllegalStateException("no db/postgis.sh in " + Path.of("").toAbsolutePath() + " or above it");
    }
}
