package cat.smartregion.gateway.driver.modbus.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EndpointTest {

    private static final DriverSettings DEFAULTS = new DriverSettings(700, 3000, 125, 2000, 0);

    @Test
    void tcpDefaultsPortUnitAndTimeouts() {
        assertEquals(tcp(Framing.TCP, "10.0.0.5", 502, 1, 700), parse("modbus-tcp://10.0.0.5"));
        assertEquals(new Endpoint(Framing.TCP, "meter.local", 5020, Optional.empty(), 7, 250, 900, 4, 5, 60),
                parse("modbus-tcp://meter.local:5020?unit=7&timeout=250&connectTimeout=900&gap=4&delay=5&max=60"));
        assertEquals(tcp(Framing.TCP, "fd00::3", 502, 0, 700), parse("modbus-tcp://[fd00::3]/?unit=0"));
        assertEquals("[fd00::3]:502", parse("modbus-tcp://[fd00::3]").hostPort());
        assertEquals(tcp(Framing.RTU_OVER_TCP, "10.0.0.9", 4001, 3, 700), parse("modbus-rtutcp://10.0.0.9:4001?unit=3"));
    }

    @Test
    void serialLinesTakeTheirSettingsWithModbusDefaults() {
        Endpoint rtu = parse("modbus-rtu:///dev/ttyUSB0?baud=19200&parity=E&stop=1&unit=7");
        assertEquals(Framing.RTU, rtu.framing());
        assertEquals("/dev/ttyUSB0", rtu.place());
        assertEquals(Optional.of(new SerialSettings(19200, 8, 'E', 1)), rtu.serial());
        assertEquals(7, rtu.unit());
        assertEquals("modbus-rtu:///dev/ttyUSB0", rtu.line());
        assertEquals(Optional.of(new SerialSettings(9600, 8, 'N', 1)), parse("modbus-rtu:///dev/ttyS1").serial());
        assertEquals(Optional.of(new SerialSettings(9600, 7, 'E', 1)), parse("modbus-ascii:///dev/ttyS1").serial());
        assertEquals(Optional.of(new SerialSettings(4800, 8, 'O', 2)),
                parse("modbus-rtu:///dev/ttyS1?baud=4800&parity=odd&stop=2").serial());
    }

    @Test
    void theLineIsTheUriWithoutItsQuery() {
        assertEquals(parse("modbus-tcp://10.0.0.5:502?unit=1").line(), parse("modbus-tcp://10.0.0.5?unit=2&timeout=9").line());
        assertEquals("modbus-tcp://10.0.0.5:502", parse("modbus-tcp://10.0.0.5?unit=2").line());
    }

    @Test
    void rtuFrameSilenceIsThreeAndAHalfCharacters() {
        assertEquals(4010, new SerialSettings(9600, 8, 'E', 1).frameSilenceMicros(), "11 bits x 3.5 / 9600");
        assertEquals(1750, new SerialSettings(115200, 8, 'N', 1).frameSilenceMicros());
    }

    @Test
    void rejectsMalformedEndpointsNamingTheProblem() {
        assertProblem("coap://10.0.0.5", "not a Modbus endpoint");
        assertProblem("modbus-tcp:10.0.0.5", "not a Modbus endpoint");
        assertProblem("modbus-tcp:///nohost", "host");
        assertProblem("modbus-tcp://10.0.0.5/path", "path");
        assertProblem("modbus-tcp://10.0.0.5?unit=x", "unit");
        assertProblem("modbus-tcp://10.0.0.5?unit=256", "unit 256");
        assertProblem("modbus-tcp://10.0.0.5?timeout=0", "timeout 0");
        assertProblem("modbus-tcp://10.0.0.5?baud=9600", "baud");
        assertProblem("modbus-tcp://10.0.0.5?unit=1&unit=2", "unit");
        assertProblem("modbus-tcp://10.0.0.5?unit", "unit");
        assertProblem("modbus-tcp://10.0.0.5?gap=124", "gap 124");
        assertProblem("modbus-tcp://10.0.0.5?max=126", "max 126");
        assertProblem("modbus-rtu://host/dev/ttyUSB0", "device path");
        assertProblem("modbus-rtu:///dev/ttyUSB0?parity=X", "parity");
        assertProblem("modbus-rtu:///dev/ttyUSB0?baud=12", "baud 12");
        assertProblem("modbus-rtu:///dev/ttyUSB0?data=6", "data bits");
        assertProblem("modbus-rtu:///dev/ttyUSB0?connectTimeout=5", "connectTimeout");
    }

    @Test
    void theDriverSupportsItsSchemesOnly() {
        ModbusDriver driver = new ModbusDriver(DriverSettings.DEFAULTS);
        assertTrue(driver.supports(URI.create("modbus-tcp://10.0.0.5:502?unit=1")));
        assertTrue(driver.supports(URI.create("modbus-rtu:///dev/ttyUSB0?unit=7")));
        assertTrue(driver.supports(URI.create("modbus-ascii:///dev/ttyUSB0?unit=7")));
        assertTrue(driver.supports(URI.create("MODBUS-RTUTCP://10.0.0.5:4001")));
        assertFalse(driver.supports(URI.create("coap://[fd00::3]/sensors/aq")));
        assertThrows(IllegalArgumentException.class, () -> driver.connect(URI.create("modbus-tcp://127.0.0.1?unit=999")));
    }

    @Test
    void settingsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new DriverSettings(0, 3000, 125, 2000, 0));
        assertThrows(IllegalArgumentException.class, () -> new DriverSettings(1000, 3000, 126, 2000, 0));
        assertThrows(IllegalArgumentException.class, () -> new DriverSettings(1000, 3000, 125, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new DriverSettings(1000, 3000, 125, 2000, -1));
    }

    private static Endpoint tcp(Framing framing, String host, int port, int unit, int timeout) {
        return new Endpoint(framing, host, port, Optional.empty(), unit, timeout, 3000, 0, 0, 125);
    }

    private static Endpoint parse(String uri) {
        return Endpoint.parse(URI.create(uri), DEFAULTS);
    }

    private static void assertProblem(String uri, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(uri), uri);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
