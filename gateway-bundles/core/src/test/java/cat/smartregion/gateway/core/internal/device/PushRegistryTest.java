package cat.smartregion.gateway.core.internal.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.Priority;
import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.Value;
import cat.smartregion.gateway.api.device.DeviceConfig;
import cat.smartregion.gateway.api.device.GatewayIdentity;
import cat.smartregion.gateway.api.push.PushRefused;
import cat.smartregion.gateway.api.push.PushRefused.Reason;
import cat.smartregion.gateway.api.push.PushedRecord;
import cat.smartregion.gateway.buffer.internal.BufferConfig;
import cat.smartregion.gateway.buffer.internal.SqliteBuffer;
import cat.smartregion.gateway.core.internal.profile.ProfileLibraryImpl;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Devices that push, into a real SQLite buffer: the generic-senml profile and a profile that names its records. */
class PushRegistryTest {

    private static final GatewayIdentity IDENTITY = new GatewayIdentity("sant-cugat", "gw-01");
    private static final long T = 1_790_000_000_000L;
    private static final String BN = "urn:dev:mac:0024befffe804ff1:";

    @TempDir
    Path dir;
    private final ProfileLibraryImpl profiles = new ProfileLibraryImpl(RealPeers.PROFILES);
    private final PushRegistry registry = new PushRegistry();
    private final List<DevicePoller> devices = new ArrayList<>();
    private SqliteBuffer buffer;

    @BeforeEach
    void open() {
        buffer = SqliteBuffer.open(BufferConfig.of(dir.resolve("buffer.db")));
    }

    @AfterEach
    void close() {
        devices.forEach(DevicePoller::stop);
        buffer.close();
    }

    private DevicePoller device(String id, String profile, String endpoint) {
        DevicePoller poller = new DevicePoller(new DeviceConfig(id, profile, URI.create(endpoint), Duration.ofSeconds(60),
                Map.of("location", "41.39 2.17")),
                Map.of(), IDENTITY, profiles, buffer, Clock.systemUTC(), null, List.of(), registry);
        devices.add(poller);
        return poller;
    }

    private List<Reading> stored() {
        return buffer.claim(1000, 1 << 20).readings();
    }

    @Test
    void genericSenmlStoresEveryRecordInItsCanonicalUnit() throws PushRefused {
        DevicePoller sensor = device("aq-7", "generic-senml", "coap-push:sensor-7?keyFile=/etc/keys/sensor-7.psk");
        DeviceConfig config = registry.device("coap-push", "sensor-7").orElseThrow();
        assertEquals("aq-7", config.id());
        assertEquals(Map.of("keyFile", "/etc/keys/sensor-7.psk"), config.endpointParams());

        int stored = registry.accept("coap-push", "sensor-7", List.of(
                new PushedRecord(BN, "temperature", "Cel", "21.5", T),
                new PushedRecord(BN, "humidity", "%RH", "48", T),
                new PushedRecord(BN, "pm10", "ug/m3", "12.5", T),
                new PushedRecord(BN, "power", "kW", "1.25", T + 1000),
                new PushedRecord(BN, "co2", "ppm", "415", T),
                new PushedRecord(BN, "wind", "m/s", "3.5", T),
                new PushedRecord(BN, "firmware", "", "v1.2.3", T)));

        assertEquals(6, stored, "the firmware string carries no number: left out");
        List<Reading> readings = stored();
        assertEquals(List.of("temperature", "humidity", "pm10", "co2", "wind", "power"),
                readings.stream().map(Reading::point).toList());
        assertEquals(List.of("temperature", "relativeHumidity", "massConcentration", "gasConcentration", "speed", "activePower"),
                readings.stream().map(Reading::quantity).toList(), "units several quantities share go to the usual one");
        assertEquals(List.of("Cel", "%RH", "kg/m3", "/", "m/s", "W"), readings.stream().map(Reading::unit).toList());
        assertEquals(21.5, ((Value.Number) readings.get(0).value()).value());
        assertEquals(12.5e-9, ((Value.Number) readings.get(2).value()).value(), 1e-18);
        assertEquals(415e-6, ((Value.Number) readings.get(3).value()).value(), 1e-12);
        assertEquals(1250.0, ((Value.Number) readings.get(5).value()).value(), 1e-9);
        assertEquals(List.of(T, T, T, T, T, T + 1000), readings.stream().map(Reading::time).toList());
        assertTrue(readings.stream().allMatch(r -> r.device().equals("aq-7") && r.priority() == Priority.SAMPLE));
        assertEquals(6, sensor.stored());
        assertEquals(6, sensor.lastReadings().size());
    }

