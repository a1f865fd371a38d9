package cat.smartregion.gateway.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.simulator.devices.MeterServer;
import cat.smartregion.gateway.simulator.devices.MeterSnapshot;
import cat.smartregion.gateway.simulator.devices.ModbusSlave;
import cat.smartregion.gateway.simulator.devices.RegisterBank;
import cat.smartregion.gateway.simulator.devices.SimulatedMeter;
import cat.smartregion.gateway.simulator.devices.Wire;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gateway read --probe} from the built distribution against Modbus servers on loopback: the
 * simulated SDM630 as it is, and the same register map with the two words of every value swapped.
 */
class ProbeCommandIT {

    private static final int PHASE_VOLTAGE_L1 = 0x0000;
    private static final int FREQUENCY = 0x0046;

    @TempDir
    Path work;

    @Test
    void aWordSwappedMeterRanksCdabFirstAndExits3() throws Exception {
        SimulatedMeter meter = SimulatedMeter.sdm630();
        try (ModbusSlave slave = ModbusSlave.tcp(InetAddress.getLoopbackAddress(), 0, Wire.TCP)
                .add(7, wordSwapped(meter.snapshot()))) {
            GatewayProcess.Outcome outcome = GatewayProcess.run(work, 60, "read", "--profile", "eastron-sdm630",
                    "--endpoint", "modbus-tcp://127.0.0.1:" + slave.port() + "?unit=7", "--probe", "--json");

            assertEquals(ProbeOutcome.OTHER_FIRST, outcome.exit(), outcome.err());
            JsonNode probe = GatewayProcess.json(outcome.lastLine());
            JsonNode best = probe.get("hypotheses").get(0);
            assertEquals("CDAB x1", best.get("label").asText(), outcome.out());
            assertEquals(probe.get("probed").asInt(), best.get("inRange").asInt(), "every point plausible as CDAB");
            assertEquals(meter.value(PHASE_VOLTAGE_L1), (float) best.get("samples").get("phaseVoltageL1").asDouble());
            assertEquals(meter.value(FREQUENCY), (float) best.get("samples").get("frequency").asDouble());
            assertFalse(probe.get("profileFirst").asBoolean());
            assertTrue(probe.get("profileRank").asInt() > 1);
            assertEquals("the meter looks word-swapped (CDAB): set order: CDAB", probe.get("verdict").asText());
        }
    }

    @Test
    void aCorrectMeterRanksTheProfilesOrderFirstAndExits0() throws Exception {
        SimulatedMeter meter = SimulatedMeter.sdm630();
        try (MeterServer server = MeterServer.start(InetAddress.getLoopbackAddress(), 0, Duration.ZERO).add(7, meter)) {
            GatewayProcess.Outcome outcome = GatewayProcess.run(work, 60, "read", "--profile", "eastron-sdm630",
                    "--endpoint", "modbus-tcp://127.0.0.1:" + server.port() + "?unit=7", "--device", "meter-7", "--probe");

            assertEquals(ProbeOutcome.PROFILE_FIRST, outcome.exit(), outcome.err());
            List<String> lines = outcome.lines();
            assertTrue(lines.get(0).startsWith("meter-7 (eastron-sdm630) at modbus-tcp://127.0.0.1:"), outcome.out());
            assertTrue(lines.get(1).contains("RANK") && lines.get(1).contains("phaseVoltageL1"), outcome.out());
            // the score is below 1.000 when a value strays from its typical one (a voltage of 229 V against 230 V)
            assertTrue(lines.get(2).matches("\\*\\s+1\\s+ABCD x1\\s+(1\\.000|0\\.9\\d\\d)\\s+(\\d+)/\\2\\s.*"),
                    "the profile first, every point in range: " + outcome.out());
            assertTrue(outcome.lastLine().startsWith("verdict: the profile's settings are the most plausible (ABCD x1, "),
                    outcome.out());
        }
    }

    @Test
    void aDeviceThatDoesNotAnswerExits1() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        GatewayProcess.Outcome outcome = GatewayProcess.run(work, 60, "read", "--profile", "eastron-sdm120",
                "--endpoint", "modbus-tcp://127.0.0.1:" + closedPort + "?unit=1", "--probe");

        assertEquals(ProbeOutcome.NOTHING_READ, outcome.exit(), outcome.err());
        assertTrue(outcome.err().contains("UNREACHABLE") && outcome.err().contains("gave no number"), outcome.err());
        assertFalse(outcome.err().contains("\tat "), "no stack trace: " + outcome.err());
    }

    /** The meter's register map with the low word of each float32 first; the gaps between values hold 0. */
    private static RegisterBank wordSwapped(MeterSnapshot snapshot) {
        RegisterBank bank = new RegisterBank();
        for (int register = 0; register <= snapshot.values().lastKey() + 1; register++) {
            bank.input(register, 0);
        }
        for (Map.Entry<Integer, Float> value : snapshot.values().entrySet()) {
            int bits = Float.floatToIntBits(value.getValue());
            bank.input(value.getKey(), bits & 0xFFFF, bits >>> 16);
        }
        return bank;
    }
}
