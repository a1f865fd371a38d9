package cat.smartregion.gateway.driver.coap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.push.PushRefused;
import cat.smartregion.gateway.api.push.PushedRecord;
import cat.smartregion.gateway.simulator.coap.PushFormat;
import cat.smartregion.gateway.simulator.coap.PushPack;
import cat.smartregion.gateway.simulator.coap.PushingSensor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The push server on loopback, with Californium (the simulated pushing sensor) and libcoap as clients. */
class CoapPushServerTest {

    private static final long NOW = 1_800_000_000_000L;
    private static final String KEY = "secret-of-sensor-7";

    private final RecordingIngest ingest = new RecordingIngest();
    private Set<Thread> before;
    private CoapPushServer server;

    @TempDir
    Path work;

    @BeforeEach
    void start() throws Exception {
        before = Threads.live();
        ingest.add("sensor-7", keyFile("sensor-7.psk", KEY + "\n"));
        server = new CoapPushServer(ingest, new PushServerSettings("127.0.0.1", 0, "senml", 2048), () -> NOW);
    }

    @AfterEach
    void stop() {
        server.close();
        Threads.awaitNoneBut(before);
        assertFalse(Files.exists(Paths.get("Californium3.properties")), "Californium3.properties written");
    }

    @Test
    void takesSenmlJsonAndCborWithAbsoluteAndRelativeTimes() throws Exception {
        try (PushingSensor json = sensor("sensor-7", KEY, PushFormat.SENML_JSON);
             PushingSensor cbor = sensor("sensor-7", KEY, PushFormat.SENML_CBOR)) {
            PushPack absolute = new PushPack("sensor-7:", 1_790_000_000_250L, List.of(
                    new PushPack.Record("temperature", "Cel", new BigDecimal("21.5"), 0),
                    new PushPack.Record("co2", "ppm", new BigDecimal("431"), -1500)));
            assertEquals("2.04", json.post(absolute).code());
            RecordingIngest.Accepted first = ingest.next();
            assertEquals("sensor-7", first.identity());
            assertEquals(List.of(new PushedRecord("sensor-7:", "temperature", "Cel", "21.5", 1_790_000_000_250L),
                    new PushedRecord("sensor-7:", "co2", "ppm", "431", 1_789_999_998_750L)), first.records());

            PushPack relative = new PushPack("sensor-7:", -30_000, List.of(
                    new PushPack.Record("humidity", "%RH", new BigDecimal("55.5"), 0),
                    new PushPack.Record("pm10", "ug/m3", new BigDecimal("14.8"), -500)));
            assertEquals("2.04", cbor.post(relative).code());
            List<PushedRecord> records = ingest.next().records();
            assertEquals(List.of("sensor-7:humidity", "sensor-7:pm10"), records.stream().map(PushedRecord::fullName).toList());
            assertEquals(List.of("%RH", "ug/m3"), records.stream().map(PushedRecord::unit).toList());
            assertEquals(List.of(NOW - 30_000, NOW - 30_500), records.stream().map(PushedRecord::time).toList());
            assertEquals(0, new BigDecimal("55.5").compareTo(new BigDecimal(records.get(0).value())), records.get(0).value());
            assertEquals(0, new BigDecimal("14.8").compareTo(new BigDecimal(records.get(1).value())), records.get(1).value());
        }
    }