    @Test
    void recordsOfSeveralBaseNamesKeepTheirFullNames() throws PushRefused {
        device("hub", "generic-senml", "coap-push:hub-1?keyFile=/k");
        registry.accept("coap-push", "hub-1", List.of(new PushedRecord("room-a:", "temp", "Cel", "20", T),
                new PushedRecord("room-b:", "temp", "Cel", "22", T)));
        assertEquals(List.of("room-a:temp", "room-b:temp"), stored().stream().map(Reading::point).toList());
    }

    @Test
    void aMessageWithOneMalformedRecordStoresNothing() {
        DevicePoller sensor = device("aq-7", "generic-senml", "coap-push:sensor-7?keyFile=/k");
        PushRefused refused = assertThrows(PushRefused.class, () -> registry.accept("coap-push", "sensor-7",
                List.of(new PushedRecord(BN, "temperature", "Cel", "21.5", T), new PushedRecord("", "bad name!", "Cel", "21.5", T))));
        assertEquals(Reason.BAD_CONTENT, refused.reason());
        assertTrue(refused.getMessage().contains("SenML name"), refused.getMessage());
        assertEquals(List.of(), stored());
        assertEquals(1, sensor.failed());
        assertTrue(sensor.lastError().contains("SenML name"), sensor.lastError());
    }

    @Test
    void recordsWhoseUnitSaysNoQuantityAreLeftOutAndSaidTheOthersStored() throws PushRefused {
        DevicePoller sensor = device("aq-7", "generic-senml", "coap-push:sensor-7?keyFile=/k");
        assertEquals(1, registry.accept("coap-push", "sensor-7", List.of(new PushedRecord(BN, "temperature", "Cel", "21.5", T),
                new PushedRecord(BN, "x", "furlong", "3", T), new PushedRecord(BN, "count", "", "3", T))));
        assertEquals(List.of("temperature"), stored().stream().map(Reading::point).toList());
        assertEquals(0, sensor.failed());
        assertTrue(sensor.lastError().contains("aq-7") && sensor.lastError().contains("furlong")
                && sensor.lastError().contains("and 1 more") && sensor.lastError().contains("left out"), sensor.lastError());
    }

    @Test
    void aProfileThatNamesItsRecordsTakesThoseOnlyAndChecksTheirUnits() throws PushRefused {
        device("aq-2", "senml-air-quality-coap", "coap-push:node-2?keyFile=/k");
        assertEquals(2, registry.accept("coap-push", "node-2", List.of(new PushedRecord("node-2:", "pm10", "ug/m3", "30", T),
                new PushedRecord("node-2:", "humidity", "%RH", "55", T), new PushedRecord("node-2:", "noise", "dB", "60", T))));
        assertEquals(List.of("pm10", "relativeHumidity"), stored().stream().map(Reading::point).toList());

        PushRefused refused = assertThrows(PushRefused.class, () -> registry.accept("coap-push", "node-2",
                List.of(new PushedRecord("", "pm25", "mg/m3", "0.03", T))));
        assertEquals(Reason.BAD_CONTENT, refused.reason());
        assertTrue(refused.getMessage().contains("expects 'ug/m3'"), refused.getMessage());
    }

    @Test
    void unknownIdentitiesBusyIdentitiesAndAFailingBufferAreRefused() throws PushRefused {
        DevicePoller sensor = device("aq-7", "generic-senml", "coap-push:sensor-7?keyFile=/k");
        assertEquals(Reason.UNKNOWN_DEVICE, assertThrows(PushRefused.class, () -> registry.accept("coap-push", "sensor-8",
                List.of(new PushedRecord("", "t", "Cel", "1", T)))).reason());
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> device("aq-8", "generic-senml", "coap-push:sensor-7?keyFile=/k2"));
        assertTrue(twice.getMessage().contains("aq-7 already pushes as coap-push:sensor-7"), twice.getMessage());
        assertThrows(IllegalArgumentException.class, () -> device("aq-9", "generic-senml", "coap-push:?keyFile=/k"));

