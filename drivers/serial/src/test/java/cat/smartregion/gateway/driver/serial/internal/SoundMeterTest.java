package cat.smartregion.gateway.driver.serial.internal;

import static cat.smartregion.gateway.driver.serial.internal.SerialRig.readUntil;
import static cat.smartregion.gateway.driver.serial.internal.SerialRig.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.driver.PointRequest;
import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.api.driver.RawValue;
import cat.smartregion.gateway.simulator.serial.SerialFault;
import cat.smartregion.gateway.simulator.devices.SocatPair;
import cat.smartregion.gateway.simulator.serial.SoundMeterSimulator;
import cat.smartregion.gateway.simulator.serial.SoundSample;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The line protocol of a Svantek-like sound level meter, polled and pushed, on a socat pty pair. */
class SoundMeterTest {

    /** The options of device-profiles/profiles/svantek-sv971a.yaml. */
    static final Map<String, String> SVANTEK = Map.of("frame", "line", "mode", "poll", "terminator", ";",
            "request", "#2,1,T?,V?,P?,M?,N?,S?,R?;",
            "pattern", "#2,1,T(?<T>\\d+),V(?<V>\\d),P(?<P>[0-9.?]+),M(?<M>[0-9.?]+),N(?<N>[0-9.?]+),S(?<S>[0-9.?]+),R(?<R>[0-9.?]+)");

    static final List<PointRequest> POINTS = List.of(new PointRequest("leq", "R", 1), new PointRequest("level", "S", 1),
            new PointRequest("max", "M", 1), new PointRequest("min", "N", 1), new PointRequest("peak", "P", 1),
            new PointRequest("seconds", "T", 1));

    private static final SoundSample SAMPLE = new SoundSample(64.5, 46.35, 52.92, 38.5, 76.92, 3);

    @TempDir
    Path dir;

    private SocatPair pair;
    private final SerialDriver driver = new SerialDriver(1000);

    @BeforeEach
    void start() throws IOException {
        pair = SocatPair.open(dir);
    }

    @AfterEach
    void stop() {
        pair.close();
        assertEquals(0, SerialRig.readerThreads(), "a serial reader thread outlived its connection");
    }

    private SerialConnection connect(Map<String, String> options) throws IOException {
        return (SerialConnection) driver.connect(URI.create("serial://" + pair.a() + "?timeout=1000"), options);
    }

    private static String text(RawValue value) {
        return new String(value.data(), StandardCharsets.US_ASCII).strip();
    }

    @Test
    void aRequestIsAnsweredWithEveryValue() throws IOException {
        try (SoundMeterSimulator meter = SoundMeterSimulator.answering(pair.b()).fix(SAMPLE);
             SerialConnection connection = connect(SVANTEK)) {
            List<RawValue> values = connection.read(POINTS);

            assertEquals(List.of("64.50", "46.35", "52.92", "38.50", "76.92", "3"), values.stream().map(SoundMeterTest::text).toList(),
                    values.toString());
            assertTrue(values.stream().allMatch(RawValue::isOk));
            assertEquals(1, meter.linesSent());
        }
    }

    @Test
    void eachFaultGivesItsStatusAndTheNextRequestIsAnsweredAgain() throws IOException {
        try (SoundMeterSimulator meter = SoundMeterSimulator.answering(pair.b()).fix(SAMPLE);
             SerialConnection connection = connect(SVANTEK)) {
            Map<SerialFault, PointStatus> expected = Map.of(SerialFault.CORRUPT, PointStatus.BAD_FRAME,
                    SerialFault.TRUNCATED, PointStatus.BAD_FRAME, SerialFault.SILENCE, PointStatus.TIMEOUT,
                    SerialFault.GARBAGE, PointStatus.OK);
            for (SerialFault fault : List.of(SerialFault.CORRUPT, SerialFault.SILENCE, SerialFault.TRUNCATED, SerialFault.GARBAGE)) {
                meter.fault(fault);
                RawValue leq = connection.read(POINTS).get(0);
                assertEquals(expected.get(fault), leq.status(), fault + ": " + leq.detail());
                meter.fault(SerialFault.NONE);
                assertEquals("64.50", text(connection.read(POINTS).get(0)), "answers again after " + fault);
            }
            assertEquals(2, connection.figures().broken(), connection.figures().toString());
        }
    }

    @Test
    void aPushingMeterIsReadFromItsNewestLine() throws IOException {
        Map<String, String> push = new HashMap<>(SVANTEK);
        push.remove("request");
        push.put("mode", "push");
        push.put("pattern", SVANTEK.get("pattern") + "(?:,L\\(01\\)(?<L01>[0-9.]+))?");
        try (SoundMeterSimulator meter = SoundMeterSimulator.pushing(pair.b(), 100).fix(SAMPLE);
             SerialConnection connection = connect(push)) {
            List<PointRequest> points = List.of(POINTS.get(0), new PointRequest("l01", "L01", 1));
            List<RawValue> values = readUntil(connection, points, RawValue::isOk, "a pushed line");

            assertEquals("64.50", text(values.get(0)));
            assertEquals(PointStatus.BAD_FRAME, values.get(1).status());
            assertTrue(values.get(1).detail().contains("absent"), values.get(1).detail());
            meter.fault(SerialFault.TRUNCATED);
            readUntil(connection, points, status(PointStatus.BAD_FRAME), "broken pushed lines");
            meter.fault(SerialFault.NONE);
            readUntil(connection, points, RawValue::isOk, "good pushed lines again");
        }
    }
}
