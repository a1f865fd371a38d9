package cat.smartregion.gateway.driver.modbus.internal;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/** A peer or tool in its own process for the tests: started, awaited by its output, always stopped. */
final class ExternalProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ExternalProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts the command, output to {@code log}; fails the test naming {@code install} when the program is missing. */
    static ExternalProcess start(List<String> command, Path directory, Path log, String install) {
        try {
            return new ExternalProcess(new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start(), log);
        } catch (IOException e) {
            return fail(command.get(0) + " is missing: " + install + " (" + e.getMessage() + ")");
        }
    }

    /** Runs the command to its end within the limit; returns its output. */
    static String run(List<String> command, Path directory, Path log, String install, Duration limit) throws Exception {
        try (ExternalProcess p = start(command, directory, log, install)) {
            if (!p.process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                fail(String.join(" ", command) + " did not end within " + limit + ": " + p.output());
            }
            if (p.process.exitValue() != 0) {
                fail(String.join(" ", command) + " exited with " + p.process.exitValue() + ": " + p.output());
            }
            return p.output();
        }
    }

    /** Waits until the output satisfies the condition, failing the test after the limit or if the process ends. */
    void awaitOutput(Predicate<String> condition, Duration limit) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.test(output())) {
            if (!process.isAlive()) {
                fail("process exited with " + process.exitValue() + ": " + output());
            }
            if (System.nanoTime() - deadline > 0) {
                fail("process did not get ready within " + limit + ": " + output());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