        buffer.close();
        assertEquals(Reason.UNAVAILABLE, assertThrows(PushRefused.class, () -> registry.accept("coap-push", "sensor-7",
                List.of(new PushedRecord("", "t", "Cel", "1", T)))).reason());

        sensor.stop();
        devices.remove(sensor);
        assertTrue(sensor.stopped());
        assertTrue(registry.device("coap-push", "sensor-7").isEmpty(), "a stopped device no longer pushes");
    }

    @Test
    void recordsThatWouldMixUnitsSourcesOrClocksAreRefused() {
        device("aq-7", "generic-senml", "coap-push:sensor-7?keyFile=/k");
        device("aq-2", "senml-air-quality-coap", "coap-push:node-2?keyFile=/k");
        String twoUnits = refusal("sensor-7", List.of(new PushedRecord(BN, "t", "Cel", "20", T - 60_000),
                new PushedRecord(BN, "t", "K", "293", T)));
        assertTrue(twoUnits.contains("is in 'K', an earlier record of the name in 'Cel'"), twoUnits);
        String twoSources = refusal("node-2", List.of(new PushedRecord("room-a:", "pm10", "ug/m3", "20", T),
                new PushedRecord("room-b:", "pm10", "ug/m3", "30", T)));
        assertTrue(twoSources.contains("both give point pm10 at the same time"), twoSources);
        String milliseconds = refusal("sensor-7", List.of(new PushedRecord(BN, "t", "Cel", "20", T * 1000)));
        assertTrue(milliseconds.contains("more than a day ahead"), milliseconds);
        assertEquals(List.of(), stored());
    }

    @Test
    void aMessageSentAgainIsNotStoredTwice() throws PushRefused {
        DevicePoller sensor = device("aq-7", "generic-senml", "coap-push:sensor-7?keyFile=/k");
        List<PushedRecord> message = List.of(new PushedRecord(BN, "t", "Cel", "20", T), new PushedRecord(BN, "h", "%RH", "50", T));
        assertEquals(2, registry.accept("coap-push", "sensor-7", message));
        assertEquals(0, registry.accept("coap-push", "sensor-7", message), "the same readings again (a lost 2.04)");
        assertEquals(1, registry.accept("coap-push", "sensor-7", List.of(new PushedRecord(BN, "t", "Cel", "21", T + 1000))));
        assertEquals(3, stored().size());
        assertEquals(3, sensor.stored());
    }

    @Test
    void aPushingDeviceWithAModbusProfileOrAnUnknownParameterSaysSoWhenItJoins() {
        DevicePoller meter = device("m-1", "eastron-sdm120", "coap-push:m-1?keyFile=/k");
        assertTrue(meter.lastError().contains("is for protocol modbus"), meter.lastError());
        PushRefused refused = assertThrows(PushRefused.class, () -> registry.accept("coap-push", "m-1",
                List.of(new PushedRecord("", "voltage", "V", "230", T))));
        assertEquals(Reason.UNAVAILABLE, refused.reason());

        DevicePoller typo = new DevicePoller(new DeviceConfig("aq-9", "generic-senml", URI.create("coap-push:aq-9?keyFile=/k"),
                Duration.ofSeconds(60), Map.of("ctRatoi", "40")), Map.of(), IDENTITY, profiles, buffer, Clock.systemUTC(), null,
                List.of(), registry);
        devices.add(typo);
        assertTrue(typo.lastError().contains("ctRatoi"), typo.lastError());
    }

    private String refusal(String identity, List<PushedRecord> records) {
        PushRefused refused = assertThrows(PushRefused.class, () -> registry.accept("coap-push", identity, records));
        assertEquals(Reason.BAD_CONTENT, refused.reason());
        return refused.getMessage();
    }
}
