package cat.smartregion.gateway.core.internal.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.buffer.Batch;
import cat.smartregion.gateway.api.device.DeviceConfig;
import cat.smartregion.gateway.api.device.GatewayIdentity;
import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.buffer.internal.BufferConfig;
import cat.smartregion.gateway.buffer.internal.SqliteBuffer;
import cat.smartregion.gateway.core.internal.profile.ProfileLibraryImpl;
import cat.smartregion.gateway.simulator.devices.MeterModel;
import cat.smartregion.gateway.simulator.devices.MeterServer;
import cat.smartregion.gateway.simulator.devices.SimulatedMeter;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A poller against a simulated SDM120 over Modbus TCP on loopback, storing into a real SQLite buffer. */
class DevicePollerTest {

    private static final GatewayIdentity IDENTITY = new GatewayIdentity("sant-cugat", "gw-01");
    private static final Duration INTERVAL = Duration.ofMillis(100);
    private static final int POINTS = 10;

    @TempDir
    Path dir;
    private final SimulatedMeter meter = SimulatedMeter.of(MeterModel.SDM120, 3, Instant.now());
    private final ProfileLibraryImpl profiles = new ProfileLibraryImpl(RealPeers.PROFILES);
    private MeterServer server;
    private SqliteBuffer buffer;
    private DevicePoller poller;

    @BeforeEach
    void start() throws Exception {
        server = MeterServer.start(InetAddress.getLoopbackAddress(), 0, Duration.ZERO).add(1, meter);
        buffer = SqliteBuffer.open(BufferConfig.of(dir.resolve("buffer.db")));
    }

    @AfterEach
    void stop() {
        if (poller != null) {
            poller.stop();
        }
        server.close();
        buffer.close();
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("poller-")),
                "poller threads stopped");
    }

    private DevicePoller poll(int port) throws ReflectiveOperationException {
        DeviceConfig device = new DeviceConfig("meter-1", "eastron-sdm120",
                URI.create("modbus-tcp://127.0.0.1:" + port + "?unit=1&timeout=500"), INTERVAL);
        return new DevicePoller(device, Map.of(), IDENTITY, profiles, buffer, Clock.systemUTC(), null,
                List.of(RealPeers.modbusDriver()));
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }

    @Test
    void storesEachCycleAlignedToTheInterval() throws Exception {
        poller = poll(server.port());
        await("three cycles stored", () -> poller.stored() >= 3 * POINTS);
        assertEquals("", poller.lastError());
        assertEquals(0, poller.failed());
        Batch batch = buffer.claim(1000, 1 << 20);
        List<Reading> readings = batch.readings();
        for (int cycle = 0; cycle + POINTS <= readings.size(); cycle += POINTS) {
            long time = readings.get(cycle).time();
            assertEquals(0, time % INTERVAL.toMillis(), "cycle time on a multiple of the interval");
            for (Reading r : readings.subList(cycle, cycle + POINTS)) {
                assertEquals(time, r.time(), "one cycle, one time");
                assertEquals("meter-1", r.device());
            }
        }
        assertTrue(readings.get(POINTS).time() > readings.get(0).time());
        buffer.release(batch);
    }

    @Test
    void storesNothingOnceStopped() throws Exception {
        poller = poll(server.port());
        await("a cycle stored", () -> poller.stored() >= POINTS);
        assertFalse(poller.stopped());
        poller.stop();
        assertTrue(poller.stopped());
        long stored = buffer.figures().stored();
        assertEquals(poller.stored(), stored, "every reading counted by the poller is in the buffer");
        Thread.sleep(3 * INTERVAL.toMillis());
        assertEquals(stored, buffer.figures().stored(), "nothing stored after stop()");
    }

    @Test
    void reconnectsWhenTheDeviceComesBack() throws Exception {
        poller = poll(server.port());
        await("first cycle", () -> poller.polled() >= POINTS);
        int port = server.port();
        server.close();
        await("unreachable", () -> poller.failures(PointStatus.UNREACHABLE) >= POINTS);
        long failedWhileDown = poller.failed();
        assertTrue(failedWhileDown >= POINTS);
        long polledBefore = poller.polled();
        server = MeterServer.start(InetAddress.getLoopbackAddress(), port, Duration.ZERO).add(1, meter);
        await("polling again", () -> poller.polled() >= polledBefore + 2 * POINTS);
        long polled = poller.polled();
        assertTrue(poller.stored() >= polled - POINTS, "readings stored once the device is back");
    }

    @Test
    void aDeadDeviceNeverKillsTheLoop() throws Exception {
        int port = server.port();
        server.close();
        poller = poll(port);
        await("two failed attempts", () -> poller.failed() >= 2 * POINTS);
        assertEquals(0, poller.polled());
        assertTrue(poller.lastError().startsWith("meter-1"), poller.lastError());
        assertTrue(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("poller-modbus-tcp://127.0.0.1:" + port)));
        server = MeterServer.start(InetAddress.getLoopbackAddress(), 0, Duration.ZERO);
    }
}
