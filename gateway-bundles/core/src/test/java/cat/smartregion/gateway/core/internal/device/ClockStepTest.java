package cat.smartregion.gateway.core.internal.device;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.device.DeviceConfig;
import cat.smartregion.gateway.api.device.GatewayIdentity;
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
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A wall clock stepped back by an hour (NTP fixing a clock that ran ahead) does not silence a device for an hour. */
class ClockStepTest {

    @TempDir
    Path dir;

    /** The system clock plus an offset the test moves. */
    private static final class SteppedClock extends Clock {
        final AtomicLong offset = new AtomicLong();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public long millis() {
            return System.currentTimeMillis() + offset.get();
        }
    }

    @Test
    void pollingGoesOnAfterTheClockStepsBack() throws Exception {
        SteppedClock clock = new SteppedClock();
        LineSchedulers lines = new LineSchedulers(clock);
        try (MeterServer meters = MeterServer.start(InetAddress.getLoopbackAddress(), 0)
                .add(1, SimulatedMeter.of(MeterModel.SDM120, 1, Instant.now()));
             SqliteBuffer buffer = SqliteBuffer.open(BufferConfig.of(dir.resolve("buffer.db")))) {
            DeviceConfig device = new DeviceConfig("meter-1", "eastron-sdm120",
                    URI.create("modbus-tcp://127.0.0.1:" + meters.port() + "?unit=1"), Duration.ofMillis(300));
            DevicePoller poller = new DevicePoller(device, Map.of(), new GatewayIdentity("town", "gw"),
                    new ProfileLibraryImpl(RealPeers.PROFILES), buffer, clock, lines, List.of(RealPeers.modbusDriver()));
            try {
                await("first cycles", () -> poller.stored() >= 20);
                clock.offset.set(-Duration.ofHours(1).toMillis());
                long before = poller.stored();
                await("cycles after the step", () -> poller.stored() >= before + 20);
            } finally {
                poller.stop();
                lines.stop();
            }
        }
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith("poller-")));
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }
}
