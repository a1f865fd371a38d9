package cat.smartregion.gateway.driver.coap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Endpoint URIs and profile options. */
class CoapTargetTest {

    @Test
    void parsesPlainAndSecureEndpoints() {
        CoapTarget plain = CoapTarget.parse(URI.create("coap://10.0.0.7/sensors/aq?x=1"), Map.of("format", "SenML-CBOR"));
        assertEquals(5683, plain.port());
        assertEquals("/sensors/aq", plain.path());
        assertEquals(List.of("x=1"), plain.query());
        assertEquals(Optional.of(PayloadFormat.SENML_CBOR), plain.format());
        assertFalse(plain.observe());

        CoapTarget secure = CoapTarget.parse(URI.create("coaps://gw.local/aq?identity=sensor-7&keyFile=/etc/k/sensor-7.psk"),
                Map.of("observe", "true", "lapseMs", "90000"));
        assertEquals(5684, secure.port());
        assertEquals("sensor-7", secure.identity());
        assertEquals(Optional.of(Path.of("/etc/k/sensor-7.psk")), secure.keyFile());
        assertEquals(URI.create("coaps://gw.local:5684/aq"), secure.resource(), "the driver's parameters stay local");
        assertTrue(secure.observe());
        assertEquals(90000, secure.lapseMs());
    }

    @Test
    void thePathOptionServesEndpointsWithoutPath() {
        assertEquals("/aq/senml", CoapTarget.parse(URI.create("coap://127.0.0.1:5683"), Map.of("path", "/aq/senml")).path());
        assertEquals("/x", CoapTarget.parse(URI.create("coap://127.0.0.1:5683/x"), Map.of("path", "/aq/senml")).path());
    }

    @Test
    void refusesMistakes() {
        assertThrows(IllegalArgumentException.class, () -> CoapTarget.parse(URI.create("coaps://h/aq"), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> CoapTarget.parse(URI.create("coap://h/aq?identity=a&keyFile=/k"), Map.of()));
        assertThrows(IllegalArgumentException.class, () -> CoapTarget.parse(URI.create("coap://h/aq"), Map.of("observe", "yes")));
        assertThrows(IllegalArgumentException.class, () -> CoapTarget.parse(URI.create("coap://h/aq"), Map.of("pat", "/x")));
        assertThrows(IllegalArgumentException.class, () -> CoapTarget.parse(URI.create("coap://h/aq"), Map.of("format", "xml")));
        assertThrows(IllegalArgumentException.class, () -> CoapTarget.parse(URI.create("http://h/aq"), Map.of()));
    }
}
