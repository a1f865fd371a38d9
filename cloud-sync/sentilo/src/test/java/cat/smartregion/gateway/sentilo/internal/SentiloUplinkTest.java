package cat.smartregion.gateway.sentilo.internal;

import static cat.smartregion.gateway.sentilo.internal.Readings.T0;
import static cat.smartregion.gateway.sentilo.internal.Readings.givenReadingsFrom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.Reading;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The uplink against the stand-in Sentilo platform on loopback, one answer of the platform at a time. */
class SentiloUplinkTest {

    static final String PROVIDER = "sant-cugat-gw";
    static final String TOKEN = "provider-token-1";

    @TempDir
    Path dir;

    private StandInPlatform platform;
    private final List<SentiloUplink> uplinks = new ArrayList<>();

    @BeforeEach
    void startPlatform() throws IOException {
        platform = StandInPlatform.start(dir.resolve("platform.db"), 0)
                .addProvider(PROVIDER, TOKEN)
                .addProvider("other-provider", "other-token");
    }

    @AfterEach
    void stopPlatform() {
        uplinks.forEach(SentiloUplink::close);
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
    void oneBatchTakesSeveralCappedRequestsInOrder() {
        Readings given = givenReadingsFrom(1);
        for (int i = 0; i < 250; i++) {
            given.number("m1", "p" + (i % 25), "voltage", 230 + i, "V", T0 + (i / 25) * 1000L);
        }

        SendResult result = uplink(TOKEN, s -> s.withRequestLimits(100, 65536)).send(given.batch());

        assertInstanceOf(SendResult.Delivered.class, result);
        assertEquals(List.of("1-100/100", "101-200/100", "201-250/50"), platform.batches().stream()
                .map(b -> b.firstSeq() + "-" + b.lastSeq() + "/" + b.observations()).toList());
        assertEquals(250, platform.observationCount());
    }

    @Test
    void sendsTwoReadingsOfASensorInOneSecondInDifferentRequests() {
        Batch batch = givenReadingsFrom(1)
                .number("m1", "voltage", "voltage", 230, "V", T0)
                .number("m1", "current", "current", 1, "A", T0)
                .number("m1", "voltage", "voltage", 231, "V", T0 + 300)
                .number("m1", "voltage", "voltage", 232, "V", T0 + 600)
                .batch();

        assertInstanceOf(SendResult.Delivered.class, uplink(TOKEN).send(batch));

        assertEquals(List.of("1-2/2", "3-3/1", "4-4/1"), platform.batches().stream()
                .map(b -> b.firstSeq() + "-" + b.lastSeq() + "/" + b.observations()).toList());
        assertEquals(List.of("230", "231", "232"), platform.observations(PROVIDER, "m1_voltage").stream()
                .map(StoredObservation::value).toList());
    }

    @Test
    void aRequestFailingMidBatchIsResentWithoutRepeatingTheRequestsTaken() {
        Readings given = givenReadingsFrom(1);
        for (int i = 0; i < 30; i++) {
            given.number("m1", "p" + (i % 10), "voltage", i, "V", T0 + (i / 10) * 1000L);
        }
        Batch batch = given.batch();
        platform.inboundQuota(PROVIDER, 3); // GET and POST /catalog, then one data request
        SentiloUplink uplink = uplink(TOKEN, s -> s.withRequestLimits(10, 65536));

        SendResult first = uplink.send(batch);
        platform.inboundQuota(PROVIDER, 0);
        SendResult second = uplink.send(batch);

        assertInstanceOf(SendResult.RetryLater.class, first);
        assertInstanceOf(SendResult.Delivered.class, second);
        assertEquals(30, platform.observationCount(), "nothing duplicated, nothing lost");
        assertEquals(List.of("1-10/200", "11-20/429", "11-20/200", "21-30/200"), platform.batches().stream()
                .map(b -> b.firstSeq() + "-" + b.lastSeq() + "/" + b.status()).toList());
    }

    @Test
    void wrongTokenIsAPauseThatNamesTheToken() {
        SendResult result = uplink("not-the-token").send(oneReading(1));

        SendResult.RetryLater later = assertInstanceOf(SendResult.RetryLater.class, result);
        assertEquals(Duration.ofMinutes(10), later.after());
        assertTrue(later.reason().contains("token") && later.reason().contains("401"), later.reason());
        assertTrue(!later.reason().contains("not-the-token"), "the token must not appear: " + later.reason());
    }

    @Test
    void tokenOfAnotherProviderIsAPause() {
        SendResult result = uplink("other-token").send(oneReading(1));

        SendResult.RetryLater later = assertInstanceOf(SendResult.RetryLater.class, result);
        assertEquals(Duration.ofMinutes(10), later.after());
        assertTrue(later.reason().contains("403"), later.reason());
    }

    @Test
    void exceededProviderQuotaWaitsUntilTheReset() {
        platform.inboundQuota(PROVIDER, 3);
        SentiloUplink uplink = uplink(TOKEN);
        assertInstanceOf(SendResult.Delivered.class, uplink.send(oneReading(1)));

        SendResult result = uplink.send(oneReading(2));

        assertWaitsAnHour(result);
    }

    @Test
    void exceededGlobalQuotaWaitsUntilItsReset() {
        platform.globalQuota(3);
        SentiloUplink uplink = uplink(TOKEN);
        assertInstanceOf(SendResult.Delivered.class, uplink.send(oneReading(1)));

        SendResult result = uplink.send(oneReading(2));

        assertWaitsAnHour(result);
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
    void aPoisonReadingAmongGoodOnesIsTheOnlyOneRefused() {
        String huge = "x".repeat(3000);
        Batch batch = givenReadingsFrom(1)
                .number("m1", "voltage", "voltage", 230, "V", T0)
                .add("m1", "label", "text", Value.of(huge), "", T0)
                .number("m1", "current", "current", 1.5, "A", T0)
                .number("m1", "voltage", "voltage", 231, "V", T0 + 1000)
                .batch();
        platform.maxPayloadBytes(2048);

        SendResult result = uplink(TOKEN).send(batch);

        SendResult.PartlyDelivered partly = assertInstanceOf(SendResult.PartlyDelivered.class, result);
        assertEquals(List.of(2L), partly.rejected().stream().map(Reading::seq).toList());
        assertTrue(partly.reason().contains("payload too large"), partly.reason());
        assertEquals(3, platform.observationCount());
    }

    @Test
    void aBatchThePlatformRefusesWhollyIsRejectedWithItsMessage() {
        SentiloUplink uplink = uplink(TOKEN);
        uplink.send(oneReading(1));
        platform.maxPayloadBytes(10);

        SendResult result = uplink.send(oneReading(2));

        SendResult.Rejected rejected = assertInstanceOf(SendResult.Rejected.class, result);
        assertTrue(rejected.reason().contains("payload too large"), rejected.reason());
    }

    @Test
    void unknownSensorTypeRefusesOnlyThatSensorsReadings() {
        platform.sensorTypes(Set.of("current"));
        Batch batch = givenReadingsFrom(1)
                .number("m1", "voltage", "voltage", 230, "V", T0)
                .number("m1", "current", "current", 1.5, "A", T0).batch();

        SendResult result = uplink(TOKEN).send(batch);

        SendResult.PartlyDelivered partly = assertInstanceOf(SendResult.PartlyDelivered.class, result);
        assertEquals(List.of(1L), partly.rejected().stream().map(Reading::seq).toList());
        assertTrue(partly.reason().contains("voltage"), partly.reason());
        assertEquals(1, platform.observations(PROVIDER, "m1_current").size());
    }

    @Test
    void aSensorTheCatalogLostIsRegisteredAgainAndOnlyItsReadingsResent() {
        SentiloUplink uplink = uplink(TOKEN);
        uplink.send(givenReadingsFrom(1)
                .number("m1", "current", "current", 1, "A", T0)
                .number("m1", "voltage", "voltage", 230, "V", T0).batch());
        platform.removeSensor(PROVIDER, "m1_voltage");
        Batch batch = givenReadingsFrom(3)
                .number("m1", "current", "current", 2, "A", T0 + 1000)
                .number("m1", "voltage", "voltage", 231, "V", T0 + 1000).batch();

        SendResult result = uplink.send(batch);

        assertInstanceOf(SendResult.Delivered.class, result);
        assertTrue(platform.catalog(PROVIDER).stream().anyMatch(s -> s.sensor().equals("m1_voltage")));
        assertEquals(List.of("230", "231"), values("m1_voltage"));
        assertEquals(List.of("1", "2"), values("m1_current"), "the known sensor's reading is not duplicated");
        assertEquals(List.of(404, 200), platform.batches().stream().skip(1).map(BatchRecord::status).toList());
    }

    @Test
    void anOfflineSensorsReadingsAreRefusedAndTheOthersTaken() {
        SentiloUplink uplink = uplink(TOKEN);
        uplink.send(givenReadingsFrom(1)
                .number("m1", "current", "current", 1, "A", T0)
                .number("m1", "voltage", "voltage", 230, "V", T0).batch());
        platform.sensorOnline(PROVIDER, "m1_voltage", false);

        SendResult result = uplink.send(givenReadingsFrom(3)
                .number("m1", "current", "current", 2, "A", T0 + 1000)
                .number("m1", "voltage", "voltage", 231, "V", T0 + 1000).batch());

        SendResult.PartlyDelivered partly = assertInstanceOf(SendResult.PartlyDelivered.class, result);
        assertEquals(List.of(4L), partly.rejected().stream().map(Reading::seq).toList());
        assertTrue(partly.reason().contains("404.2"), partly.reason());
        assertEquals(List.of("1", "2"), values("m1_current"));
    }

    @Test
    void refusedConnectionIsRetryLater() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        SentiloUplink uplink = track(new SentiloUplink(UplinkSettings.of(URI.create("http://127.0.0.1:" + port),
                PROVIDER, TOKEN)));

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

            SendResult result = track(new SentiloUplink(settings)).send(oneReading(1));

            SendResult.RetryLater later = assertInstanceOf(SendResult.RetryLater.class, result);
            assertEquals(Duration.ZERO, later.after());
            assertTrue(later.reason().contains("no answer within 300 ms"), later.reason());
        }
    }

