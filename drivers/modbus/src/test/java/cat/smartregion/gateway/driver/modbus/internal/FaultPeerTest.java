package cat.smartregion.gateway.driver.modbus.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.driver.Connection;
import cat.smartregion.gateway.api.driver.PointRequest;
import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.api.driver.RawValue;
import cat.smartregion.gateway.simulator.devices.Fault;
import cat.smartregion.gateway.simulator.devices.ModbusSlave;
import cat.smartregion.gateway.simulator.devices.RegisterBank;
import cat.smartregion.gateway.simulator.devices.SocatPair;
import cat.smartregion.gateway.simulator.devices.Wire;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every fault of the scriptable fault peer, over every transport: the faulty unit's points get the
 * right status, the other unit on the same line still answers right after, and the faulty unit
 * answers again on the next read.
 */
class FaultPeerTest {

    /** Where the peer answers. */
    enum Medium { TCP, RTU_OVER_TCP, RTU_SERIAL, ASCII_SERIAL }

    private static final int TIMEOUT_MS = 1000;
    private static final List<PointRequest> POINTS = List.of(new PointRequest("a", "holding:0", 2), new PointRequest("b", "holding:2", 2));

    @TempDir
    Path dir;
    private final ModbusDriver driver = new ModbusDriver(DriverSettings.DEFAULTS);
    private SocatPair pair;
    private ModbusSlave slave;

    @AfterEach
    void stop() {
        if (slave != null) {
            slave.close();
        }
        if (pair != null) {
            pair.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Medium.class)
    void everyFaultGetsItsStatusAndTheLineGoesOn(Medium medium) throws Exception {
        start(medium);
        try (Connection one = driver.connect(uri(medium, 1)); Connection two = driver.connect(uri(medium, 2))) {
            assertEquals(1, driver.openLines(), "both units share one line");
            assertHealthy(one, two);
            for (int code = 1; code <= 0x0B; code++) { // one point: a block would be read again point by point after 02
                slave.inject(1, Fault.exception(code), 1);
                RawValue value = one.read(List.of(POINTS.get(0))).get(0);
                assertEquals(PointStatus.EXCEPTION, value.status(), value.toString());
                assertEquals(code, value.exceptionCode());
                assertHealthy(one, two);
            }
            long connections = slave.connections();
            assertFault(one, two, Fault.wrongTransactionId(), PointStatus.BAD_FRAME);
            if (medium == Medium.TCP) {
                assertTrue(slave.connections() > connections, "connected again after a transaction id mismatch");
            }
            assertFault(one, two, Fault.shortFrame(), PointStatus.BAD_FRAME);
            assertFault(one, two, Fault.crcError(), PointStatus.BAD_FRAME);
            assertFault(one, two, Fault.silence(), PointStatus.TIMEOUT);
            assertFault(one, two, Fault.lateReply(Duration.ofMillis(TIMEOUT_MS + 300)), PointStatus.TIMEOUT);
        }
        assertEquals(0, driver.openLines(), "the line closes with its last connection");
    }

    private void assertFault(Connection one, Connection two, Fault fault, PointStatus expected) {
        slave.inject(1, fault, 1);
        List<RawValue> values = one.read(POINTS);
        assertEquals(List.of(expected, expected), values.stream().map(RawValue::status).toList(), fault + ": " + values);
        assertHealthy(one, two);
    }

    /** Unit 2 answers right after, then unit 1 answers again. */
    private static void assertHealthy(Connection one, Connection two) {
        List<RawValue> other = two.read(List.of(new PointRequest("c", "holding:0", 1)));
        assertEquals(PointStatus.OK, other.get(0).status(), other.toString());
        assertArrayEquals(new byte[] {0, 21}, other.get(0).data());
        List<RawValue> values = one.read(POINTS);
        assertEquals(PointStatus.OK, values.get(0).status(), values.toString());
        assertArrayEquals(new byte[] {0, 1, 0, 2}, values.get(0).data());
        assertArrayEquals(new byte[] {0, 3, 0x12, 0x34}, values.get(1).data());
    }

    private void start(Medium medium) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        slave = switch (medium) {
            case TCP -> ModbusSlave.tcp(loopback, 0, Wire.TCP);
            case RTU_OVER_TCP -> ModbusSlave.tcp(loopback, 0, Wire.RTU);
            case RTU_SERIAL -> ModbusSlave.serial(pair().b(), 19200, 'E', Wire.RTU);
            case ASCII_SERIAL -> ModbusSlave.serial(pair().b(), 19200, 'E', Wire.ASCII);
        };
        slave.add(1, new RegisterBank().holding(0, 1, 2, 3, 0x1234)).add(2, new RegisterBank().holding(0, 21));
    }

    private SocatPair pair() throws IOException {
        pair = SocatPair.open(dir);
        return pair;
    }

    private URI uri(Medium medium, int unit) {
        String query = "?unit=" + unit + "&timeout=" + TIMEOUT_MS;
        return URI.create(switch (medium) {
            case TCP -> "modbus-tcp://127.0.0.1:" + slave.port() + query;
            case RTU_OVER_TCP -> "modbus-rtutcp://127.0.0.1:" + slave.port() + query;
            case RTU_SERIAL -> "modbus-rtu://" + pair.a() + query + "&baud=19200&parity=E";
            case ASCII_SERIAL -> "modbus-ascii://" + pair.a() + query + "&baud=19200&parity=E";
        });
    }
}
