package cat.smartregion.gateway.core.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.Priority;
import cat.smartregion.gateway.api.Quality;
import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.Value;
import cat.smartregion.gateway.api.uplink.DeliveryStatus;
import cat.smartregion.gateway.buffer.internal.BufferConfig;
import cat.smartregion.gateway.buffer.internal.SqliteBuffer;
import cat.smartregion.gateway.sentilo.internal.SentiloUplink;
import cat.smartregion.gateway.sentilo.internal.UplinkSettings;
import cat.smartregion.gateway.simulator.platform.StandInPlatform;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent between a real SQLite buffer and the real Sentilo uplink talking to the stand-in platform. */
class SyncAgentTest {

    private static final String PROVIDER = "sant-cugat-gw-01";
    private static final String TOKEN = "token-1";
    private static final long T0 = Instant.parse("2026-11-27T08:00:00Z").toEpochMilli();
    private static final SyncSettings SMALL_BATCHES =
            new SyncSettings(50, 262144, Duration.ofMillis(20), Duration.ofMillis(200));

    @TempDir
    Path dir;
    private StandInPlatform platform;
    private SqliteBuffer buffer;
    private SyncAgent agent;

    @BeforeEach
    void start() throws Exception {
        platform = StandInPlatform.start(dir.resolve("platform.db"), 0).addProvider(PROVIDER, TOKEN);
        buffer = SqliteBuffer.open(BufferConfig.of(dir.resolve("buffer.db")));
    }

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.stop();
        }
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("sync-agent")),
                "sync thread stopped");
        buffer.close();
        platform.close();
    }

    private SentiloUplink uplink() {
        return new SentiloUplink(UplinkSettings.of(URI.create(platform.baseUrl() + "/"), PROVIDER, TOKEN));
    }

    /** {@code seconds} cycles of 5 voltage points, one second apart. */
    private void storeCycles(int seconds) {
        for (int s = 0; s < seconds; s++) {
            List<Reading> cycle = new ArrayList<>();
            for (int p = 1; p <= 5; p++) {
                cycle.add(new Reading("sant-cugat", "gw-01", "meter-1", "phaseVoltageL" + p, "voltage",
                        Value.of(230 + s * 0.1), "V", T0 + s * 1000L, Quality.GOOD, Priority.SAMPLE, 0));
            }
            buffer.append(cycle);
        }
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }

    @Test
    void deliversTheBacklogInBatchesAndEmptiesTheBuffer() {
        storeCycles(40);
        agent = new SyncAgent(buffer, uplink(), SMALL_BATCHES);
        DeliveryStatus.Snapshot first = agent.snapshot();
        assertTrue(first.state() == DeliveryStatus.State.WAITING || first.lastDelivered() > 0, first.toString());
        await("backlog delivered", () -> buffer.figures().backlog() == 0);
        assertEquals(200, platform.observationCount());
        assertEquals(200, buffer.figures().delivered());
        assertTrue(platform.batches().size() >= 4, "batches of at most 50: " + platform.batches().size());
    }

    @Test
    void retriesWhileThePlatformIsNotReadyAndLosesNothing() {
        storeCycles(2);
        agent = new SyncAgent(buffer, uplink(), SMALL_BATCHES);
        await("first cycles delivered", () -> buffer.figures().backlog() == 0);
        platform.notReady(true);
        storeCycles(10);
        await("two refused attempts", () -> platform.batches().stream().filter(b -> b.status() == 503).count() >= 2);
        assertEquals(10, platform.observationCount());
        DeliveryStatus.Snapshot retrying = agent.snapshot();
        assertEquals(DeliveryStatus.State.RETRYING, retrying.state(), retrying.toString());
        assertTrue(retrying.lastProblem().contains("503"), retrying.lastProblem());
        assertTrue(retrying.lastDelivered() > 0, "the first cycles were delivered");
        platform.notReady(false);
        await("backlog delivered", () -> buffer.figures().backlog() == 0);
        assertEquals(60, platform.observationCount());
        assertEquals(0, buffer.figures().deadLettered());
        await("delivering again", () -> agent.snapshot().state() == DeliveryStatus.State.DELIVERING);
        DeliveryStatus.Snapshot delivering = agent.snapshot();
        assertTrue(delivering.since() >= retrying.since() && delivering.lastDelivered() > retrying.lastDelivered(),
                delivering + " after " + retrying);
    }

    @Test
    void aPoisonReadingGoesToTheDeadLettersAndTheRestIsDelivered() {
        storeCycles(3);
        buffer.append(List.of(new Reading("sant-cugat", "gw-01", "meter-1", "label", "ratio",
                Value.of("x".repeat(3000)), "/", T0 + 5000, Quality.GOOD, Priority.STATE, 0)));
        storeCycles(2);
        platform.maxPayloadBytes(2048);
        agent = new SyncAgent(buffer, uplink(), SMALL_BATCHES);
        await("backlog settled", () -> buffer.figures().backlog() == 0);
        assertEquals(1, buffer.figures().deadLettered());
        assertEquals(25, buffer.figures().delivered());
        assertEquals(25, platform.observationCount());
    }
}
