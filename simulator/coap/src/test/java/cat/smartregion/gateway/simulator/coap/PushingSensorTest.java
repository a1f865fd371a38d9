package cat.smartregion.gateway.simulator.coap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pushing sensor against a DTLS-PSK server on loopback, in this JVM and as its own process. */
class PushingSensorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());
    private static final byte[] KEY = "secret-of-sensor-7".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path work;

    @Test
    void postsSenmlJsonWithBaseNameAndBaseTime() throws Exception {
        try (SenmlSink sink = new SenmlSink("sensor-7", KEY);
             PushingSensor sensor = PushingSensor.start(URI.create(sink.uri()), "sensor-7", KEY, PushFormat.SENML_JSON)) {
            PushingSensor.Push push = sensor.push();
            assertEquals("2.04", push.code(), push.answer());
            SenmlSink.Received received = sink.next();
            assertEquals(110, received.contentFormat());
            JsonNode pack = JSON.readTree(received.payload());
            assertEquals("sensor-7:", pack.get(0).get("bn").asText());
            assertEquals(push.pack().baseTimeMillis(), pack.get(0).get("bt").decimalValue().movePointRight(3).longValueExact());
            assertEquals(List.of("temperature", "humidity", "pm10", "pm25", "co2"),
                    List.of(name(pack, 0), name(pack, 1), name(pack, 2), name(pack, 3), name(pack, 4)));
            assertEquals(-1.0, pack.get(4).get("t").asDouble(), "co2 measured a second earlier");
        }
    }

    @Test
    void theMainPrintsOneLinePerPostOfWhatItSent() throws Exception {
        Path keyFile = Files.write(work.resolve("sensor-7.psk"), KEY);
        try (SenmlSink sink = new SenmlSink("sensor-7", KEY)) {
            Process process = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx64m", "-cp", System.getProperty("java.class.path"), PushingSensorMain.class.getName(),
                    "--gateway", sink.uri(), "--identity", "sensor-7", "--keyFile", keyFile.toString(),
                    "--interval", "100ms", "--count", "3", "--format", "senml-cbor")
                    .redirectError(work.resolve("sensor.log").toFile()).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (int i = 0; i < 3; i++) {
                    String text = out.readLine();
                    assertTrue(text != null, "line " + i + " missing: " + Files.readString(work.resolve("sensor.log")));
                    JsonNode line = JSON.readTree(text);
                    assertEquals("2.04", line.get("code").asText(), text);
                    SenmlSink.Received received = sink.next();
                    assertEquals(112, received.contentFormat());
                    JsonNode pack = CBOR.readTree(received.payload());
                    assertEquals("sensor-7:", pack.get(0).get("-2").asText());
                    for (int r = 0; r < pack.size(); r++) {
                        assertEquals(line.get("records").get(r).get("n").asText(), pack.get(r).get("0").asText());
                        assertEquals(line.get("records").get(r).get("v").asDouble(), pack.get(r).get("2").asDouble());
                    }
                }
            } finally {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
            assertEquals(0, process.exitValue(), Files.readString(work.resolve("sensor.log")));
        }
    }

    private static String name(JsonNode pack, int record) {
        return pack.get(record).get("n").asText();
    }
}