    @Test
    void theSimulatedSensorsLinesTellWhatArrived() throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (PushingSensor sensor = sensor("sensor-7", KEY, PushFormat.SENML_CBOR)) {
            for (int i = 0; i < 2; i++) {
                JsonNode line = json.readTree(sensor.push().jsonLine());
                assertEquals("2.04", line.get("code").asText(), line.toString());
                List<PushedRecord> arrived = ingest.next().records();
                assertEquals(line.get("records").size(), arrived.size());
                for (int r = 0; r < arrived.size(); r++) {
                    JsonNode sent = line.get("records").get(r);
                    PushedRecord got = arrived.get(r);
                    assertEquals("sensor-7:" + sent.get("n").asText(), got.fullName());
                    assertEquals(sent.get("u").asText(), got.unit());
                    assertEquals(0, sent.get("v").decimalValue().compareTo(new BigDecimal(got.value())), got.value());
                    assertEquals(sent.get("time").asLong(), got.time(), "record " + got.name());
                }
            }
        }
    }

    @Test
    void libcoapPostsAreStoredOrAnsweredWithWhatIsWrong() throws Exception {
        Path good = file("good.json", "[{\"bn\":\"sensor-7:\",\"bt\":1790000000.5,\"n\":\"temperature\",\"u\":\"Cel\","
                + "\"v\":21.5},{\"n\":\"humidity\",\"u\":\"%RH\",\"v\":55,\"t\":-2}]");
        LibcoapClient.Outcome stored = post(KEY, "110", good);
        assertEquals("", stored.err(), "libcoap prints the code of error responses only: " + stored);
        assertEquals("stored 2 readings", stored.out(), "2.04's payload");
        assertEquals(List.of(new PushedRecord("sensor-7:", "temperature", "Cel", "21.5", 1_790_000_000_500L),
                new PushedRecord("sensor-7:", "humidity", "%RH", "55", 1_789_999_998_500L)), ingest.next().records());

        assertTrue(post(KEY, "110", file("bad.json", "[{\"n\":\"temperature\",\"v\":")).err()
                .startsWith("4.00 the payload is not SenML JSON"));
        assertTrue(post(KEY, "112", good).err().startsWith("4.00 the payload is not SenML CBOR"), "JSON sent as CBOR");
        assertTrue(post(KEY, "110", file("object.json", "{\"n\":\"temperature\",\"v\":1}")).err()
                .startsWith("4.00 a SenML pack is an array"));
        assertTrue(post(KEY, "50", good).err().startsWith("4.15 content format 50; accepted Content-Formats: 110"));
        assertTrue(post(KEY, "110", file("large.json", pack(100))).err().startsWith("4.13 "), "block-wise, over 2048 bytes");
        assertTrue(LibcoapClient.run(work, "-u", "sensor-7", "-k", KEY, "-m", "get", uri()).err().startsWith("4.05"));
        assertTrue(ingest.nothingAccepted(), "nothing of a refused message reaches the ingest");
    }

    @Test
    void aSingleMessageOverTheLimitIsTooLarge() throws Exception {
        try (CoapPushServer small = new CoapPushServer(ingest, new PushServerSettings("127.0.0.1", 0, "push/senml", 256),
                () -> NOW)) {
            LibcoapClient.Outcome outcome = LibcoapClient.run(work, "-v", "6", "-u", "sensor-7", "-k", KEY, "-m", "post",
                    "-t", "110", "-f", file("mid.json", pack(10)).toString(),
                    "coaps://127.0.0.1:" + small.address().getPort() + "/push/senml");
            assertTrue(outcome.out().contains("c:4.13") && outcome.out().contains("Size1:256"), outcome.toString());
        }
        assertTrue(ingest.nothingAccepted());
    }

    @Test
    void aWrongKeyOrUnknownIdentityGetsNoHandshake() throws Exception {
        Path good = file("good.json", pack(1));
        assertNoAnswer(unanswered("sensor-7", "not-the-key", good));
        assertNoAnswer(unanswered("sensor-9", KEY, good));

        Path open = keyFile("sensor-8.psk", "key-of-sensor-8");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        ingest.add("sensor-8", open);
        assertNoAnswer(unanswered("sensor-8", "key-of-sensor-8", good)); // a key file others can read is no key
        assertTrue(ingest.nothingAccepted());

        ingest.add("sensor-9", keyFile("sensor-9.psk", KEY));
        assertEquals("stored 1 reading", post("sensor-9", KEY, "110", good).out(), "a device added while running");
        assertEquals("sensor-9", ingest.next().identity());
    }

    @Test
    void theIngestsRefusalsAreAnswered() throws Exception {
        Path good = file("good.json", pack(1));
        ingest.refuse(Optional.of(PushRefused.Reason.UNAVAILABLE));
        LibcoapClient.Outcome later = LibcoapClient.run(work, "-v", "6", "-u", "sensor-7", "-k", KEY, "-m", "post",
                "-t", "110", "-f", good.toString(), uri());
        assertTrue(later.out().contains("c:5.03") && later.out().contains("Max-Age:30"), later.toString());
        ingest.refuse(Optional.of(PushRefused.Reason.BAD_CONTENT));
        assertEquals("4.00 refused by the test: BAD_CONTENT", post(KEY, "110", good).err());
        ingest.refuse(Optional.empty());

        try (PushingSensor sensor = sensor("sensor-7", KEY, PushFormat.SENML_JSON)) {
            assertEquals("2.04", sensor.push().code());
            ingest.next();
            ingest.remove("sensor-7");
            PushingSensor.Push refused = sensor.push();
            assertEquals("4.03", refused.code(), "the session outlives the device, the device's messages do not");
            assertEquals("no device pushes as sensor-7", refused.answer());
        }
        assertNoAnswer(unanswered("sensor-7", KEY, good));
        assertTrue(ingest.nothingAccepted());
    }

    /** A POST that should meet a failed handshake: libcoap gives up after 3 s. */
    private LibcoapClient.Outcome unanswered(String identity, String key, Path payload) throws Exception {
        return LibcoapClient.run(work, "-B", "3", "-u", identity, "-k", key, "-m", "post", "-t", "110",
                "-f", payload.toString(), uri());
    }

    /** libcoap prints an error response's code on standard error, and its own failure to send on standard output. */
    private static void assertNoAnswer(LibcoapClient.Outcome outcome) {
        assertTrue(outcome.err().isEmpty() && outcome.out().contains("cannot send"), "no answer: " + outcome);
    }

    private LibcoapClient.Outcome post(String key, String contentFormat, Path payload) throws Exception {
        return post("sensor-7", key, contentFormat, payload);
    }

    private LibcoapClient.Outcome post(String identity, String key, String contentFormat, Path payload) throws Exception {
        return LibcoapClient.run(work, "-B", "10", "-u", identity, "-k", key, "-m", "post", "-t", contentFormat,
                "-f", payload.toString(), uri());
    }

    /** A SenML JSON pack of {@code records} PM10 records (about 37 bytes each). */
    private static String pack(int records) {
        StringBuilder pack = new StringBuilder("[{\"bn\":\"sensor-7:\"}");
        for (int i = 0; i < records; i++) {
            pack.append(",{\"n\":\"pm10-").append(i).append("\",\"u\":\"ug/m3\",\"v\":14.8}");
        }
        return pack.append("]").toString();
    }

    private String uri() {
        return "coaps://127.0.0.1:" + server.address().getPort() + "/senml";
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(work.resolve(name), content);
    }

    private PushingSensor sensor(String identity, String key, PushFormat format) {
        URI gateway = URI.create("coaps://127.0.0.1:" + server.address().getPort() + "/senml");
        return PushingSensor.start(gateway, identity, key.getBytes(StandardCharsets.US_ASCII), format);
    }

    private Path keyFile(String name, String content) throws Exception {
        Path file = work.resolve(name);
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
