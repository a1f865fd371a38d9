package cat.smartregion.gateway.driver.coap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.driver.Connection;
import cat.smartregion.gateway.api.driver.PointRequest;
import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.api.driver.RawValue;
import cat.smartregion.gateway.simulator.coap.AirQualitySensor.Sample;
import cat.smartregion.gateway.simulator.coap.CoapSensorServer;
import cat.smartregion.gateway.simulator.coap.Fault;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver against the simulated air-quality node on loopback. */
class CoapDriverTest {

    private static final List<PointRequest> SENML = List.of(point("pm10", "pm10;u=ug/m3"), point("pm25", "pm25"),
            point("temperature", "temperature;u=Cel"), point("humidity", "urn:dev:mac:0024befffe804ff1:humidity"));

    private final CoapDriver driver = new CoapDriver(new DriverSettings(2000, 1000, 65536));
    private Set<Thread> before;

    @TempDir
    Path work;

    @BeforeEach
    void threadsBefore() {
        before = Threads.live();
    }

    @AfterEach
    void noThreadNorPropertiesFileLeft() {
        Threads.awaitNoneBut(before);
        assertFalse(Files.exists(Paths.get("Californium3.properties")), "Californium3.properties written");
    }

    @Test
    void pollsEachFormat() throws Exception {
        try (CoapSensorServer server = CoapSensorServer.start(0)) {
            server.tick();
            Sample s = server.sensor().sample();
            assertEquals(List.of(text(s.pm10())), read(server, "/aq/text", Map.of(), List.of(point("pm10", "value"))));
            assertEquals(List.of(text(s.pm10()), text(s.humidity())), read(server, "/aq/json", Map.of("format", "json"),
                    List.of(point("pm10", "/pm10"), point("humidity", "/humidity"))));
            List<String> expected = List.of(text(s.pm10()), text(s.pm25()), text(s.temperature()), text(s.humidity()));
            assertEquals(expected, read(server, "/aq/senml", Map.of(), SENML), "by content format 110");
            assertEquals(expected, read(server, "/aq/senml-cbor", Map.of(), SENML), "by content format 112");
            assertEquals(expected, read(server, "/aq/senml-cbor", Map.of("format", "senml-cbor"), SENML));
        }
    }

    @Test
    void readsALargeResourceBlockWise() throws Exception {
        try (CoapSensorServer server = CoapSensorServer.start(0)) {
            Sample s = server.sensor().sample();
            List<String> values = read(server, "/aq/history", Map.of(),
                    List.of(point("pm10", "pm10"), point("last", "pm10-history")));
            assertEquals(List.of(text(s.pm10()), text(s.pm10() + 160 % 7)), values);
        }
    }

    @Test
    void eachFaultGivesItsStatus() throws Exception {
        try (CoapSensorServer server = CoapSensorServer.start(0);
             Connection connection = driver.connect(URI.create(server.uri() + "/aq/json"), Map.of())) {
            List<PointRequest> points = List.of(point("pm10", "/pm10"), point("nothing", "/no/such"));
            List<RawValue> good = connection.read(points);
            assertEquals(PointStatus.OK, good.get(0).status());
            assertEquals(PointStatus.BAD_FRAME, good.get(1).status(), "a missing member fails its point only");

            server.fault(Fault.NOT_FOUND);
            RawValue notFound = connection.read(points).get(0);
            assertEquals(PointStatus.EXCEPTION, notFound.status());
            assertEquals(132, notFound.exceptionCode(), "4.04");
            assertTrue(notFound.detail().contains("4.04"), notFound.detail());

            server.fault(Fault.MALFORMED);
            RawValue malformed = connection.read(points).get(0);
            assertEquals(PointStatus.BAD_FRAME, malformed.status(), malformed.toString());

            server.fault(Fault.SILENCE);
            assertEquals(PointStatus.TIMEOUT, connection.read(points).get(0).status());

            server.fault(Fault.NONE);
            assertEquals(PointStatus.OK, connection.read(points).get(0).status(), "the connection goes on");
        }
    }

    @Test
    void aUnitMismatchIsABadFrame() throws Exception {
        try (CoapSensorServer server = CoapSensorServer.start(0);
             Connection connection = driver.connect(URI.create(server.uri() + "/aq/senml"), Map.of())) {
            List<RawValue> values = connection.read(List.of(point("pm10", "pm10;u=mg/m3"), point("pm25", "pm25;u=ug/m3")));
            assertEquals(PointStatus.BAD_FRAME, values.get(0).status());
            assertTrue(values.get(0).detail().contains("'ug/m3', the point expects 'mg/m3'"), values.get(0).detail());
            assertEquals(PointStatus.OK, values.get(1).status());
        }
    }

