package cat.smartregion.gateway.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.simulator.devices.SocatPair;
import com.fasterxml.jackson.databind.JsonNode;
import com.fazecast.jSerialComm.SerialPort;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gateway read} from the built distribution reads serial devices on a socat pseudo-terminal
 * pair through the serial driver inside the OSGi runtime (jSerialComm's native library included):
 * a PMS5003-class particulate sensor pushing binary frames, and a Svantek sound level meter
 * answering line requests. The devices are played by the test itself, byte for byte as their
 * manuals show, since simulator-serial is not a launcher dependency. Needs Debian's socat.
 */
class SerialReadIT {

    /**
     * A PMS5003 active-mode frame without its check code: 42 4D, length 28, PM1.0/PM2.5/PM10 CF=1
     * (6, 14, 22 ug/m3), PM1.0/PM2.5/PM10 atmospheric (7, 13, 21 ug/m3), six particle counts, reserved.
     */
    private static final String FRAME = "424D001C" + "0006000E0016" + "0007000D0015"
            + "083402760064000900020000" + "9700";

    @TempDir
    Path work;

    @Test
    void readsThePms5003ThroughTheSerialDriverInsideFelix() throws Exception {
        byte[] frame = withChecksum(FRAME);
        try (SocatPair pair = SocatPair.open(work);
             OutputStream sensor = new FileOutputStream(pair.b())) {
            ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
            timer.scheduleAtFixedRate(() -> write(sensor, frame), 0, 200, TimeUnit.MILLISECONDS);
            try {
                GatewayProcess.Outcome outcome = GatewayProcess.run(work, 90, "read", "--profile", "plantower-pms5003",
                        "--endpoint", "serial://" + pair.a() + "?baud=9600&timeout=3000", "--device", "pms-1", "--json");

                assertEquals(0, outcome.exit(), outcome.err());
                Map<String, JsonNode> readings = outcome.lines().stream().map(GatewayProcess::json)
                        .collect(Collectors.toMap(r -> r.get("point").asText(), r -> r));
                assertEquals(6, readings.size(), outcome.out());
                assertReading(readings.get("pm1"), 7e-9);
                assertReading(readings.get("pm25"), 13e-9);
                assertReading(readings.get("pm10"), 21e-9);
                assertReading(readings.get("pm1Standard"), 6e-9);
                assertReading(readings.get("pm25Standard"), 14e-9);
                assertReading(readings.get("pm10Standard"), 22e-9);
            } finally {
                timer.shutdownNow();
                assertTrue(timer.awaitTermination(10, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    void readsTheSoundLevelMeterByRequestAndAnswer() throws Exception {
        try (SocatPair pair = SocatPair.open(work)) {
            SerialPort meter = SerialPort.getCommPort(pair.b());
            meter.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 50, 0);
            assertTrue(meter.openPort(), "cannot open " + pair.b());
            AtomicBoolean running = new AtomicBoolean(true);
            Thread responder = new Thread(() -> answerRequests(meter, running), "svantek-responder");
            responder.start();
            try {
                GatewayProcess.Outcome outcome = GatewayProcess.run(work, 90, "read", "--profile", "svantek-sv971a",
                        "--endpoint", "serial://" + pair.a() + "?timeout=3000", "--json");

                assertEquals(0, outcome.exit(), outcome.err());
                Map<String, JsonNode> readings = outcome.lines().stream().map(GatewayProcess::json)
                        .collect(Collectors.toMap(r -> r.get("point").asText(), r -> r));
                assertEquals(5, readings.size(), outcome.out());
                assertEquals(64.5, readings.get("LAeq").get("value").asDouble(), 1e-9);
                assertEquals(46.35, readings.get("LAS").get("value").asDouble(), 1e-9);
                assertEquals(52.92, readings.get("LAmax").get("value").asDouble(), 1e-9);
                assertEquals(38.5, readings.get("LAmin").get("value").asDouble(), 1e-9);
                assertEquals(76.92, readings.get("LCpeak").get("value").asDouble(), 1e-9);
                assertEquals("dB", readings.get("LAeq").get("unit").asText());
            } finally {
                running.set(false);
                responder.join(10_000);
                meter.closePort();
            }
        }
    }

    /** Answers each {@code #2...;} request as Svantek's manual shows. */
    private static void answerRequests(SerialPort meter, AtomicBoolean running) {
        byte[] answer = "#2,1,T3,V0,P76.92,M52.92,N38.50,S46.35,R64.50;".getBytes(StandardCharsets.US_ASCII);
        StringBuilder request = new StringBuilder();
        byte[] buffer = new byte[64];
        while (running.get()) {
            int n = meter.readBytes(buffer, buffer.length);
            for (int i = 0; i < n; i++) {
                request.append((char) buffer[i]);
                if (buffer[i] == ';') {
                    if (request.toString().startsWith("#2")) {
                        meter.writeBytes(answer, answer.length);
                    }
                    request.setLength(0);
                }
            }
        }
    }

    private static void assertReading(JsonNode reading, double kgPerM3) {
        assertEquals("pms-1", reading.get("device").asText());
        assertEquals("kg/m3", reading.get("unit").asText(), reading.toString());
        assertEquals("GOOD", reading.get("quality").asText(), reading.toString());
        assertEquals(kgPerM3, reading.get("value").asDouble(), kgPerM3 * 1e-9, reading.toString());
    }

    private static void write(OutputStream sensor, byte[] frame) {
        try {
            sensor.write(frame);
            sensor.flush();
        } catch (IOException e) {
            // the pair is closing at the end of the test
        }
    }

    /** The frame with its check code: the 16-bit sum of the bytes before it, high byte first. */
    private static byte[] withChecksum(String hex) {
        byte[] body = HexFormat.of().parseHex(hex);
        int sum = 0;
        for (byte b : body) {
            sum += b & 0xFF;
        }
        return HexFormat.of().parseHex(hex + String.format("%04X", sum & 0xFFFF));
    }
}
