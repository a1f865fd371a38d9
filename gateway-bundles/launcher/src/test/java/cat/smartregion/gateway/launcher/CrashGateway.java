package cat.smartregion.gateway.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code gateway run} process of the crash test, from the built distribution with the
 * distribution's 64 MB heap, its log in a file of its own; ended with SIGKILL or SIGTERM.
 */
final class CrashGateway implements AutoCloseable {

    /** Exit status of a process ended by SIGKILL (128 + 9). */
    static final int KILLED = 137;
    private static final Duration END_LIMIT = Duration.ofSeconds(60);
    /** The distribution: {@code target/dist}, or {@code -Dcrash.dist=DIR} (a copy, safe from rebuilds during a long run). */
    static final Path DIST = System.getProperty("crash.dist") != null
            ? Path.of(System.getProperty("crash.dist")).toAbsolutePath() : GatewayProcess.DIST;

    /**
     * One life of the gateway.
     *
     * @param index   run number, from 1
     * @param started wall-clock ms just before the process was started
     * @param ended   wall-clock ms just after it was seen ended
     * @param exit    its exit status
     * @param log     its log file (standard output and error next to it, {@code .out})
     */
    record Life(int index, long started, long ended, int exit, Path log) {
        boolean contains(long time, long marginMs) {
            return time >= started - marginMs && time <= ended + marginMs;
        }
    }

    private final int index;
    private final Path log;
    private final long started;
    private final Process process;

    private CrashGateway(int index, Path log, long started, Process process) {
        this.index = index;
        this.log = log;
        this.started = started;
        this.process = process;
    }

    /** Starts {@code gateway run --config config}, logging to {@code log} ({@code .out} for standard output and error). */
    static CrashGateway start(int index, Path config, Path log) throws IOException {
        List<String> command = List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:+UseSerialGC", "-Dgateway.home=" + DIST,
                "-cp", DIST.resolve("lib") + "/*", "cat.smartregion.gateway.launcher.Main",
                "run", "--config", config.toString(), "--log", log.toString());
        Path out = log.resolveSibling(log.getFileName() + ".out");
        long started = System.currentTimeMillis();
        Process process = new ProcessBuilder(command).directory(config.getParent().toFile())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        return new CrashGateway(index, log, started, process);
    }

    /** Lets the process run for {@code lifetime}, then kills it with SIGKILL; it must still be running then. */
    Life killAfter(Duration lifetime) throws IOException, InterruptedException {
        if (process.waitFor(lifetime.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("run " + index + ": the gateway ended by itself with status " + process.exitValue()
                    + " before it could be killed; " + tail());
        }
        process.destroyForcibly();
        return awaitEnd();
    }

    /** Stops the process with SIGTERM (a clean stop) and waits until it has ended. */
    Life terminate() throws IOException, InterruptedException {
        process.destroy();
        return awaitEnd();
    }

    boolean alive() {
        return process.isAlive();
    }

    private Life awaitEnd() throws IOException, InterruptedException {
        if (!process.waitFor(END_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("run " + index + ": the gateway did not end within " + END_LIMIT.toSeconds()
                    + " s of its signal; " + tail());
        }
        return new Life(index, started, System.currentTimeMillis(), process.exitValue(), log);
    }

    /** The end of the run's log and output, for failure messages. */
    String tail() throws IOException {
        return "log " + log + ":\n" + tail(log) + "\noutput:\n" + tail(log.resolveSibling(log.getFileName() + ".out"));
    }

    private static String tail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return "(none)";
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    /** Kills the process if it still runs (a test that failed half-way leaves nothing behind). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(END_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
