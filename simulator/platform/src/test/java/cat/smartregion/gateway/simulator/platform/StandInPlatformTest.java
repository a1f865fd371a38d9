package cat.smartregion.gateway.simulator.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stand-in behaves like Sentilo's server where the reference says how it behaves. */
class StandInPlatformTest {

    private static final String TOKEN = "secret-a";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SENSOR_A = "{\"sensor\":\"m1_voltage\",\"type\":\"voltage\",\"dataType\":\"NUMBER\","
            + "\"unit\":\"V\",\"component\":\"gw1_m1\",\"componentType\":\"generic\",\"description\":\"L1 voltage\"}";
    private static final String SENSOR_B = "{\"sensor\":\"m1_current\",\"type\":\"current\",\"unit\":\"A\"}";

    @TempDir
    Path dir;

    private StandInPlatform platform;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws IOException {
        platform = StandInPlatform.start(dir.resolve("platform.db"), 0)
                .addProvider("prov-a", TOKEN)
                .addProvider("prov-b", "secret-b");
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    @Test
    void registersSensorsAndListsThem() throws Exception {
        assertEquals(200, givenSensors(SENSOR_A, SENSOR_B));

        List<CatalogSensor> catalog = platform.catalog("prov-a");
        assertEquals(2, catalog.size());
        CatalogSensor voltage = catalog.get(1);
        assertEquals(List.of("m1_voltage", "voltage", "NUMBER", "V", "gw1_m1"),
                List.of(voltage.sensor(), voltage.type(), voltage.dataType(), voltage.unit(), voltage.component()));
        JsonNode listed = JSON.readTree(send("GET", "/catalog", null, TOKEN).body());
        assertEquals(2, listed.path("providers").get(0).path("sensors").size());
    }

    @Test
    void refusesUnknownTypesBadIdsAndDuplicates() throws Exception {
        assertEquals(400, givenSensors("{\"sensor\":\"s1\",\"type\":\"warp_drive\"}"));
        assertEquals(400, givenSensors("{\"sensor\":\"s 1\",\"type\":\"voltage\"}"));
        assertEquals(200, givenSensors(SENSOR_A));
        HttpResponse<String> again = send("POST", "/catalog/prov-a", "{\"sensors\":[" + SENSOR_A + "]}", TOKEN);
        assertEquals(400, again.statusCode());
        assertTrue(again.body().contains("already exists"), again.body());
        assertEquals(200, send("PUT", "/catalog/prov-a",
                "{\"sensors\":[{\"sensor\":\"m1_voltage\",\"unit\":\"kV\"}]}", TOKEN).statusCode());
        assertEquals("kV", platform.catalog("prov-a").get(0).unit());
    }

    @Test
    void storesABatchWithExactValuesAndTimesAndAnswersAnEmptyBody() throws Exception {
        givenSensors(SENSOR_A, SENSOR_B);
        HttpResponse<String> answer = send("PUT", "/data/prov-a", "{\"sensors\":["
                + "{\"sensor\":\"m1_voltage\",\"observations\":[{\"value\":\"230.1\",\"timestamp\":\"27/11/2026T08:00:00\"}]},"
                + "{\"sensor\":\"m1_current\",\"location\":\"41.38 2.15\",\"observations\":"
                + "[{\"value\":\"1.5\",\"timestamp\":\"27/11/2026T09:00:01+0100\"}]}]}", TOKEN);

        assertEquals(200, answer.statusCode());
        assertEquals("", answer.body());
        long eight = Instant.parse("2026-11-27T08:00:00Z").toEpochMilli();
        StoredObservation voltage = platform.observations("prov-a", "m1_voltage").get(0);
        assertEquals(List.of("230.1", eight), List.of(voltage.value(), voltage.time()));
        StoredObservation current = platform.observations("prov-a", "m1_current").get(0);
        assertEquals(List.of("1.5", eight + 1000, "41.38 2.15"),
                List.of(current.value(), current.time(), current.location()));
    }

    @Test
    void refusesIsoTimestampsAndValuesThatAreNotStrings() throws Exception {
        givenSensors(SENSOR_A);
        HttpResponse<String> iso = putVoltage("{\"value\":\"230\",\"timestamp\":\"2026-11-27T08:00:00Z\"}");
        assertEquals(400, iso.statusCode());
        assertEquals("Wrong timestamp value", JSON.readTree(iso.body()).path("message").asText());
        assertEquals(400, putVoltage("{\"value\":230,\"timestamp\":\"27/11/2026T08:00:00\"}").statusCode());
        assertEquals(0, platform.observationCount());
    }

    @Test
    void failsWith500OnASensorEntryWithoutObservations() throws Exception {
        givenSensors(SENSOR_A);
        HttpResponse<String> answer = send("PUT", "/data/prov-a", "{\"sensors\":[{\"sensor\":\"m1_voltage\"}]}", TOKEN);
        assertEquals(500, answer.statusCode());
    }

    @Test
    void answers404ForAnUnknownSensorYetStoresTheKnownOnes() throws Exception {
        givenSensors(SENSOR_A);
        HttpResponse<String> answer = send("PUT", "/data/prov-a", "{\"sensors\":["
                + "{\"sensor\":\"m1_voltage\",\"observations\":[{\"value\":\"230\",\"timestamp\":\"27/11/2026T08:00:00\"}]},"
                + "{\"sensor\":\"ghost\",\"observations\":[{\"value\":\"1\",\"timestamp\":\"27/11/2026T08:00:00\"}]}]}",
                TOKEN);
        assertEquals(404, answer.statusCode());
        assertEquals("Sensor [ghost] not found on Sentilo (404.1)", JSON.readTree(answer.body()).path("message").asText());
        assertEquals(1, platform.observations("prov-a", "m1_voltage").size());
    }

    @Test
    void refusesDataForAnOfflineSensorWith4042() throws Exception {
        givenSensors(SENSOR_A);
        platform.sensorOnline("prov-a", "m1_voltage", false);
        HttpResponse<String> answer = putVoltage("{\"value\":\"230\",\"timestamp\":\"27/11/2026T08:00:00\"}");
        assertEquals(404, answer.statusCode());
        assertTrue(answer.body().contains("404.2"), answer.body());
    }

    @Test
    void readsBackNewestFirstWithinLimitAndPeriod() throws Exception {
        givenSensors(SENSOR_A);
        putVoltage("{\"value\":\"1\",\"timestamp\":\"27/11/2026T08:00:00\"},"
                + "{\"value\":\"3\",\"timestamp\":\"27/11/2026T08:00:02\"},{\"value\":\"2\",\"timestamp\":\"27/11/2026T08:00:01\"}");

        JsonNode two = JSON.readTree(send("GET", "/data/prov-a/m1_voltage?limit=2", null, TOKEN).body());
        assertEquals("3", two.path("observations").get(0).path("value").asText());
        assertEquals("27/11/2026T08:00:02", two.path("observations").get(0).path("timestamp").asText());
        assertEquals("2", two.path("observations").get(1).path("value").asText());
        assertEquals(2, two.path("observations").size());
        JsonNode early = JSON.readTree(send("GET", "/data/prov-a/m1_voltage?limit=5&to=27/11/2026T08:00:01",
                null, TOKEN).body());
        assertEquals(2, early.path("observations").size());
        assertEquals(1, JSON.readTree(send("GET", "/data/prov-a/m1_voltage", null, TOKEN).body())
                .path("observations").size());
    }

    @Test
    void checksCredentialsAndProviderPermissionLikeSentilo() throws Exception {
        String body = "{\"sensors\":[]}";
        assertEquals(401, send("PUT", "/data/prov-a", body, null).statusCode());
        assertEquals(401, send("PUT", "/data/prov-a", body, "wrong").statusCode());
        assertEquals(403, send("PUT", "/data/prov-b", body, TOKEN).statusCode());
        assertEquals(403, send("PUT", "/data/nobody", body, TOKEN).statusCode());
        assertEquals(200, send("PUT", "/data/prov-a", body, TOKEN).statusCode());
    }

    @Test
    void appliesTheInboundQuotaWithRateLimitHeaders() throws Exception {
        platform.inboundQuota("prov-a", 2);
        HttpResponse<String> first = send("GET", "/catalog", null, TOKEN);
        assertEquals("1", first.headers().firstValue("X-RateLimit-Inbound-Remaining").orElseThrow());
        send("GET", "/catalog", null, TOKEN);
        HttpResponse<String> refused = send("GET", "/catalog", null, TOKEN);
        assertEquals(429, refused.statusCode());
        assertEquals("2", refused.headers().firstValue("X-RateLimit-Inbound-Limit").orElseThrow());
        long reset = Long.parseLong(refused.headers().firstValue("X-RateLimit-Inbound-Reset").orElseThrow());
        assertTrue(reset > 0 && reset <= 60, "reset minutes " + reset);
        assertEquals(200, send("GET", "/catalog", null, "secret-b").statusCode());
    }

    @Test
    void answers503WhileNotReadyAnd400AbovePayloadLimit() throws Exception {
        platform.notReady(true);
        assertEquals(503, send("GET", "/catalog", null, TOKEN).statusCode());
        platform.notReady(false).maxPayloadBytes(64);
        assertEquals(400, givenSensors(SENSOR_A, SENSOR_B));
        assertEquals(200, send("GET", "/catalog", null, TOKEN).statusCode());
    }

    @Test
    void recordsTheGatewayBatchOfEveryDataRequest() throws Exception {
        givenSensors(SENSOR_A);
        HttpRequest request = request("PUT", "/data/prov-a", "{\"sensors\":[{\"sensor\":\"m1_voltage\",\"observations\":"
                + "[{\"value\":\"1\",\"timestamp\":\"27/11/2026T08:00:00\"},{\"value\":\"2\",\"timestamp\":\"27/11/2026T08:00:01\"}]}]}",
                TOKEN).header("X-Gateway-Batch", "41-42").build();
        http.send(request, HttpResponse.BodyHandlers.ofString());
        platform.notReady(true);
        http.send(request, HttpResponse.BodyHandlers.ofString());

        List<BatchRecord> batches = platform.batches();
        assertEquals(2, batches.size());
        BatchRecord first = batches.get(0);
        assertEquals(List.of("prov-a", 41L, 42L, 2, 200),
                List.of(first.provider(), first.firstSeq(), first.lastSeq(), first.observations(), first.status()));
        assertTrue(first.delivered());
        assertFalse(batches.get(1).delivered());
        assertEquals(503, batches.get(1).status());
    }

    @Test
    void namesEveryRefusedSensorOfABatchUnknownFirstThenOffline() throws Exception {
        givenSensors(SENSOR_A, SENSOR_B);
        platform.sensorOnline("prov-a", "m1_current", false);
        HttpResponse<String> answer = send("PUT", "/data/prov-a", "{\"sensors\":["
                + "{\"sensor\":\"m1_current\",\"observations\":[{\"value\":\"1\",\"timestamp\":\"27/11/2026T08:00:00\"}]},"
                + "{\"sensor\":\"ghost\",\"observations\":[{\"value\":\"1\",\"timestamp\":\"27/11/2026T08:00:00\"}]},"
                + "{\"sensor\":\"m1_voltage\",\"observations\":[{\"value\":\"2\",\"timestamp\":\"27/11/2026T08:00:00\"}]}]}",
                TOKEN);
        assertEquals(404, answer.statusCode());
        assertEquals(List.of("Sensor [ghost] not found on Sentilo (404.1)", "Sensor [m1_current] is offline on Sentilo (404.2)"),
                JSON.convertValue(JSON.readTree(answer.body()).path("errorDetails"), List.class));
        assertEquals(1, platform.observations("prov-a", "m1_voltage").size());
    }

    @Test
    void updatesSensorAttributesAndComponentLocationInOneRequest() throws Exception {
        givenSensors(SENSOR_A);
        assertEquals(200, send("PUT", "/catalog/prov-a", "{\"sensors\":[{\"sensor\":\"m1_voltage\",\"unit\":\"kV\"}],"
                + "\"components\":[{\"component\":\"gw1_m1\",\"componentType\":\"meter\",\"location\":\"41.4 2.1\"}]}",
                TOKEN).statusCode());
        CatalogSensor updated = platform.catalog("prov-a").get(0);
        assertEquals(List.of("kV", "meter", "41.4 2.1"), List.of(updated.unit(), updated.componentType(), updated.location()));
    }

    @Test
    void storesAlarmsOfTheCallersAlerts() throws Exception {
        platform.defineAlert("prov-a", "gw1-alerts").defineAlert("prov-b", "other-alerts");
        assertEquals(200, send("PUT", "/alarm/gw1-alerts", "{\"message\":\"meter-1 unreachable\"}", TOKEN).statusCode());
        assertEquals(403, send("PUT", "/alarm/other-alerts", "{\"message\":\"x\"}", TOKEN).statusCode());
        assertEquals(404, send("PUT", "/alarm/nothing", "{\"message\":\"x\"}", TOKEN).statusCode());
        assertEquals(400, send("PUT", "/alarm/gw1-alerts", "{}", TOKEN).statusCode());
        assertEquals(401, send("PUT", "/alarm/gw1-alerts", "{\"message\":\"x\"}", "wrong").statusCode());
        List<StoredAlarm> alarms = platform.alarms();
        assertEquals(1, alarms.size());
        assertEquals(List.of("prov-a", "gw1-alerts", "meter-1 unreachable"),
                List.of(alarms.get(0).provider(), alarms.get(0).alert(), alarms.get(0).message()));
    }

    @Test
    void appliesTheGlobalQuotaWithItsOwnHeaders() throws Exception {
        platform.globalQuota(2);
        assertEquals(200, send("GET", "/catalog", null, TOKEN).statusCode());
        assertEquals(200, send("GET", "/catalog", null, "secret-b").statusCode());
        HttpResponse<String> refused = send("GET", "/catalog", null, TOKEN);
        assertEquals(429, refused.statusCode());
        long reset = Long.parseLong(refused.headers().firstValue("X-RateLimit-Global-Reset").orElseThrow());
        assertTrue(reset > 0 && reset <= 60, "reset minutes " + reset);
    }

    @Test
    void logsEveryRequestInOrder() throws Exception {
        send("GET", "/catalog", null, TOKEN);
        send("PUT", "/data/prov-a", "{\"sensors\":[]}", "wrong");
        assertEquals(List.of("GET /catalog 200", "PUT /data/prov-a 401"), platform.requests().stream()
                .map(r -> r.method() + " " + r.path() + " " + r.status()).toList());
    }

    private int givenSensors(String... sensors) throws Exception {
        return send("POST", "/catalog/prov-a", "{\"sensors\":[" + String.join(",", sensors) + "]}", TOKEN).statusCode();
    }

    private HttpResponse<String> putVoltage(String observations) throws Exception {
        return send("PUT", "/data/prov-a/m1_voltage", "{\"observations\":[" + observations + "]}", TOKEN);
    }

    private HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        return http.send(request(method, path, body, token).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String method, String path, String body, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(platform.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            builder.header("IDENTITY_KEY", token);
        }
        return builder;
    }
}
