package cat.smartregion.gateway.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.buffer.BufferFigures;
import cat.smartregion.gateway.buffer.internal.BufferConfig;
import cat.smartregion.gateway.buffer.internal.SqliteBuffer;
import cat.smartregion.gateway.simulator.devices.MeterServer;
import cat.smartregion.gateway.simulator.devices.SimulatedMeter;
import cat.smartregion.gateway.simulator.platform.BatchRecord;
import cat.smartregion.gateway.simulator.platform.CatalogSensor;
import cat.smartregion.gateway.simulator.platform.StandInPlatform;
import cat.smartregion.gateway.simulator.platform.StoredObservation;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Store-and-forward under SIGKILL: a real gateway process polls simulated meters into its SQLite
 * buffer and sends batches to the stand-in Sentilo platform, and is killed with SIGKILL at a
 * random moment (during start-up, polling, committing or sending), then restarted, again and
 * again. At the end a gateway without devices drains the buffer, and the platform's records must
 * hold every sequence number from 1 to the buffer's last, with every duplicate a repeat of the
 * same sequence number with the same value ({@link CrashLedger}).
 *
 * <p>The kill schedule (seeded): a quarter of the lives are killed at a random moment within
 * {@code crash.earlyMs} (default 3000) of the process start, mostly during start-up (JVM, OSGi
 * framework, opening the buffer, registering the sensors, the first polls); the others at a random
 * moment within {@code crash.afterSendMs} (default 2000) after this life's first data reached the
 * platform, while polling, committing and sending run. {@code -Dcrash.kills=N} (default 50) sets
 * the number of kills, {@code -Dcrash.seed=S} repeats a schedule, {@code -Dcrash.logs=DIR} keeps
 * the gateway logs (one per life) in that folder.
 * See {@code docs/crash-test.md}.
 */
class CrashIT {

    private static final int KILLS = Integer.getInteger("crash.kills", 50);
    private static final long SEED = Long.getLong("crash.seed", System.currentTimeMillis());
    private static final int EARLY_MS = Integer.getInteger("crash.earlyMs", 3000);
    private static final int AFTER_SEND_MS = Integer.getInteger("crash.afterSendMs", 2000);
    private static final Duration FIRST_SEND_LIMIT = Duration.ofSeconds(60);
    private static final String PROVIDER = "crash";
    private static final String TOKEN = "crash-token-0123456789abcdef";
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(3);
    private static final Duration QUIET = Duration.ofSeconds(5);
    private static final Duration START_UP = Duration.ofSeconds(15);
    /** Tolerance when placing a reading's time in the life of the process that read it. */
    private static final long CLOCK_MARGIN_MS = 250;

    @TempDir
    Path work;

