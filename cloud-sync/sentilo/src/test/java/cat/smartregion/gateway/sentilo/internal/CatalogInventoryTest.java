package cat.smartregion.gateway.sentilo.internal;

import static cat.smartregion.gateway.sentilo.internal.Inventories.PROFILES;
import static cat.smartregion.gateway.sentilo.internal.Inventories.device;
import static cat.smartregion.gateway.sentilo.internal.Readings.T0;
import static cat.smartregion.gateway.sentilo.internal.Readings.givenReadingsFrom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.buffer.Batch;
import cat.smartregion.gateway.api.uplink.SendResult;
import cat.smartregion.gateway.simulator.platform.CatalogSensor;
import cat.smartregion.gateway.simulator.platform.RequestRecord;
import cat.smartregion.gateway.simulator.platform.StandInPlatform;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog follows the device inventory: registered before any data, updated on change, idempotent. */
class CatalogInventoryTest {

    private static final String PROVIDER = "sant-cugat-gw";
    private static final String TOKEN = "provider-token-1";
    private static final String HERE = "41.4722 2.0861";

    @TempDir
    Path dir;

    private StandInPlatform platform;
    private final List<SentiloUplink> uplinks = new ArrayList<>();

    @BeforeEach
    void startPlatform() throws IOException {
        platform = StandInPlatform.start(dir.resolve("platform.db"), 0).addProvider(PROVIDER, TOKEN);
    }