    @Test
    void observesAndRegistersAgainWhenTheNotificationsLapse() throws Exception {
        try (CoapSensorServer server = CoapSensorServer.start(0);
             Connection connection = driver.connect(URI.create(server.uri() + "/aq/senml"),
                     Map.of("observe", "true", "lapseMs", "1500"))) {
            assertEquals(text(server.sensor().sample().pm10()), value(connection.read(SENML).get(0)));
            assertEquals(1, server.registrations("senml"));

            server.tick();
            String notified = text(server.sensor().sample().pm10());
            awaitValue(connection, notified, "the notification of the tick");
            assertEquals(1, server.registrations("senml"), "answered from the notification, no new GET");

            server.muteNotifications(true);
            server.tick();
            String unnotified = text(server.sensor().sample().pm10());
            awaitValue(connection, unnotified, "a new registration once the notifications lapsed");
            assertTrue(server.registrations("senml") >= 2, "registered again: " + server.registrations("senml"));
        }
    }

    @Test
    void observesALargeResourceBlockWise() throws Exception {
        List<PointRequest> last = List.of(point("pm10", "pm10"), point("last", "pm10-history"));
        try (CoapSensorServer server = CoapSensorServer.start(0);
             Connection connection = driver.connect(URI.create(server.uri() + "/aq/history"), Map.of("observe", "true"))) {
            assertEquals(text(server.sensor().sample().pm10()), value(connection.read(last).get(0)));
            server.tick();
            String expected = text(server.sensor().sample().pm10());
            long deadline = System.nanoTime() + 20_000_000_000L;
            String seen;
            do {
                seen = value(connection.read(last).get(0));
                LockSupport.parkNanos(20_000_000); // polling interval
            } while (!seen.equals(expected) && System.nanoTime() < deadline);
            assertEquals(expected, seen, "the ~8 KB notification, reassembled");
            assertEquals(1, server.registrations("history"));
        }
    }

    @Test
    void anObservedResourceThatFallsSilentTimesOut() throws Exception {
        try (CoapSensorServer server = CoapSensorServer.start(0);
             Connection connection = driver.connect(URI.create(server.uri() + "/aq/text"),
                     Map.of("observe", "true", "lapseMs", "500"))) {
            assertEquals(PointStatus.OK, connection.read(List.of(point("pm10", "value"))).get(0).status());
            server.fault(Fault.SILENCE);
            server.muteNotifications(true);
            long deadline = System.nanoTime() + 20_000_000_000L;
            RawValue value;
            do {
                value = connection.read(List.of(point("pm10", "value"))).get(0);
                LockSupport.parkNanos(20_000_000); // polling interval
            } while (value.isOk() && System.nanoTime() < deadline);
            assertEquals(PointStatus.TIMEOUT, value.status(), value.toString());
        }
    }

    @Test
    void speaksDtlsWithThePreSharedKeyOfItsFile() throws Exception {
        byte[] key = "sensor-7-secret".getBytes(StandardCharsets.US_ASCII);
        Path good = keyFile("good.psk", "sensor-7-secret\n");
        Path bad = keyFile("bad.psk", "another-secret");
        try (CoapSensorServer server = CoapSensorServer.startDtls(0, "sensor-7", key)) {
            String base = server.uri() + "/aq/text?identity=sensor-7&keyFile=";
            try (Connection connection = driver.connect(URI.create(base + good), Map.of())) {
                RawValue value = connection.read(List.of(point("pm10", "value"))).get(0);
                assertEquals(text(server.sensor().sample().pm10()), value(value));
            }
            try (Connection connection = driver.connect(URI.create(base + bad), Map.of())) {
                RawValue value = connection.read(List.of(point("pm10", "value"))).get(0);
                assertEquals(PointStatus.UNREACHABLE, value.status(), value.toString());
                assertFalse(value.detail().contains("another-secret"), value.detail());
            }
        }
    }

    @Test
    void refusesAKeyFileOthersCanRead() throws Exception {
        Path open = keyFile("open.psk", "secret");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> driver.connect(
                URI.create("coaps://127.0.0.1:5684/aq?identity=x&keyFile=" + open), Map.of()));
        assertTrue(e.getMessage().contains("must be mode 0600"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> driver.connect(URI.create("coaps://127.0.0.1/aq"), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> driver.connect(URI.create("coap://127.0.0.1/aq"),
                Map.of("format", "xml")));
    }

    private Path keyFile(String name, String content) throws Exception {
        Path file = work.resolve(name);
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static void awaitValue(Connection connection, String expected, String what) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        String last;
        do {
            last = value(connection.read(SENML).get(0));
            if (last.equals(expected)) {
                return;
            }
            LockSupport.parkNanos(20_000_000); // polling interval
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no " + what + " (" + expected + ") within 20 s, last " + last);
    }

    private List<String> read(CoapSensorServer server, String path, Map<String, String> options,
                              List<PointRequest> points) throws Exception {
        try (Connection connection = driver.connect(URI.create(server.uri() + path), options)) {
            return connection.read(points).stream().map(CoapDriverTest::value).toList();
        }
    }

    static String value(RawValue value) {
        if (!value.isOk()) {
            throw new AssertionError("not OK: " + value);
        }
        return new String(value.data(), StandardCharsets.UTF_8);
    }

    static PointRequest point(String name, String address) {
        return new PointRequest(name, address, 1);
    }

    private static String text(double value) {
        return Double.toString(value);
    }
}
