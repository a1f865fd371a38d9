package cat.smartregion.gateway.driver.coap.internal;

import static cat.smartregion.gateway.driver.coap.internal.CoapDriverTest.point;
import static cat.smartregion.gateway.driver.coap.internal.CoapDriverTest.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cat.smartregion.gateway.api.driver.Connection;
import cat.smartregion.gateway.api.driver.PointRequest;
import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.api.driver.RawValue;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver against libcoap's coap-server, an independent implementation (Debian libcoap3-bin). */
class LibcoapInteropTest {

    private final CoapDriver driver = new CoapDriver(new DriverSettings(3000, 1000, 65536));
    private Set<Thread> before;

    @TempDir
    Path work;

    @BeforeEach
    void threadsBefore() {
        before = Threads.live();
    }

    @AfterEach
    void noThreadLeft() {
        Threads.awaitNoneBut(before);
    }

    @Test
    void readsEachFormatBlockWiseAndErrors() throws Exception {
        try (LibcoapServer server = LibcoapServer.start(work, "", "")) {
            URI data = URI.create("coap://127.0.0.1:" + server.port() + "/example_data");
            server.put("23.5".getBytes(StandardCharsets.US_ASCII), 0);
            assertEquals("23.5", read(data, Map.of(), point("t", "value")));

            server.put("{\"noise\":{\"laeq\":63.2,\"unit\":\"dBA\"}}".getBytes(StandardCharsets.UTF_8), 50);
            assertEquals("63.2", read(data, Map.of(), point("laeq", "/noise/laeq")));

            server.put(("[{\"bn\":\"urn:dev:ow:10e2073a01080063:\",\"bu\":\"Cel\",\"n\":\"temp\",\"v\":21.5},"
                    + "{\"n\":\"hum\",\"u\":\"%RH\",\"v\":40}]").getBytes(StandardCharsets.UTF_8), 110);
            assertEquals("21.5", read(data, Map.of(), point("temp", "temp;u=Cel")));
            assertEquals("40", read(data, Map.of(), point("hum", "urn:dev:ow:10e2073a01080063:hum;u=%RH")));

            server.put(senmlCbor("pm10", "ug/m3", 17.25), 112);
            assertEquals("17.25", read(data, Map.of("format", "senml-cbor"), point("pm10", "pm10;u=ug/m3")));

            server.put(largePack(200), 110);
            assertEquals("199", read(data, Map.of(), point("last", "n")), "a 200-record pack comes block-wise");

            RawValue missing = readRaw(URI.create("coap://127.0.0.1:" + server.port() + "/no-such"), Map.of(),
                    point("t", "value"));
            assertEquals(PointStatus.EXCEPTION, missing.status());
            assertEquals(132, missing.exceptionCode());
        }
    }

    @Test
    void observesTheResourceAcrossPuts() throws Exception {
        try (LibcoapServer server = LibcoapServer.start(work, "", "")) {
            server.put("10.0".getBytes(StandardCharsets.US_ASCII), 0);
            URI data = URI.create("coap://127.0.0.1:" + server.port() + "/example_data");
            try (Connection connection = driver.connect(data, Map.of("observe", "true"))) {
                assertEquals("10.0", value(connection.read(List.of(point("t", "value"))).get(0)));
                server.put("11.5".getBytes(StandardCharsets.US_ASCII), 0);
                long deadline = System.nanoTime() + 20_000_000_000L;
                String last;
                do {
                    last = value(connection.read(List.of(point("t", "value"))).get(0));
                    LockSupport.parkNanos(20_000_000); // polling interval
                } while (!last.equals("11.5") && System.nanoTime() < deadline);
                assertEquals("11.5", last, "the notification of the PUT");
                assertEquals(1, ((Observer) ((CoapConnection) connection).source()).registrations());
            }
        }
    }

    @Test
    void speaksDtlsPskWithLibcoap() throws Exception {
        try (LibcoapServer server = LibcoapServer.start(work, "libcoap-secret", "gateway-hint")) {
            server.put("7.5".getBytes(StandardCharsets.US_ASCII), 0);
            Path good = keyFile("good.psk", "libcoap-secret");
            Path bad = keyFile("bad.psk", "other-secret");
            String base = "coaps://127.0.0.1:" + server.dtlsPort() + "/example_data?identity=sensor-7&keyFile=";
            assertEquals("7.5", read(URI.create(base + good), Map.of(), point("t", "value")));
            RawValue refused = readRaw(URI.create(base + bad), Map.of(), point("t", "value"));
            assertEquals(PointStatus.UNREACHABLE, refused.status(), refused.toString());
        }
    }

    private Path keyFile(String name, String content) throws Exception {
        Path file = work.resolve(name);
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** Reads one point, retrying while the freshly started server does not answer yet. */
    private String read(URI uri, Map<String, String> options, PointRequest point) throws Exception {
        return value(readRaw(uri, options, point));
    }

    private RawValue readRaw(URI uri, Map<String, String> options, PointRequest point) throws Exception {
        try (Connection connection = driver.connect(uri, options)) {
            return connection.read(List.of(point)).get(0);
        }
    }

    private static byte[] senmlCbor(String name, String unit, double value) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator cbor = new CBORFactory().createGenerator(out)) {
            cbor.writeStartArray();
            cbor.writeStartObject();
            cbor.writeFieldId(-2);
            cbor.writeString("urn:dev:ow:10e2073a01080063:");
            cbor.writeFieldId(0);
            cbor.writeString(name);
            cbor.writeFieldId(1);
            cbor.writeString(unit);
            cbor.writeFieldId(2);
            cbor.writeNumber(value);
            cbor.writeEndObject();
            cbor.writeEndArray();
        }
        return out.toByteArray();
    }

    private static byte[] largePack(int records) {
        StringBuilder pack = new StringBuilder("[");
        for (int i = 0; i < records; i++) {
            pack.append(i == 0 ? "" : ",").append("{\"n\":\"n\",\"u\":\"count\",\"t\":").append(i).append(",\"v\":").append(i).append('}');
        }
        return pack.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }
}
