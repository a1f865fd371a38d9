package cat.smartregion.gateway.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.simulator.devices.MeterServer;
import cat.smartregion.gateway.simulator.devices.SimulatedMeter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gateway read} from the built distribution, against a simulated meter on loopback. */
class ReadCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void readsEveryPointOfTheSdm630AsJsonLines() throws Exception {
        SimulatedMeter meter = SimulatedMeter.sdm630();
        try (MeterServer server = MeterServer.start(InetAddress.getLoopbackAddress(), 0, Duration.ZERO).add(7, meter)) {
            GatewayProcess.Outcome outcome = GatewayProcess.run(work, 60, "read", "--profile", "eastron-sdm630",
                    "--endpoint", "modbus-tcp://127.0.0.1:" + server.port() + "?unit=7", "--device", "meter-7", "--json");

            assertEquals(0, outcome.exit(), outcome.err());
            List<String> lines = outcome.lines();
            assertTrue(lines.size() >= 20, "one line per SDM630 point, got " + lines);
            for (String line : lines) {
                JsonNode reading = JSON.readTree(line);
                for (String key : List.of("device", "point", "quantity", "value", "unit", "time", "quality")) {
                    assertTrue(reading.hasNonNull(key), key + " missing in " + line);
                }
                assertEquals("meter-7", reading.get("device").asText());
                Instant.parse(reading.get("time").asText());
                assertEquals("GOOD", reading.get("quality").asText(), line);
            }
            JsonNode voltage = lines.stream().map(GatewayProcess::json).filter(r -> r.get("point").asText().equals("phaseVoltageL1"))
                    .findFirst().orElseThrow();
            assertEquals("V", voltage.get("unit").asText());
            assertEquals(meter.value(0x0000), (float) voltage.get("value").asDouble());
        }
    }

    @Test
    void aDeviceThatDoesNotAnswerGivesAClearMessageAndExit3() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        GatewayProcess.Outcome outcome = GatewayProcess.run(work, 60, "read", "--profile", "eastron-sdm120",
                "--endpoint", "modbus-tcp://127.0.0.1:" + closedPort + "?unit=1");

        assertEquals(Main.NO_ANSWER, outcome.exit(), outcome.err());
        assertTrue(outcome.err().contains("did not answer"), outcome.err());
        assertFalse(outcome.err().contains("\tat "), "no stack trace: " + outcome.err());
    }

    @Test
    void aUnitAbsentBehindATcpGatewayShowsModbusExceptionCodesInHex() throws Exception {
        try (MeterServer server = MeterServer.start(InetAddress.getLoopbackAddress(), 0, Duration.ZERO).add(7, SimulatedMeter.sdm120())) {
            GatewayProcess.Outcome outcome = GatewayProcess.run(work, 60, "read", "--profile", "eastron-sdm120",
                    "--endpoint", "modbus-tcp://127.0.0.1:" + server.port() + "?unit=8");

            assertEquals(Main.NO_ANSWER, outcome.exit(), outcome.err());
            assertTrue(outcome.err().contains("EXCEPTION (exception 0x0B)"), "gateway target failed to respond: " + outcome.err());
        }
    }

    @Test
    void anUnknownProfileIsAUsageErrorNamingIt() throws Exception {
        GatewayProcess.Outcome outcome = GatewayProcess.run(work, 60, "read", "--profile", "no-such-meter",
                "--endpoint", "modbus-tcp://127.0.0.1:1?unit=1");

        assertEquals(Main.USAGE, outcome.exit(), outcome.err());
        assertTrue(outcome.err().contains("no-such-meter"), outcome.err());
        assertFalse(outcome.err().contains("\tat "), "no stack trace: " + outcome.err());
    }
}
