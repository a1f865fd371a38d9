package cat.smartregion.gateway.driver.modbus.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;

class TcpEndpointTest {

    @Test
    void defaultsPortUnitAndTimeout() {
        assertEquals(new TcpEndpoint("10.0.0.5", 502, 1, 700), parse("modbus-tcp://10.0.0.5"));
        assertEquals(new TcpEndpoint("meter.local", 5020, 7, 250), parse("modbus-tcp://meter.local:5020?unit=7&timeout=250"));
        assertEquals(new TcpEndpoint("fd00::3", 502, 0, 700), parse("modbus-tcp://[fd00::3]/?unit=0"));
        assertEquals("[fd00::3]:502", parse("modbus-tcp://[fd00::3]").hostPort());
    }

    @Test
    void rejectsMalformedEndpointsNamingTheProblem() {
        assertProblem("modbus-rtu:///dev/ttyUSB0", "not a modbus-tcp");
        assertProblem("modbus-tcp:10.0.0.5", "not a modbus-tcp");
        assertProblem("modbus-tcp:///nohost", "host");
        assertProblem("modbus-tcp://10.0.0.5/path", "path");
        assertProblem("modbus-tcp://10.0.0.5?unit=x", "unit");
        assertProblem("modbus-tcp://10.0.0.5?unit=256", "unit 256");
        assertProblem("modbus-tcp://10.0.0.5?timeout=0", "timeout 0");
        assertProblem("modbus-tcp://10.0.0.5?baud=9600", "baud");
        assertProblem("modbus-tcp://10.0.0.5?unit=1&unit=2", "unit");
        assertProblem("modbus-tcp://10.0.0.5?unit", "unit");
    }

    @Test
    void theDriverSupportsItsSchemeOnly() {
        ModbusDriver driver = new ModbusDriver(DriverSettings.DEFAULTS);
        assertTrue(driver.supports(URI.create("modbus-tcp://10.0.0.5:502?unit=1")));
        assertFalse(driver.supports(URI.create("modbus-rtu:///dev/ttyUSB0?unit=7")));
        assertFalse(driver.supports(URI.create("coap://[fd00::3]/sensors/aq")));
        assertThrows(IllegalArgumentException.class, () -> driver.connect(URI.create("modbus-tcp://127.0.0.1?unit=999")));
    }

    @Test
    void settingsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new DriverSettings(0, 125, 2000));
        assertThrows(IllegalArgumentException.class, () -> new DriverSettings(1000, 126, 2000));
        assertThrows(IllegalArgumentException.class, () -> new DriverSettings(1000, 125, 0));
    }

    private static TcpEndpoint parse(String uri) {
        return TcpEndpoint.parse(URI.create(uri), 700);
    }

    private static void assertProblem(String uri, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(uri), uri);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
