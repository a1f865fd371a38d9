package cat.smartregion.gateway.simulator.coap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.simulator.coap.AirQualitySensor.Sample;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our simulator checked with libcoap's coap-client, an independent implementation. */
class CoapSensorServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());

    @TempDir
    Path work;

    @Test
    void servesEachFormatToLibcoap() throws Exception {
        try (CoapSensorServer server = CoapSensorServer.start(0)) {
            server.tick();
            Sample sample = server.sensor().sample();
            String base = server.uri() + "/aq/";

            assertEquals(Payloads.decimal(sample.pm10()), LibcoapClient.run(work, base + "text").text().strip());
            JsonNode json = JSON.readTree(LibcoapClient.run(work, base + "json").out());
            assertEquals(sample.pm25(), json.get("pm25").asDouble());
            JsonNode senml = JSON.readTree(LibcoapClient.run(work, base + "senml").out());
            assertEquals(Payloads.BASE_NAME, senml.get(0).get("bn").asText());
            assertEquals(sample.temperature(), senml.get(2).get("v").asDouble());
            JsonNode cbor = CBOR.readTree(LibcoapClient.run(work, base + "senml-cbor").out());
            assertEquals(Payloads.BASE_NAME, cbor.get(0).get("-2").asText(), "bn has label -2: " + cbor);
            assertEquals("humidity", cbor.get(3).get("0").asText(), "n has label 0: " + cbor);
            assertEquals("%RH", cbor.get(3).get("1").asText(), "u has label 1: " + cbor);
            assertEquals(sample.humidity(), cbor.get(3).get("2").asDouble(), "v has label 2: " + cbor);
        }
    }

    @Test
    void aLargeResourceComesBlockWise() throws Exception {
        try (CoapSensorServer server = CoapSensorServer.start(0)) {
            LibcoapClient.Outcome outcome = LibcoapClient.run(work, "-b", "64", server.uri() + "/aq/history");

            JsonNode pack = JSON.readTree(outcome.out());
            assertEquals(164, pack.size());
            assertTrue(outcome.out().length > 4096, "payload of " + outcome.out().length + " bytes");
        }
    }

    @Test
    void notifiesObserversAtEachTick() throws Exception {
        try (CoapSensorServer server = CoapSensorServer.start(0, 200)) {
            LibcoapClient.Outcome outcome = LibcoapClient.run(work, "-s", "3", server.uri() + "/aq/text");

            assertEquals(1, server.registrations("text"));
            long values = outcome.text().chars().filter(c -> c == '.').count();
            assertTrue(values >= 3, "the first answer and notifications, 5 ticks/s for 3 s: " + outcome.text());
        }
    }

    @Test
    void speaksDtlsWithThePreSharedKey() throws Exception {
        byte[] key = "secret-of-sensor-7".getBytes(StandardCharsets.US_ASCII);
        try (CoapSensorServer server = CoapSensorServer.startDtls(0, "sensor-7", key)) {
            assertTrue(server.uri().startsWith("coaps://"), server.uri());
            LibcoapClient.Outcome good = LibcoapClient.run(work, "-u", "sensor-7", "-k", "secret-of-sensor-7",
                    server.uri() + "/aq/text");
            assertEquals(Payloads.decimal(server.sensor().sample().pm10()), good.text().strip(), good.err());

            LibcoapClient.Outcome bad = LibcoapClient.run(work, "-u", "sensor-7", "-k", "wrong-key",
                    "-B", "5", server.uri() + "/aq/text");
            assertFalse(bad.text().contains(Payloads.decimal(server.sensor().sample().pm10())), bad.text());
        }
    }
}