    @Test
    void everySequenceNumberArrivesAndEveryDuplicateRepeatsItsOriginal() throws Exception {
        long began = System.nanoTime();
        loadCheckingClasses();
        System.out.printf("CrashIT: %d kills, a quarter within %d ms of the start, the others within %d ms after the"
                + " first send; seed %d (repeat with -Dcrash.seed=%d)%n", KILLS, EARLY_MS, AFTER_SEND_MS, SEED, SEED);
        Path folder = Files.createDirectories(work.resolve("gateway"));
        Path logs = Files.createDirectories(System.getProperty("crash.logs") != null
                ? Path.of(System.getProperty("crash.logs")).toAbsolutePath() : work.resolve("logs"));
        try (MeterServer meters = MeterServer.start(InetAddress.getLoopbackAddress(), 0);
             StandInPlatform platform = StandInPlatform.start(work.resolve("platform.db"), 0)) {
            meters.add(1, SimulatedMeter.sdm630()).add(2, SimulatedMeter.sdm120());
            platform.addProvider(PROVIDER, TOKEN);
            writeToken(folder.resolve("sentilo.token"));
            Path polling = writeConfig(folder.resolve("gateway.yaml"), platform.baseUrl(), meters.port());
            Path draining = writeConfig(folder.resolve("drain.yaml"), platform.baseUrl(), 0);

            List<CrashGateway.Life> lives = killRepeatedly(polling, logs, platform, new Random(SEED));
            BufferFigures figures = drain(draining, logs, platform, folder.resolve("data/buffer.db"));
            assertEquals(0, figures.deadLettered(), "no reading was dead-lettered: " + figures);
            assertEquals(0, figures.evictedTotal(), "no reading was evicted: " + figures);

            CrashLedger.Verdict verdict = CrashLedger.check(platform.batches(), observations(platform), figures.lastSeq());
            LifeReadings perLife = LifeReadings.of(lives, verdict.readingTimes());
            long livesThatStored = perLife.livesThatStored();
            System.out.printf("CrashIT: %d kills in %d s; %d readings (sequence numbers 1-%d) all arrived; %d duplicates"
                            + " (re-sent after a kill, each equal to its original); %d accepted requests, %d refused;"
                            + " %d of %d lives stored readings (the others were killed during start-up);"
                            + " start to first reading min/median/max %s%n",
                    lives.size(), TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began), verdict.readings(),
                    verdict.lastSeq(), verdict.duplicates(), verdict.accepted(), verdict.refused(), livesThatStored,
                    lives.size(), perLife.startUp(lives));
            assertEquals(KILLS, lives.size(), "every planned kill happened");
            assertTrue(livesThatStored * 2 > lives.size(), "most lives stored readings: " + livesThatStored
                    + " of " + lives.size() + "; logs in " + logs);
        }
    }

    private static List<CrashGateway.Life> killRepeatedly(Path config, Path logs, StandInPlatform platform,
                                                          Random random) throws Exception {
        List<CrashGateway.Life> lives = new ArrayList<>();
        for (int i = 1; i <= KILLS; i++) {
            boolean early = random.nextInt(4) == 0;
            Duration delay = Duration.ofMillis(random.nextInt(early ? EARLY_MS : AFTER_SEND_MS));
            long delivered = platform.observationCount();
            try (CrashGateway gateway = CrashGateway.start(i, config, logs.resolve(String.format("run-%04d.log", i)))) {
                if (!early) {
                    awaitDelivery(platform, delivered, gateway);
                }
                CrashGateway.Life life = gateway.killAfter(delay);
                assertEquals(CrashGateway.KILLED, life.exit(), "run " + i + " ended by SIGKILL; " + gateway.tail());
                lives.add(life);
            }
        }
        return lives;
    }

    /** Polls the platform until it holds more than {@code before} observations (this life sends). */
    private static void awaitDelivery(StandInPlatform platform, long before, CrashGateway gateway) throws Exception {
        long deadline = System.currentTimeMillis() + FIRST_SEND_LIMIT.toMillis();
        while (platform.observationCount() <= before) {
            if (!gateway.alive() || System.currentTimeMillis() > deadline) {
                throw new AssertionError("the gateway delivered nothing within " + FIRST_SEND_LIMIT.toSeconds()
                        + " s of its start; " + gateway.tail());
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    /**
     * Runs a gateway without devices until the platform has received nothing for a while, stops it
     * cleanly, and reads the buffer's figures; again while a backlog is left.
     */
    private static BufferFigures drain(Path config, Path logs, StandInPlatform platform, Path bufferFile)
            throws Exception {
        long deadline = System.currentTimeMillis() + DRAIN_LIMIT.toMillis();
        for (int attempt = 1; ; attempt++) {
            Path log = logs.resolve(String.format("drain-%d.log", attempt));
            try (CrashGateway gateway = CrashGateway.start(KILLS + attempt, config, log)) {
                awaitQuiet(platform, gateway, deadline);
                CrashGateway.Life life = gateway.terminate();
                assertFalse(life.exit() == CrashGateway.KILLED, "the draining gateway stopped on SIGTERM");
            }
            BufferFigures figures = figures(bufferFile);
            if (figures.backlog() == 0) {
                return figures;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the buffer still holds " + figures.backlog() + " readings after draining for "
                        + DRAIN_LIMIT.toMinutes() + " min: " + figures + "; logs in " + logs);
            }
        }
    }

    /**
     * Polls the platform until no request has arrived for {@link #QUIET}, and at least
     * {@link #START_UP} after the gateway started (a slow start must not pass for a finished drain).
     */
    private static void awaitQuiet(StandInPlatform platform, CrashGateway gateway, long deadline) throws Exception {
        long earliest = System.currentTimeMillis() + START_UP.toMillis();
        while (true) {
            long lastArrival = platform.batches().stream().mapToLong(BatchRecord::received).max().orElse(0);
            if (System.currentTimeMillis() >= Math.max(earliest, lastArrival + QUIET.toMillis())) {
                return;
            }
            if (!gateway.alive()) {
                throw new AssertionError("the draining gateway ended by itself; " + gateway.tail());
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the platform kept receiving for " + DRAIN_LIMIT.toMinutes() + " min; "
                        + gateway.tail());
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
    }

    /**
     * Loads every class of the api, buffer and platform jars now: the test runs for minutes, and a
     * rebuild of an upstream module meanwhile replaces its jar under the running JVM.
     */
    private static void loadCheckingClasses() throws IOException, ClassNotFoundException {
        for (Class<?> anchor : List.of(BufferFigures.class, SqliteBuffer.class, StandInPlatform.class)) {
            Path jar = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().getPath());
            if (!Files.isRegularFile(jar)) {
                continue;   // classes from a folder, nothing to replace
            }
            try (JarFile file = new JarFile(jar.toFile())) {
                for (String name : file.stream().map(JarEntry::getName)
                        .filter(n -> n.endsWith(".class") && !n.endsWith("module-info.class")).toList()) {
                    Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false, anchor.getClassLoader());
                }
            }
        }
    }

    private static BufferFigures figures(Path bufferFile) {
        try (SqliteBuffer buffer = SqliteBuffer.open(BufferConfig.of(bufferFile))) {
            return buffer.figures();
        }
    }

    private static List<StoredObservation> observations(StandInPlatform platform) {
        List<CatalogSensor> catalog = platform.catalog(PROVIDER);
        assertFalse(catalog.isEmpty(), "the gateway registered its sensors");
        List<StoredObservation> all = new ArrayList<>();
        catalog.forEach(sensor -> all.addAll(platform.observations(PROVIDER, sensor.sensor())));
        return all;
    }

    /**
     * What each life read: how many readings, and the time of its first. Every reading's time must
     * fall within the life of one process.
     */
    private record LifeReadings(long[] counts, long[] first) {
        long livesThatStored() {
            return Arrays.stream(counts).filter(n -> n > 0).count();
        }

        /** Milliseconds from a process's start to its first reading: min, median, max. */
        String startUp(List<CrashGateway.Life> lives) {
            long[] ms = IntStream.range(0, counts.length).filter(i -> counts[i] > 0)
                    .mapToLong(i -> first[i] - lives.get(i).started()).sorted().toArray();
            return ms.length == 0 ? "none" : ms[0] + "/" + ms[ms.length / 2] + "/" + ms[ms.length - 1] + " ms";
        }

        static LifeReadings of(List<CrashGateway.Life> lives, List<Long> times) {
            LifeReadings readings = new LifeReadings(new long[lives.size()], new long[lives.size()]);
            List<Long> outside = new ArrayList<>();
            for (long time : times) {
                int life = 0;
                while (life < lives.size() && !lives.get(life).contains(time, CLOCK_MARGIN_MS)) {
                    life++;
                }
                if (life == lives.size()) {
                    outside.add(time);
                } else if (readings.counts[life]++ == 0) {
                    readings.first[life] = time;
                }
            }
            assertTrue(outside.isEmpty(), outside.size() + " readings are timed outside every polling life, e.g. "
                    + outside.subList(0, Math.min(5, outside.size())));
            return readings;
        }
    }

    private static void writeToken(Path file) throws IOException {
        Files.writeString(file, TOKEN + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    /** A gateway.yaml; {@code meterPort} 0 for one without devices. */
    private static Path writeConfig(Path file, String platformUrl, int meterPort) throws IOException {
        StringBuilder yaml = new StringBuilder()
                .append("tenant: crash-town\n")
                .append("gateway: crash-gw\n")
                .append("buffer:\n  path: data/buffer.db\n")
                .append("sentilo:\n  url: ").append(platformUrl).append("\n  provider: ").append(PROVIDER)
                .append("\n  tokenFile: sentilo.token\n")
                // Small batches: many sends per second, so kills often fall between a send and its ack.
                .append("sync:\n  batch.readings: 5\n  backoff.initial.ms: 200\n  backoff.max.ms: 2000\n");
        if (meterPort != 0) {
            // One cycle per second at most: Sentilo timestamps have seconds resolution (see CrashLedger).
            yaml.append("devices:\n")
                    .append(device("sdm630-1", "eastron-sdm630", meterPort, 1))
                    .append(device("sdm120-2", "eastron-sdm120", meterPort, 2));
        }
        return Files.writeString(file, yaml);
    }

    private static String device(String id, String profile, int port, int unit) {
        return "  - id: " + id + "\n    profile: " + profile + "\n    endpoint: modbus-tcp://127.0.0.1:" + port
                + "?unit=" + unit + "\n    interval: 1s\n";
    }
}
