package cat.smartregion.gateway.driver.modbus.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.driver.Connection;
import cat.smartregion.gateway.api.driver.PointRequest;
import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.api.driver.RawValue;
import cat.smartregion.gateway.simulator.devices.SocatPair;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver's RTU framing against an independent slave, npm {@code modbus-serial}'s ServerSerial,
 * over a socat pseudo-terminal pair. Needs Debian's {@code socat}, {@code nodejs} and {@code npm}; the
 * test runs {@code npm ci} in {@code src/test/node} when its {@code node_modules} is missing.
 */
class ModbusDriverNpmRtuTest {

    private static final Path NODE_DIR = Path.of("src/test/node").toAbsolutePath();
    private static final String INSTALL = "install it with 'apt-get install -y nodejs npm socat' (CI installs them)";

    @TempDir
    Path dir;

    @Test
    void readsKnownValuesOfEveryTableOverRtu() throws Exception {
        installNodeModules();
        try (SocatPair pair = SocatPair.open(dir);
             ExternalProcess slave = ExternalProcess.start(List.of("node", "rtu_server.js", pair.b(), "19200", "even", "5"),
                     NODE_DIR, dir.resolve("node.log"), INSTALL)) {
            slave.awaitOutput(out -> out.contains("ready"), Duration.ofSeconds(20));
            ModbusDriver driver = new ModbusDriver(DriverSettings.DEFAULTS);
            try (Connection connection = driver.connect(URI.create("modbus-rtu://" + pair.a() + "?baud=19200&parity=E&unit=5&timeout=2000"))) {
                List<RawValue> values = connection.read(List.of(
                        new PointRequest("voltage", "input:0x0000", 2),
                        new PointRequest("negative", "input:0x0002", 2),
                        new PointRequest("undefined", "input:0x0004", 2),
                        new PointRequest("frequency", "input:0x0046", 2),
                        new PointRequest("counter", "input:0x0048", 2),
                        new PointRequest("holding", "holding:100", 5),
                        new PointRequest("coils", "coil:0", 10),
                        new PointRequest("di1", "discrete:1", 1)));
                assertEquals(230.5f, ByteBuffer.wrap(ok(values.get(0))).getFloat());
                assertEquals(-12.25f, ByteBuffer.wrap(ok(values.get(1))).getFloat());
                assertEquals(PointStatus.EXCEPTION, values.get(2).status(), values.get(2).toString());
                assertEquals(2, values.get(2).exceptionCode());
                assertEquals(50.0f, ByteBuffer.wrap(ok(values.get(3))).getFloat());
                assertEquals(123456789, ByteBuffer.wrap(ok(values.get(4))).getInt());
                assertArrayEquals(new byte[] {0, 1, 0, 2, 0, 3, (byte) 0xFF, (byte) 0xFF, (byte) 0x80, 0}, ok(values.get(5)));
                assertArrayEquals(new byte[] {0x0D, 0x03}, ok(values.get(6)), "coils 1 0 1 1 0 0 0 0 | 1 1, low bit first");
                assertArrayEquals(new byte[] {1}, ok(values.get(7)));
                UnitConnection unit = (UnitConnection) connection;
                assertEquals(1 + 3 + 1 + 1 + 1 + 1, unit.lastRead().requests(), "input 0-5 and its 3 fallbacks, 0x46-0x49, holding, coils, discrete");
                assertTrue(unit.holes().isBad(PointAddress.parse("input:0x0004", 2)), "input 0x0004 learned as a hole");
                connection.read(List.of(new PointRequest("voltage", "input:0x0000", 2), new PointRequest("undefined", "input:0x0004", 2)));
                assertEquals(2, unit.lastRead().requests(), "the hole costs only its own request from then on");
            }
        }
    }

    private static byte[] ok(RawValue value) {
        assertEquals(PointStatus.OK, value.status(), value.toString());
        return value.data();
    }

    /** CI starts from a clean checkout: fetch the pinned modbus-serial once, as package-lock.json says. */
    private void installNodeModules() throws Exception {
        if (!Files.isDirectory(NODE_DIR.resolve("node_modules/modbus-serial"))) {
            ExternalProcess.run(List.of("npm", "ci", "--no-audit", "--no-fund"), NODE_DIR, dir.resolve("npm.log"), INSTALL,
                    Duration.ofMinutes(5));
        }
    }
}
