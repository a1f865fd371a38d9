package cat.smartregion.gateway.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.buffer.Buffer;
import cat.smartregion.gateway.api.device.DeviceStatus;
import cat.smartregion.gateway.api.profile.DeviceProfile;
import cat.smartregion.gateway.api.profile.PointSpec;
import cat.smartregion.gateway.api.profile.ProfileLibrary;
import cat.smartregion.gateway.simulator.devices.MeterServer;
import cat.smartregion.gateway.simulator.devices.MeterSnapshot;
import cat.smartregion.gateway.simulator.devices.SimulatedMeter;
import cat.smartregion.gateway.simulator.platform.BatchRecord;
import cat.smartregion.gateway.simulator.platform.CatalogSensor;
import cat.smartregion.gateway.simulator.platform.StandInPlatform;
import cat.smartregion.gateway.simulator.platform.StoredObservation;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

/**
 * A simulated SDM630 → the gateway's bundles in the real Felix runtime, wired by SCR and
 * configured through Config Admin → the stand-in Sentilo platform. The platform must hold
 * exactly the simulator's values, and every sequence number must arrive once.
 */
class EndToEndIT {

    private static final String PROVIDER = "e2e";
    private static final String TOKEN = "e2e-token-0123456789abcdef";

    @TempDir
    Path work;

    @Test
    void thePlatformHoldsTheSimulatorsValuesAndEverySequenceNumberOnce() throws Exception {
        Instant start = Instant.parse("2026-11-27T08:00:00Z");
        SimulatedMeter meter = SimulatedMeter.of(cat.smartregion.gateway.simulator.devices.MeterModel.SDM630, 42, start);
        List<MeterSnapshot> served = new ArrayList<>(List.of(meter.snapshot()));
        try (MeterServer meters = MeterServer.start(InetAddress.getLoopbackAddress(), 0, Duration.ZERO).add(1, meter);
             StandInPlatform platform = StandInPlatform.start(work.resolve("platform.db"), 0).addProvider(PROVIDER, TOKEN);
             GatewayRuntime runtime = GatewayRuntime.start(GatewayProcess.DIST.resolve("bundles"), work.resolve("felix"))) {

            for (Bundle bundle : runtime.context().getBundles()) {
                boolean fragment = bundle.getHeaders().get("Fragment-Host") != null;
                assertEquals(fragment ? Bundle.RESOLVED : Bundle.ACTIVE, bundle.getState(), bundle.getSymbolicName());
            }
            runtime.configure(GatewayRuntime.PID_IDENTITY, Map.of("tenant", "town", "gateway", "gw1"));
            runtime.configure(GatewayRuntime.PID_PROFILES, Map.of("directory", GatewayProcess.DIST.resolve("profiles").toString()));
            runtime.configure(GatewayRuntime.PID_BUFFER, Map.of("path", work.resolve("buffer.db").toString()));
            runtime.configure(GatewayRuntime.PID_SENTILO, Map.of("url", platform.baseUrl(), "provider", PROVIDER, ".token", TOKEN));
            String device = runtime.configureFactory(GatewayRuntime.FACTORY_PID_DEVICE, "meter", Map.of(
                    "id", "meter", "profile", "eastron-sdm630",
                    "endpoint", "modbus-tcp://127.0.0.1:" + meters.port() + "?unit=1", "interval.ms", 500L));
            DeviceProfile profile = runtime.service(ProfileLibrary.class, Duration.ofSeconds(20)).load("eastron-sdm630");
            Buffer buffer = runtime.service(Buffer.class, Duration.ofSeconds(20));
            DeviceStatus status = runtime.service(DeviceStatus.class, Duration.ofSeconds(20));

            for (int tick = 1; tick <= 3; tick++) {
                meter.tick(start.plusSeconds(tick * 60L));
                MeterSnapshot now = meter.snapshot();
                served.add(now);
                float voltage = now.value(0x0000);
                await("the platform holds the voltage " + voltage + " of tick " + tick, () ->
                        platform.observations(PROVIDER, "meter_phaseVoltageL1").stream()
                                .anyMatch(o -> Float.parseFloat(o.value()) == voltage));
            }
            runtime.deleteConfiguration(device);
            await("the device has stopped", status::stopped);
            await("the backlog is delivered", () -> buffer.figures().backlog() == 0);

            List<CatalogSensor> catalog = platform.catalog(PROVIDER);
            assertEquals(profile.points().size(), catalog.size(), "every point registered: " + catalog);
            long observations = 0;
            for (PointSpec point : profile.points()) {
                int register = Integer.decode(point.address().substring(point.address().indexOf(':') + 1));
                double factor = point.unit().equals("kWh") ? 1000 : 1;
                List<StoredObservation> held = platform.observations(PROVIDER, "meter_" + point.name());
                assertFalse(held.isEmpty(), point.name() + " reached the platform");
                for (StoredObservation o : held) {
                    double value = Double.parseDouble(o.value());
                    // The gateway sends a float32 in its shortest decimal form, converted to the canonical unit.
                    assertTrue(served.stream().anyMatch(s -> s.value(register) == (float) (value / factor)),
                            point.name() + " = " + o.value() + " was served by the simulator");
                }
                observations += held.size();
            }

            long lastSeq = buffer.figures().lastSeq();
            assertEquals(lastSeq, buffer.figures().stored());
            assertEquals(lastSeq, buffer.figures().delivered());
            assertEquals(lastSeq, observations, "one observation per reading");
            assertEquals(0, status.failed(), status.lastError());
            assertEquals(profile.points().size(), status.lastReadings().size(), "the newest reading of every point");
            assertEachSequenceNumberOnce(platform.batches(), lastSeq);
        }
    }

    private static void assertEachSequenceNumberOnce(List<BatchRecord> batches, long lastSeq) {
        List<BatchRecord> sorted = new ArrayList<>(batches);
        sorted.sort(Comparator.comparingLong(BatchRecord::firstSeq));
        long next = 1;
        for (BatchRecord batch : sorted) {
            assertTrue(batch.delivered(), "accepted: " + batch);
            assertEquals(next, batch.firstSeq(), "batches follow each other without gap or overlap: " + sorted);
            assertEquals(batch.lastSeq() - batch.firstSeq() + 1, batch.observations(), "one observation per seq: " + batch);
            next = batch.lastSeq() + 1;
        }
        assertEquals(lastSeq + 1, next, "the last sequence number arrived");
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting until " + what);
            }
            java.util.concurrent.TimeUnit.MILLISECONDS.sleep(50);
        }
    }
}
