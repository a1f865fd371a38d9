package cat.smartregion.gateway.core.internal.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.Quality;
import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.device.DeviceConfig;
import cat.smartregion.gateway.api.device.GatewayIdentity;
import cat.smartregion.gateway.api.device.ReadResult;
import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.api.driver.RawValue;
import cat.smartregion.gateway.api.profile.PointSpec;
import cat.smartregion.gateway.core.internal.profile.ModbusAddressAccess;
import cat.smartregion.gateway.core.internal.profile.ProfileLibraryImpl;
import cat.smartregion.gateway.simulator.devices.MeterModel;
import cat.smartregion.gateway.simulator.devices.MeterServer;
import cat.smartregion.gateway.simulator.devices.SimulatedMeter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one-off reader against a simulated SDM630 and SDM120 over real Modbus TCP on loopback. */
class DeviceReaderImplTest {

    private static final Instant START = Instant.parse("2026-11-27T08:00:00Z");
    private static final GatewayIdentity IDENTITY = new GatewayIdentity("sant-cugat", "gw-01");

    private final SimulatedMeter sdm630 = SimulatedMeter.of(MeterModel.SDM630, 7, START);
    private final SimulatedMeter sdm120 = SimulatedMeter.of(MeterModel.SDM120, 8, START);
    private final ProfileLibraryImpl profiles = new ProfileLibraryImpl(RealPeers.PROFILES);
    private MeterServer server;
    private DeviceReaderImpl reader;

    @BeforeEach
    void start() throws Exception {
        sdm630.tick(START.plusSeconds(10));
        sdm120.tick(START.plusSeconds(10));
        server = MeterServer.start(InetAddress.getLoopbackAddress(), 0, Duration.ZERO).add(1, sdm630).add(2, sdm120);
        reader = new DeviceReaderImpl(profiles, IDENTITY, Clock.fixed(START.plusSeconds(10), ZoneOffset.UTC));
        reader.addDriver(RealPeers.modbusDriver());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private DeviceConfig device(String id, String profile, int unit) {
        return new DeviceConfig(id, profile, URI.create("modbus-tcp://127.0.0.1:" + server.port() + "?unit=" + unit),
                Duration.ofSeconds(5));
    }

    @Test
    void readsEveryPointOfTheSdm630() {
        assertReadsEveryPoint(reader.read(device("meter-1", "eastron-sdm630", 1)), "eastron-sdm630", sdm630);
    }

    @Test
    void readsEveryPointOfTheSdm120() {
        assertReadsEveryPoint(reader.read(device("meter-2", "eastron-sdm120", 2)), "eastron-sdm120", sdm120);
    }

    private void assertReadsEveryPoint(ReadResult result, String profile, SimulatedMeter meter) {
        assertEquals(java.util.List.of(), result.failures());
        Map<String, Reading> byPoint = result.readings().stream()
                .collect(Collectors.toMap(Reading::point, Function.identity()));
        for (PointSpec spec : profiles.load(profile).points()) {
            Reading reading = byPoint.get(spec.name());
            float deviceValue = meter.value(ModbusAddressAccess.register(spec.address()));
            double factor = spec.unit().equals("kWh") ? 1000 : 1;
            double value = ((cat.smartregion.gateway.api.Value.Number) reading.value()).value();
            // A float32 arrives in its shortest decimal form, then converted to the canonical unit.
            assertEquals(deviceValue, (float) (value / factor), spec.name());
            double expected = value;
            assertEquals(spec.unit().equals("kWh") ? "Wh" : spec.unit(), reading.unit(), spec.name());
            assertEquals(Quality.GOOD, reading.quality(), spec.name() + " = " + expected);
            assertEquals(START.plusSeconds(10).toEpochMilli(), reading.time());
            assertEquals("sant-cugat", reading.tenant());
            assertEquals("gw-01", reading.gateway());
            assertEquals(spec.quantity(), reading.quantity());
            assertEquals(0, reading.seq());
        }
        assertEquals(profiles.load(profile).points().size(), result.readings().size());
    }

    @Test
    void aDeadEndpointMakesEveryPointUnreachable() throws Exception {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = socket.getLocalPort();
        }
        DeviceConfig dead = new DeviceConfig("meter-9", "eastron-sdm120",
                URI.create("modbus-tcp://127.0.0.1:" + deadPort + "?unit=1"), Duration.ofSeconds(5));
        ReadResult result = reader.read(dead);
        assertEquals(0, result.readings().size());
        assertEquals(10, result.failures().size());
        for (RawValue failure : result.failures()) {
            assertEquals(PointStatus.UNREACHABLE, failure.status());
            assertTrue(failure.detail().contains(String.valueOf(deadPort)), failure.detail());
        }
    }

    @Test
    void anUnknownUnitIdIsAFailurePerPointNotAnException() {
        ReadResult result = reader.read(device("meter-3", "eastron-sdm120", 9));
        assertEquals(0, result.readings().size());
        assertTrue(result.failures().stream().allMatch(f -> f.status() != PointStatus.OK));
    }

    @Test
    void noDriverForTheSchemeNamesIt() {
        DeviceConfig coap = new DeviceConfig("aq-1", "eastron-sdm120", URI.create("coap://127.0.0.1/sensors/aq"),
                Duration.ofSeconds(5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> reader.read(coap));
        assertTrue(e.getMessage().contains("'coap'"), e.getMessage());
    }

    @Test
    void aDeviceThatPushesCannotBeReadOnDemand() {
        DeviceConfig pushing = new DeviceConfig("aq-7", "generic-senml", URI.create("coap-push:sensor-7?keyFile=/k"),
                Duration.ofSeconds(60));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> reader.read(pushing));
        assertTrue(e.getMessage().contains("aq-7 pushes its values"), e.getMessage());
    }
}
