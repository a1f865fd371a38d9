package cat.smartregion.gateway.core.internal.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cat.smartregion.gateway.api.driver.PointRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PointScheduleTest {

    private static final List<PointRequest> POINTS = List.of(new PointRequest("voltage", "input:0", 2),
            new PointRequest("energy", "input:0x48", 2), new PointRequest("exported", "input:0x4A", 2));

    @Test
    void slowPointsAreReadTogetherOnceInEachOfTheirPeriods() {
        PointSchedule schedule = new PointSchedule(Duration.ofSeconds(5),
                Map.of("energy", Duration.ofSeconds(15), "exported", Duration.ofSeconds(15)));
        assertEquals(List.of("voltage", "energy", "exported"), names(schedule.due(POINTS, 0)));
        assertEquals(List.of("voltage"), names(schedule.due(POINTS, 5_000)));
        assertEquals(List.of("voltage"), names(schedule.due(POINTS, 10_000)));
        assertEquals(List.of("voltage", "energy", "exported"), names(schedule.due(POINTS, 15_000)));
        assertEquals(List.of("voltage", "energy", "exported"), names(schedule.due(POINTS, 35_000)),
                "the cycle at 30 s was missed: the next one reads them");
    }

    @Test
    void pointIntervalsAreMultiplesOfTheDeviceInterval() {
        assertThrows(IllegalArgumentException.class, () -> new PointSchedule(Duration.ofSeconds(5), Map.of("energy", Duration.ofSeconds(7))));
        assertThrows(IllegalArgumentException.class, () -> new PointSchedule(Duration.ofSeconds(5), Map.of("energy", Duration.ofSeconds(1))));
    }

    @Test
    void aLineIsTheEndpointWithoutItsQuery() {
        assertEquals("modbus-tcp://10.0.0.5:502", LineSchedulers.lineOf(URI.create("modbus-tcp://10.0.0.5:502?unit=2")));
        assertEquals("modbus-tcp://10.0.0.5:502", LineSchedulers.lineOf(URI.create("modbus-tcp://10.0.0.5:502/?unit=3")));
        assertEquals("modbus-tcp://10.0.0.5:502", LineSchedulers.lineOf(URI.create("modbus-tcp://10.0.0.5?unit=4")), "default port");
        assertEquals("modbus-tcp://meter.local:502", LineSchedulers.lineOf(URI.create("MODBUS-TCP://Meter.Local?unit=4")));
        assertEquals("modbus-rtutcp://10.0.0.6:4001", LineSchedulers.lineOf(URI.create("modbus-rtutcp://10.0.0.6:4001?unit=1")));
        assertEquals("coap://[fd00::3]:5683", LineSchedulers.lineOf(URI.create("coap://[fd00::3]/sensors/aq")),
                "one request at a time to a CoAP server (NSTART 1), whichever resource");
        assertEquals("coaps://[fd00::3]:5684", LineSchedulers.lineOf(URI.create("coaps://[fd00::3]/sensors/noise")));
        assertEquals("coap-push:sensor-7", LineSchedulers.lineOf(URI.create("coap-push:sensor-7?keyFile=/k")));
    }

    @Test
    void aSerialPortIsOneLineWhateverProtocolItsDevicesSpeak() {
        assertEquals("serial:///dev/ttyUSB0", LineSchedulers.lineOf(URI.create("modbus-rtu:///dev/ttyUSB0?baud=9600&unit=7")));
        assertEquals("serial:///dev/ttyUSB0", LineSchedulers.lineOf(URI.create("modbus-ascii:///dev/ttyUSB0?unit=2")));
        assertEquals("serial:///dev/ttyUSB0", LineSchedulers.lineOf(URI.create("serial:///dev/ttyUSB0?baud=9600")));
        assertEquals("serial:///dev/ttyUSB1", LineSchedulers.lineOf(URI.create("modbus-rtu:///dev/ttyUSB1?unit=1")));
    }

    @Test
    void paramsAreKeyValuePairs() {
        assertEquals(Map.of("location", "41.39 2.17", "ctRatio", "40"),
                KeyValues.parse("params", new String[] {"location=41.39 2.17", " ctRatio = 40"}));
        assertThrows(IllegalArgumentException.class, () -> KeyValues.parse("params", new String[] {"=1"}));
        assertThrows(IllegalArgumentException.class, () -> KeyValues.parse("params", new String[] {"a=1", "a=2"}));
        assertThrows(IllegalArgumentException.class, () -> KeyValues.parse("params", new String[] {"nothing"}));
    }

    private static List<String> names(List<PointRequest> requests) {
        return requests.stream().map(PointRequest::point).toList();
    }
}
