package cat.smartregion.gateway.sentilo.internal;

import static cat.smartregion.gateway.sentilo.internal.Readings.T0;
import static cat.smartregion.gateway.sentilo.internal.Readings.givenReadingsFrom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.Value;
import cat.smartregion.gateway.api.buffer.Batch;
import cat.smartregion.gateway.api.uplink.SendResult;
import cat.smartregion.gateway.simulator.platform.BatchRecord;
import cat.smartregion.gateway.simulator.platform.CatalogSensor;
import cat.smartregion.gateway.simulator.platform.StandInPlatform;
import cat.smartregion.gateway.simulator.platform.StoredObservation;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The uplink against the stand-in Sentilo platform on loopback, one answer of the platform at a time. */
class SentiloUplinkTest {

    private static final String PROVIDER = "sant-cugat-gw";
    private static final String TOKEN = "provider-token-1";

    @TempDir
    Path dir;

    private StandInPlatform platform;

    @BeforeEach
    void startPlatform() throws IOException {
        platform = StandInPlatform.start(dir.resolve("platform.db"), 0)
                .addProvider(PROVIDER, TOKEN)
                .addProvider("other-provider", "other-token");
    }

    @AfterEach
    void stopPlatform() {
        platform.close();
    }

    @Test
    void registersSensorsThenDeliversExactValuesTimestampsAndBatchHeader() {
        Batch batch = givenReadingsFrom(101)
                .number("sdm630-1", "voltage", "voltage", 230.4, "V", T0)
                .number("sdm630-1", "totalActiveEnergyImport", "activeEnergy", 1234567.5, "Wh", T0)
                .add("sdm630-1", "relay", "status", Value.of(false), "/", T0 + 999)
                .number("sdm630-1", "voltage", "voltage", 229, "V", T0 + 1000)
                .batch();

        SendResult result = uplink(TOKEN).send(batch);

        assertInstanceOf(SendResult.Delivered.class, result);
        List<CatalogSensor> catalog = platform.catalog(PROVIDER);
        assertEquals(List.of("sdm630-1_relay", "sdm630-1_totalActiveEnergyImport", "sdm630-1_voltage"),
                catalog.stream().map(CatalogSensor::sensor).toList());
        CatalogSensor energy = catalog.get(1);
        assertEquals(List.of("energy", "NUMBER", "Wh", "gw1_sdm630-1", "generic"),
                List.of(energy.type(), energy.dataType(), energy.unit(), energy.component(), energy.componentType()));
        assertEquals("BOOLEAN", catalog.get(0).dataType());
        List<StoredObservation> voltage = platform.observations(PROVIDER, "sdm630-1_voltage");
        assertEquals(List.of("230.4", "229"), voltage.stream().map(StoredObservation::value).toList());
        long second = T0 - 250;
        assertEquals(List.of(second, second + 1000), voltage.stream().map(StoredObservation::time).toList());
        assertEquals("1234567.5", platform.observations(PROVIDER, "sdm630-1_totalActiveEnergyImport").get(0).value());
        assertEquals(List.of(new BatchRecord(PROVIDER, 101, 104, platform.batches().get(0).received(), 4, 200)),
                platform.batches());
    }

    @Test
    void registersEachSensorOnceAndSurvivesARestartOfTheGateway() {
        SentiloUplink first = uplink(TOKEN);
        first.send(givenReadingsFrom(1).number("m1", "voltage", "voltage", 230, "V", T0).batch());
        assertInstanceOf(SendResult.Delivered.class,
                first.send(givenReadingsFrom(2).number("m1", "voltage", "voltage", 231, "V", T0 + 1000).batch()));

        SentiloUplink restarted = uplink(TOKEN);
        SendResult result = restarted.send(givenReadingsFrom(3)
                .number("m1", "voltage", "voltage", 232, "V", T0 + 2000)
                .number("m1", "current", "current", 1.5, "A", T0 + 2000).batch());

        assertInstanceOf(SendResult.Delivered.class, result);
        assertEquals(2, platform.catalog(PROVIDER).size());
        assertEquals(3, platform.observations(PROVIDER, "m1_voltage").size());
    }

    @Test
    void wrongTokenIsAPauseThatNamesTheToken() {
        SendResult result = uplink("not-the-token").send(oneReading(1));

        SendResult.RetryLater later = assertInstanceOf(SendResult.RetryLater.class, result);
        assertEquals(Verdict.REFUSED_PAUSE, later.after());
        assertTrue(later.reason().contains("token") && later.reason().contains("401"), later.reason());
        assertTrue(!later.reason().contains("not-the-token"), "the token must not appear: " + later.reason());
    }

    @Test
    void tokenOfAnotherProviderIsAPause() {
        SendResult result = uplink("other-token").send(oneReading(1));

        SendResult.RetryLater later = assertInstanceOf(SendResult.RetryLater.class, result);
        assertEquals(Verdict.REFUSED_PAUSE, later.after());
        assertTrue(later.reason().contains("403"), later.reason());
    }

