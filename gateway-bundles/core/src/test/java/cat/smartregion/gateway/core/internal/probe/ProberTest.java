package cat.smartregion.gateway.core.internal.probe;

import static cat.smartregion.gateway.core.internal.probe.RankingTest.NOW;
import static cat.smartregion.gateway.core.internal.probe.RankingTest.VOLTAGE;
import static cat.smartregion.gateway.core.internal.probe.RankingTest.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.Priority;
import cat.smartregion.gateway.api.device.DeviceConfig;
import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.api.driver.RawValue;
import cat.smartregion.gateway.api.profile.DataType;
import cat.smartregion.gateway.api.profile.DeviceProfile;
import cat.smartregion.gateway.api.profile.PointSpec;
import cat.smartregion.gateway.api.profile.Range;
import cat.smartregion.gateway.api.profile.WordOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** From a driver's answers to a report: what is probed, what failed, and the JSON the launcher prints. */
class ProberTest {

    private static final DeviceConfig DEVICE = new DeviceConfig("meter-7", "test-meter",
            URI.create("modbus-tcp://127.0.0.1:5020?unit=7"), Duration.ofSeconds(5));

    private static final PointSpec POWER = new PointSpec("power", "power", "activePower", "holding:40084",
            DataType.INT16, WordOrder.ABCD, 1, 0, "W", new Range(-10_000, 10_000), Priority.SAMPLE, 1, "holding:40085");
    private static final PointSpec FREQUENCY = RankingTest.FREQUENCY;
    private static final PointSpec SERIAL = new PointSpec("serial", "serial number", "text", "holding:40052",
            DataType.STRING, WordOrder.ABCD, 1, 0, "", Range.ANY, Priority.STATE, 2, "");

    private static final DeviceProfile PROFILE = new DeviceProfile("test-meter", "Test", "T1", "modbus", "tests",
            List.of(VOLTAGE, POWER, FREQUENCY, SERIAL));

    @Test
    void rankWhatAnsweredReportTheRestAndRenderJson() throws Exception {
        ProbeReport report = Prober.report(DEVICE, PROFILE, List.of(
                RawValue.ok("voltage", bytes(0x80, 0x00, 0x43, 0x66)),        // 230.5f, words swapped
                RawValue.ok("power", bytes(0x04, 0xD2)),                      // 1234
                RawValue.ok("sf:holding:40085", bytes(0xFF, 0xFF)),           // 10^-1: 123.4 W
                RawValue.exception("frequency", 2, "illegal data address"),
                RawValue.ok("serial", bytes('A', 'B', 'C', 0))), NOW);

        Ranking ranking = report.ranking().orElseThrow();
        assertEquals(2, ranking.best().points(), "voltage and power; the text is not probed, the frequency failed");
        assertEquals(123.4, ranking.profile().value("power").getAsDouble());
        assertEquals(List.of(PointStatus.EXCEPTION), report.failures().stream().map(RawValue::status).toList());

        JsonNode json = new ObjectMapper().readTree(ProbeJson.render(report));
        assertEquals("meter-7", json.get("device").asText());
        assertEquals(2, json.get("probed").asInt());
        assertEquals("frequency", json.get("failures").get(0).get("point").asText());
        assertEquals(2, json.get("failures").get(0).get("exceptionCode").asInt());
        assertEquals("the meter looks word-swapped (CDAB): set order: CDAB", json.get("verdict").asText());
        assertEquals(false, json.get("profileFirst").asBoolean());
        JsonNode best = json.get("hypotheses").get(0);
        assertEquals(1, best.get("rank").asInt());
        assertEquals("CDAB x1", best.get("label").asText());
        assertEquals("CDAB", best.get("order").asText());
        assertEquals(1.0, best.get("scale").asDouble());
        assertEquals(2, best.get("inRange").asInt());
        assertEquals(230.5, best.get("samples").get("voltage").asDouble());
        JsonNode profile = json.get("hypotheses").get(json.get("profileRank").asInt() - 1);
        assertTrue(profile.get("profile").asBoolean());
        assertTrue(profile.get("samples").get("voltage").isNumber(), "-2.4e-41: a number, out of range");
    }

    @Test
    void aMissingScaleFactorOrNoAnswerAtAllLeavesNothingToRank() throws Exception {
        ProbeReport report = Prober.report(DEVICE, PROFILE, List.of(
                RawValue.failed("voltage", PointStatus.TIMEOUT, "no answer within 1000 ms"),
                RawValue.ok("power", bytes(0x04, 0xD2)),
                RawValue.failed("sf:holding:40085", PointStatus.TIMEOUT, "no answer within 1000 ms")), NOW);

        assertTrue(report.ranking().isEmpty());
        assertEquals(List.of("voltage", "power", "frequency", "serial"), report.failures().stream().map(RawValue::point).toList());
        JsonNode json = new ObjectMapper().readTree(ProbeJson.render(report));
        assertEquals(0, json.get("probed").asInt());
        assertTrue(json.get("verdict").asText().contains("gave no number"), json.toString());
    }
}
