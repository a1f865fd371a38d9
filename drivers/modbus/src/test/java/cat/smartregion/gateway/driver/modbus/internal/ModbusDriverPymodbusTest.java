package cat.smartregion.gateway.driver.modbus.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cat.smartregion.gateway.api.driver.Connection;
import cat.smartregion.gateway.api.driver.PointRequest;
import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.api.driver.RawValue;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The driver against an independent Modbus TCP server: Debian's python3-pymodbus (3.0). */
class ModbusDriverPymodbusTest {

    private static final List<String> PYTHONS = List.of("/usr/bin/python3", "python3");
    private static final Duration START_LIMIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private Process server;
    private Path serverLog;
    private int port;

    @BeforeEach
    void startPymodbus() throws Exception {
        String python = pythonWithPymodbus();
        Path script = Path.of(getClass().getResource("/pymodbus_server.py").toURI());
        port = freePort();
        serverLog = dir.resolve("pymodbus.log");
        server = new ProcessBuilder(python, script.toString(), Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(serverLog.toFile()).start();
        awaitListening();
    }

    @AfterEach
    void stopPymodbus() throws InterruptedException {
        if (server != null) {
            server.destroy();
            if (!server.waitFor(5, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void readsKnownValuesOfEveryTable() throws Exception {
        ModbusDriver driver = new ModbusDriver(DriverSettings.DEFAULTS);
        try (Connection connection = driver.connect(URI.create("modbus-tcp://127.0.0.1:" + port + "?unit=1&timeout=2000"))) {
            List<RawValue> values = connection.read(List.of(
                    new PointRequest("voltage", "input:0x0000", 2),
                    new PointRequest("negative", "input:0x0002", 2),
                    new PointRequest("undefined", "input:0x0004", 2),
                    new PointRequest("frequency", "input:0x0046", 2),
                    new PointRequest("counter", "input:0x0048", 2),
                    new PointRequest("holding", "holding:100", 5),
                    new PointRequest("overlap", "holding:101", 1),
                    new PointRequest("coils", "coil:0", 10),
                    new PointRequest("coil2", "coil:2", 1),
                    new PointRequest("di0", "discrete:0", 1),
                    new PointRequest("di1", "discrete:1", 1)));
            assertEquals(230.5f, ByteBuffer.wrap(ok(values.get(0))).getFloat());
            assertEquals(-12.25f, ByteBuffer.wrap(ok(values.get(1))).getFloat());
            assertEquals(PointStatus.EXCEPTION, values.get(2).status());
            assertEquals(2, values.get(2).exceptionCode());
            assertEquals(50.0f, ByteBuffer.wrap(ok(values.get(3))).getFloat());
            assertEquals(123456789, ByteBuffer.wrap(ok(values.get(4))).getInt());
            assertArrayEquals(new byte[] {0, 1, 0, 2, 0, 3, (byte) 0xFF, (byte) 0xFF, (byte) 0x80, 0}, ok(values.get(5)));
            assertArrayEquals(new byte[] {0, 2}, ok(values.get(6)));
            // coils 0..9 = 1 0 1 1 0 0 0 0 | 1 1, packed low bit first
            assertArrayEquals(new byte[] {0x0D, 0x03}, ok(values.get(7)));
            assertArrayEquals(new byte[] {1}, ok(values.get(8)));
            assertArrayEquals(new byte[] {0}, ok(values.get(9)));
            assertArrayEquals(new byte[] {1}, ok(values.get(10)));
            ReadFigures figures = ((UnitConnection) connection).lastRead();
            assertEquals(1 + 3 + 1 + 1 + 1 + 1, figures.requests(), "input 0-5 and its 3 fallbacks, input 0x46-0x49, holding, coils, discretes");
        }
    }

    private static byte[] ok(RawValue value) {
        assertEquals(PointStatus.OK, value.status(), value.toString());
        return value.data();
    }

    private static String pythonWithPymodbus() throws InterruptedException {
        for (String python : PYTHONS) {
            try {
                Process probe = new ProcessBuilder(python, "-c", "import pymodbus, serial_asyncio").redirectErrorStream(true).start();
                probe.getInputStream().readAllBytes();
                if (probe.waitFor(20, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                    return python;
                }
            } catch (IOException e) {
                // this interpreter is not installed: try the next
            }
        }
        return fail("python3-pymodbus is missing: install it with "
                + "'apt-get install -y python3-pymodbus python3-serial-asyncio' (CI installs it)");
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private void awaitListening() throws IOException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                fail("pymodbus server exited with " + server.exitValue() + ": " + Files.readString(serverLog));
            }
            try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
                assertTrue(probe.isConnected());
                return;
            } catch (IOException notYet) {
                Thread.onSpinWait();
            }
        }
        fail("pymodbus server did not listen on port " + port + " within " + START_LIMIT + ": " + Files.readString(serverLog));
    }
}