    @Test
    void emptyBatchNeedsNoRequest() {
        platform.notReady(true);
        assertInstanceOf(SendResult.Delivered.class, uplink(TOKEN).send(Batch.EMPTY));
        assertEquals(List.of(), platform.requests());
    }

    private List<String> values(String sensor) {
        return platform.observations(PROVIDER, sensor).stream().map(StoredObservation::value).toList();
    }

    private static void assertWaitsAnHour(SendResult result) {
        SendResult.RetryLater later = assertInstanceOf(SendResult.RetryLater.class, result);
        assertTrue(later.after().compareTo(Duration.ofMinutes(59)) >= 0
                && later.after().compareTo(Duration.ofMinutes(60)) <= 0, later.after().toString());
        assertTrue(later.reason().contains("429"), later.reason());
    }

    private SentiloUplink uplink(String token) {
        return uplink(token, s -> s);
    }

    private SentiloUplink uplink(String token, java.util.function.UnaryOperator<UplinkSettings> adjust) {
        return track(new SentiloUplink(adjust.apply(UplinkSettings.of(URI.create(platform.baseUrl() + "/"),
                PROVIDER, token))));
    }

    private SentiloUplink track(SentiloUplink uplink) {
        uplinks.add(uplink);
        return uplink;
    }

    private static Batch oneReading(long seq) {
        return givenReadingsFrom(seq).number("m1", "voltage", "voltage", 230, "V", T0 + seq * 1000).batch();
    }
}