    @AfterEach
    void stop() {
        uplinks.forEach(SentiloUplink::close);
        platform.close();
        assertFalse(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("sentilo-catalog")),
                "catalog thread stopped");
    }

    @Test
    void registersTheInventoryBeforeTheFirstDataWithCanonicalUnitsAndLocation() {
        SentiloUplink uplink = givenUplinkWith(device("meter-1", "test-meter", HERE));
        Await.until("the inventory in the catalog", () -> platform.catalog(PROVIDER).size() == 2);

        CatalogSensor energy = sensor("meter-1_totalActiveEnergyImport");
        assertEquals(List.of("energy", "NUMBER", "Wh", "gw1_meter-1", "generic", HERE,
                        "Imported active energy of meter-1"),
                List.of(energy.type(), energy.dataType(), energy.unit(), energy.component(), energy.componentType(),
                        energy.location(), energy.description()));

        assertInstanceOf(SendResult.Delivered.class, uplink.send(meterReadings(1, T0)));

        List<RequestRecord> requests = platform.requests();
        int firstData = indexOf(requests, "PUT", "/data/");
        assertTrue(indexOf(requests, "POST", "/catalog/") < firstData, requests.toString());
        assertTrue(requests.subList(firstData, requests.size()).stream().noneMatch(r -> r.path().startsWith("/catalog")),
                "readings in the canonical units need no catalog change: " + requests);
        assertEquals(HERE, platform.observations(PROVIDER, "meter-1_voltage").get(0).location());
    }

    @Test
    void followsTheInventoryWhenDevicesAreAddedMovedOrChangeProfile() {
        Inventories.Installed meter = device("meter-1", "test-meter", "");
        SentiloUplink uplink = givenUplinkWith(meter);
        Await.until("the first device in the catalog", () -> platform.catalog(PROVIDER).size() == 2);

        uplink.removeDevice(meter);
        uplink.addDevice(device("meter-1", "test-meter-v2", HERE));
        uplink.addDevice(device("meter-2", "test-meter", ""));

        Await.until("the new points and device in the catalog", () -> platform.catalog(PROVIDER).size() == 5);
        Await.until("the moved device's location", () -> sensor("meter-1_voltage").location().equals(HERE));
        assertEquals("Hz", sensor("meter-1_frequency").unit());
        assertTrue(platform.requests().stream().anyMatch(r -> r.is("PUT", "/catalog/")), "an update, not a re-registration");
    }

    @Test
    void aRestartOfTheGatewayRegistersNothingAgain() {
        SentiloUplink first = givenUplinkWith(device("meter-1", "test-meter", HERE));
        assertInstanceOf(SendResult.Delivered.class, first.send(meterReadings(1, T0)));
        first.close();
        int before = platform.requests().size();

        SentiloUplink restarted = givenUplinkWith(device("meter-1", "test-meter", HERE));
        assertInstanceOf(SendResult.Delivered.class, restarted.send(meterReadings(3, T0 + 1000)));

        List<RequestRecord> after = platform.requests().subList(before, platform.requests().size());
        assertEquals(List.of("GET /catalog", "PUT /data/" + PROVIDER), after.stream()
                .map(r -> r.method() + " " + r.path()).toList());
    }

    @Test
    void aReadingInAnotherUnitThanTheMapSaysCorrectsTheCatalog() {
        SentiloUplink uplink = givenUplinkWith(device("meter-1", "test-meter", ""));
        Await.until("the inventory in the catalog", () -> platform.catalog(PROVIDER).size() == 2);

        Batch batch = givenReadingsFrom(1).number("meter-1", "totalActiveEnergyImport", "activeEnergy", 12.5, "kWh", T0)
                .batch();
        assertInstanceOf(SendResult.Delivered.class, uplink.send(batch));

        assertEquals("kWh", sensor("meter-1_totalActiveEnergyImport").unit());
    }

    @Test
    void theProfilesPlatformMappingReachesTheCatalogAndReadingsDoNotUndoIt() {
        Set<String> types = new HashSet<>(StandInPlatform.defaultSensorTypes());
        types.addAll(Set.of("air_temperature", "supply_voltage"));
        platform.sensorTypes(types);
        SentiloUplink uplink = givenUplinkWith(device("station-1", "test-mapped", HERE));
        Await.until("the mapped sensors in the catalog", () -> platform.catalog(PROVIDER).size() == 2);
        CatalogSensor temperature = sensor("station-1_temperature");
        assertEquals(List.of("air_temperature", "NUMBER", "°C"),
                List.of(temperature.type(), temperature.dataType(), temperature.unit()));
        assertEquals("supply_voltage", sensor("station-1_voltage").type());

        Batch batch = givenReadingsFrom(1).number("station-1", "temperature", "temperature", 21.5, "Cel", T0).batch();
        assertInstanceOf(SendResult.Delivered.class, uplink.send(batch));

        assertEquals("°C", sensor("station-1_temperature").unit(), "the profile's spelling of the canonical unit stays");
        assertFalse(platform.requests().stream().anyMatch(r -> r.is("PUT", "/catalog/")), "no update after the reading");
    }

    private SentiloUplink givenUplinkWith(Inventories.Installed... devices) {
        SentiloUplink uplink = new SentiloUplink(UplinkSettings.of(URI.create(platform.baseUrl()), PROVIDER, TOKEN)
                .withGateway("gw1"));
        uplinks.add(uplink);
        uplink.setProfiles(PROFILES);
        for (Inventories.Installed d : devices) {
            uplink.addDevice(d);
        }
        return uplink;
    }

    private static Batch meterReadings(long firstSeq, long time) {
        return givenReadingsFrom(firstSeq)
                .number("meter-1", "voltage", "voltage", 230.1, "V", time)
                .number("meter-1", "totalActiveEnergyImport", "activeEnergy", 1234000, "Wh", time).batch();
    }

    private CatalogSensor sensor(String id) {
        Optional<CatalogSensor> found = platform.catalog(PROVIDER).stream().filter(s -> s.sensor().equals(id)).findFirst();
        return found.orElseThrow(() -> new AssertionError("no sensor " + id + " in " + platform.catalog(PROVIDER)));
    }

    private static int indexOf(List<RequestRecord> requests, String method, String prefix) {
        for (int i = 0; i < requests.size(); i++) {
            if (requests.get(i).is(method, prefix)) {
                return i;
            }
        }
        throw new AssertionError("no " + method + " " + prefix + " in " + requests);
    }
}
