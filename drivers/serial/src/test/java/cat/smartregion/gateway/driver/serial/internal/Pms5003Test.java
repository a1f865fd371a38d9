package cat.smartregion.gateway.driver.serial.internal;

import static cat.smartregion.gateway.driver.serial.internal.SerialRig.readUntil;
import static cat.smartregion.gateway.driver.serial.internal.SerialRig.status;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.driver.PointRequest;
import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.api.driver.RawValue;
import cat.smartregion.gateway.simulator.serial.ParticleSample;
import cat.smartregion.gateway.simulator.serial.Pms5003Simulator;
import cat.smartregion.gateway.simulator.serial.SerialFault;
import cat.smartregion.gateway.simulator.devices.SocatPair;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver reads the simulated PMS5003 pushing frames on a socat pty pair (needs Debian's socat). */
class Pms5003Test {

    /** The options of device-profiles/profiles/plantower-pms5003.yaml. */
    static final Map<String, String> PMS5003 = Map.of("frame", "binary", "mode", "push", "header", "42 4D",
            "lengthOffset", "2", "lengthSize", "2", "lengthAdds", "4", "maxLength", "64", "checksum", "sum16");

    /** Data 1 to 12 of the frame: PM standard, PM atmospheric, particle counts. */
    static final List<PointRequest> POINTS = IntStream.range(0, 12)
            .mapToObj(i -> new PointRequest("data" + (i + 1), "offset:" + (4 + 2 * i), 1)).toList();

    @TempDir
    Path dir;

    private SocatPair pair;
    private Pms5003Simulator sensor;
    private final SerialDriver driver = new SerialDriver(2000);

    @BeforeEach
    void start() throws IOException {
        pair = SocatPair.open(dir);
        sensor = Pms5003Simulator.start(pair.b(), Duration.ofMillis(100));
    }

    @AfterEach
    void stop() {
        sensor.close();
        pair.close();
        assertEquals(0, SerialRig.readerThreads(), "a serial reader thread outlived its connection");
    }

    private SerialConnection connect() throws IOException {
        return (SerialConnection) driver.connect(URI.create("serial://" + pair.a() + "?baud=9600&timeout=2000"), PMS5003);
    }

    @Test
    void everyFieldOfTheFrameComesBackBigEndian() throws IOException {
        ParticleSample sample = new ParticleSample(5, 10, 12, 4, 9, 11, 1800, 544, 90, 9, 2, 65535);
        sensor.fix(sample);
        try (SerialConnection connection = connect()) {
            List<RawValue> values = readUntil(connection, POINTS, v -> v.isOk() && v.data()[1] == 5, "the fixed sample");

            int[] expected = sample.values();
            for (int i = 0; i < 12; i++) {
                assertEquals(PointStatus.OK, values.get(i).status(), values.get(i).detail());
                assertArrayEquals(new byte[] {(byte) (expected[i] >> 8), (byte) expected[i]}, values.get(i).data(), "data " + (i + 1));
            }
            assertTrue(connection.figures().frames() >= 1);
        }
    }

    @Test
    void valuesChangeFromFrameToFrameAndEachFrameAnswersOneRead() throws IOException {
        try (SerialConnection connection = connect()) {
            List<String> seen = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                RawValue counts = connection.read(List.of(POINTS.get(6))).get(0);
                assertEquals(PointStatus.OK, counts.status(), counts.detail());
                seen.add(java.util.Arrays.toString(counts.data()));
            }
            assertNotEquals(1, seen.stream().distinct().count(), "the particle count never changed: " + seen);
        }
    }

    @Test
    void eachFaultGivesItsStatusIsCountedAndTheReaderResyncs() throws IOException {
        try (SerialConnection connection = connect()) {
            List<PointRequest> pm25 = List.of(POINTS.get(1));
            readUntil(connection, pm25, RawValue::isOk, "a first frame");
            for (SerialFault fault : List.of(SerialFault.CORRUPT, SerialFault.TRUNCATED, SerialFault.SILENCE)) {
                long broken = connection.figures().broken();
                sensor.fault(fault);
                PointStatus expected = fault == SerialFault.SILENCE ? PointStatus.TIMEOUT : PointStatus.BAD_FRAME;
                RawValue failed = readUntil(connection, pm25, status(expected), fault + " -> " + expected).get(0);
                assertTrue(failed.detail().contains(fault == SerialFault.SILENCE ? "no frame" : "broken"), failed.detail());
                if (fault != SerialFault.SILENCE) {
                    assertTrue(connection.figures().broken() > broken, fault + " not counted: " + connection.figures());
                }
                sensor.fault(SerialFault.NONE);
                readUntil(connection, pm25, RawValue::isOk, "good frames again after " + fault);
            }
            long broken = connection.figures().broken();
            sensor.fault(SerialFault.GARBAGE);
            long deadline = System.nanoTime() + SerialRig.PATIENCE.toNanos();
            while (connection.figures().broken() <= broken + 3 && System.nanoTime() - deadline < 0) {
                assertEquals(PointStatus.OK, connection.read(pm25).get(0).status(), "frames between garbage read well");
            }
            assertTrue(connection.figures().broken() > broken + 3, "garbage not counted: " + connection.figures());
        }
    }

    @Test
    void onePortOneConnection() throws IOException {
        try (SerialConnection connection = connect()) {
            IOException busy = assertThrows(IOException.class, this::connect);
            assertTrue(busy.getMessage().contains("already in use"), busy.getMessage());
        }
        connect().close();
    }

    @Test
    void aMissingPortIsAnIoErrorAndOptionsAreNeeded() {
        assertThrows(IOException.class, () -> driver.connect(URI.create("serial://" + dir.resolve("none")), PMS5003));
        assertThrows(IllegalArgumentException.class, () -> driver.connect(URI.create("serial://" + pair.a())));
        assertTrue(driver.supports(URI.create("serial:///dev/ttyUSB0")));
    }
}
