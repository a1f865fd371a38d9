package cat.smartregion.gateway.core.internal.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.buffer.Batch;
import cat.smartregion.gateway.api.device.DeviceConfig;
import cat.smartregion.gateway.api.device.GatewayIdentity;
import cat.smartregion.gateway.api.driver.Driver;
import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.buffer.internal.BufferConfig;
import cat.smartregion.gateway.buffer.internal.SqliteBuffer;
import cat.smartregion.gateway.core.internal.profile.ProfileLibraryImpl;
import cat.smartregion.gateway.simulator.devices.Fault;
import cat.smartregion.gateway.simulator.devices.MeterModel;
import cat.smartregion.gateway.simulator.devices.ModbusSlave;
import cat.smartregion.gateway.simulator.devices.SimulatedMeter;
import cat.smartregion.gateway.simulator.devices.Wire;
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

/**
 * Two meters behind one Modbus TCP endpoint share a line: one thread, one connection, one request
 * at a time. Unit 1 shows every fault of the fault peer in turn; each time its points get the right
 * status, the loop goes on, unit 2 keeps its schedule (no cycle missed), and unit 1 comes back.
 */
class SharedLineTest {

    private static final GatewayIdentity IDENTITY = new GatewayIdentity("sant-cugat", "gw-01");
    private static final Duration INTERVAL = Duration.ofMillis(400);
    private static final int POINTS = 10;

    @TempDir
    Path dir;
    private final ProfileLibraryImpl profiles = new ProfileLibraryImpl(RealPeers.PROFILES);
    private final LineSchedulers lines = new LineSchedulers(Clock.systemUTC());
    private ModbusSlave slave;
    private SqliteBuffer buffer;
    private DevicePoller one;
    private DevicePoller two;

    @BeforeEach
    void start() throws Exception {
        slave = ModbusSlave.tcp(InetAddress.getLoopbackAddress(), 0, Wire.TCP)
                .add(1, SimulatedMeter.of(MeterModel.SDM120, 1, Instant.now()))
                .add(2, SimulatedMeter.of(MeterModel.SDM120, 2, Instant.now()));
        buffer = SqliteBuffer.open(BufferConfig.of(dir.resolve("buffer.db")));
        Driver driver = RealPeers.modbusDriver();
        one = poller("meter-1", 1, driver);
        two = poller("meter-2", 2, driver);
    }

    @AfterEach
    void stop() {
        one.stop();
        two.stop();
        lines.stop();
        slave.close();
        buffer.close();
        assertEquals(0, lines.lines());
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("poller-")), "line thread stopped");
    }

    @Test
    void everyFaultOfOneUnitLeavesTheOtherOnSchedule() {
        await("both meters polled", () -> one.polled() >= POINTS && two.polled() >= POINTS);
        assertEquals(1, lines.lines(), "one line for both meters");
        assertEquals(1, Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("poller-")).count());
        assertEquals(1, slave.connections(), "one connection for both meters");
        check(Fault.exception(4), PointStatus.EXCEPTION);
        check(Fault.wrongTransactionId(), PointStatus.BAD_FRAME);
        check(Fault.shortFrame(), PointStatus.BAD_FRAME);
        check(Fault.crcError(), PointStatus.BAD_FRAME);
        check(Fault.lateReply(Duration.ofMillis(150)), PointStatus.TIMEOUT);
        check(Fault.silence(), PointStatus.TIMEOUT);
        assertTrue(one.skippedCycles() > 0, "the breaker left the silent meter alone for some cycles");
        assertEquals(0, two.failed(), "meter 2 never failed: " + two.lastError());
        assertNoCycleMissed("meter-2");
    }

    private void check(Fault fault, PointStatus status) {
        long failedBefore = one.failures(status);
        long twoBefore = two.polled();
        slave.always(1, fault);
        await(fault + " seen as " + status, () -> one.failures(status) >= failedBefore + POINTS);
        await("meter 2 polled on", () -> two.polled() >= twoBefore + 3 * POINTS);
        slave.heal(1);
        long oneBefore = one.polled();
        await("meter 1 back after " + fault, () -> one.polled() > oneBefore);
    }

    private void assertNoCycleMissed(String device) {
        Batch batch = buffer.claim(100_000, 1 << 26);
        List<Long> times = batch.readings().stream().filter(r -> r.device().equals(device)).map(Reading::time)
                .distinct().sorted().toList();
        buffer.release(batch);
        assertTrue(times.size() > 10, times.toString());
        for (int i = 1; i < times.size(); i++) {
            assertEquals(INTERVAL.toMillis(), times.get(i) - times.get(i - 1), "cycle " + i + " of " + device + ": " + times);
        }
    }

    private DevicePoller poller(String id, int unit, Driver driver) {
        DeviceConfig device = new DeviceConfig(id, "eastron-sdm120",
                URI.create("modbus-tcp://127.0.0.1:" + slave.port() + "?unit=" + unit + "&timeout=" + timeoutMs(unit)), INTERVAL);
        return new DevicePoller(device, Map.of(), IDENTITY, profiles, buffer, Clock.systemUTC(), lines, List.of(driver));
    }

    /**
     * Unit 1, the faulty one, times out quickly; unit 2 waits longer, since its request can queue
     * behind a late reply to unit 1 on the shared connection (the slave answers in order).
     */
    private static int timeoutMs(int unit) {
        return unit == 1 ? 100 : 1000;
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }
}