    @Test
    void exceededQuotaWaitsUntilTheReset() {
        platform.inboundQuota(PROVIDER, 2);
        SentiloUplink uplink = uplink(TOKEN);
        assertInstanceOf(SendResult.Delivered.class, uplink.send(oneReading(1)));

        SendResult result = uplink.send(oneReading(2));

        SendResult.RetryLater later = assertInstanceOf(SendResult.RetryLater.class, result);
        assertTrue(later.after().compareTo(Duration.ofMinutes(59)) >= 0
                && later.after().compareTo(Duration.ofMinutes(60)) <= 0, later.after().toString());
    }

    @Test
    void platformNotReadyIsRetryLater() {
        platform.notReady(true);

        SendResult result = uplink(TOKEN).send(oneReading(1));

        SendResult.RetryLater later = assertInstanceOf(SendResult.RetryLater.class, result);
        assertEquals(Duration.ZERO, later.after());
        assertTrue(later.reason().contains("503"), later.reason());
    }

    @Test
    void badRequestIsRejectedWithThePlatformsMessage() {
        SentiloUplink uplink = uplink(TOKEN);
        uplink.send(oneReading(1));
        platform.maxPayloadBytes(10);

        SendResult result = uplink.send(oneReading(2));

        SendResult.Rejected rejected = assertInstanceOf(SendResult.Rejected.class, result);
        assertTrue(rejected.reason().contains("payload too large"), rejected.reason());
    }

    @Test
    void unknownSensorTypeIsRejectedAtRegistration() {
        platform.sensorTypes(Set.of("temperature"));

        SendResult result = uplink(TOKEN).send(oneReading(1));

        SendResult.Rejected rejected = assertInstanceOf(SendResult.Rejected.class, result);
        assertTrue(rejected.reason().contains("voltage"), rejected.reason());
    }

    @Test
    void sensorTheCatalogLostIsRegisteredAgainAndTheResendDelivers() {
        SentiloUplink uplink = uplink(TOKEN);
        uplink.send(givenReadingsFrom(1)
                .number("m1", "current", "current", 1, "A", T0)
                .number("m1", "voltage", "voltage", 230, "V", T0).batch());
        platform.removeSensor(PROVIDER, "m1_voltage");
        Batch batch = givenReadingsFrom(3)
                .number("m1", "current", "current", 2, "A", T0 + 1000)
                .number("m1", "voltage", "voltage", 231, "V", T0 + 1000).batch();

        SendResult first = uplink.send(batch);

        SendResult.RetryLater later = assertInstanceOf(SendResult.RetryLater.class, first);
        assertEquals(Duration.ZERO, later.after());
        assertTrue(later.reason().contains("m1_voltage"), later.reason());
        assertTrue(platform.catalog(PROVIDER).stream().anyMatch(s -> s.sensor().equals("m1_voltage")));
        assertInstanceOf(SendResult.Delivered.class, uplink.send(batch));
        assertEquals(List.of("230", "231"), platform.observations(PROVIDER, "m1_voltage").stream()
                .map(StoredObservation::value).toList());
        // Sentilo kept the known sensor's observation of the first attempt: the resend repeats it exactly
        List<StoredObservation> current = platform.observations(PROVIDER, "m1_current");
        assertEquals(3, current.size());
        assertEquals(List.of("2", T0 - 250 + 1000), List.of(current.get(1).value(), current.get(1).time()));
        assertEquals(List.of("2", T0 - 250 + 1000), List.of(current.get(2).value(), current.get(2).time()));
    }

    @Test
    void offlineSensorIsRejected() {
        SentiloUplink uplink = uplink(TOKEN);
        uplink.send(oneReading(1));
        platform.sensorOnline(PROVIDER, "m1_voltage", false);

        SendResult result = uplink.send(oneReading(2));

        SendResult.Rejected rejected = assertInstanceOf(SendResult.Rejected.class, result);
        assertTrue(rejected.reason().contains("404.2"), rejected.reason());
    }

    @Test
    void refusedConnectionIsRetryLater() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        SentiloUplink uplink = new SentiloUplink(UplinkSettings.of(URI.create("http://127.0.0.1:" + port), PROVIDER, TOKEN));

        SendResult result = uplink.send(oneReading(1));

        SendResult.RetryLater later = assertInstanceOf(SendResult.RetryLater.class, result);
        assertEquals(Duration.ZERO, later.after());
        assertTrue(later.reason().contains("connect"), later.reason());
    }

    @Test
    void silentPlatformIsATimeout() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            UplinkSettings settings = UplinkSettings.of(URI.create("http://127.0.0.1:" + silent.getLocalPort()),
                    PROVIDER, TOKEN).withTimeout(Duration.ofMillis(300));

            SendResult result = new SentiloUplink(settings).send(oneReading(1));

            SendResult.RetryLater later = assertInstanceOf(SendResult.RetryLater.class, result);
            assertTrue(later.reason().contains("no answer within 300 ms"), later.reason());
        }
    }

    @Test
    void emptyBatchNeedsNoRequest() {
        platform.notReady(true);
        assertInstanceOf(SendResult.Delivered.class, uplink(TOKEN).send(Batch.EMPTY));
    }

    private SentiloUplink uplink(String token) {
        return new SentiloUplink(UplinkSettings.of(URI.create(platform.baseUrl() + "/"), PROVIDER, token));
    }

    private static Batch oneReading(long seq) {
        return givenReadingsFrom(seq).number("m1", "voltage", "voltage", 230, "V", T0 + seq * 1000).batch();
    }
}
