package cat.smartregion.gateway.driver.coap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The push server's endpoint syntax, settings and warning throttle. */
class PushServerPartsTest {

    @Test
    void aPushEndpointNamesTheIdentityAndItsKeyFile() {
        PushEndpoint endpoint = PushEndpoint.parse(URI.create("coap-push:sensor-7?keyFile=/etc/keys/sensor%207.psk"));
        assertEquals(new PushEndpoint("sensor-7", Path.of("/etc/keys/sensor 7.psk")), endpoint);
        assertThrows(IllegalArgumentException.class, () -> PushEndpoint.parse(URI.create("coap-push:sensor-7")));
        assertThrows(IllegalArgumentException.class, () -> PushEndpoint.parse(URI.create("coap-push:?keyFile=/k")));
        assertThrows(IllegalArgumentException.class, () -> PushEndpoint.parse(URI.create("coaps://h/p?keyFile=/k")));
    }

    @Test
    void settingsAreChecked() {
        PushServerSettings settings = new PushServerSettings("0.0.0.0", 5684, "/push/senml/", 8192);
        assertEquals("push/senml", settings.path());
        assertEquals(List.of("push", "senml"), settings.segments());
        assertThrows(IllegalArgumentException.class, () -> new PushServerSettings("0.0.0.0", 70000, "senml", 8192));
        assertThrows(IllegalArgumentException.class, () -> new PushServerSettings("0.0.0.0", 5684, "a//b", 8192));
        assertThrows(IllegalArgumentException.class, () -> new PushServerSettings("0.0.0.0", 5684, "", 8192));
        assertThrows(IllegalArgumentException.class, () -> new PushServerSettings("0.0.0.0", 5684, "senml", 10));
        assertThrows(IllegalArgumentException.class, () -> new PushServerSettings(" ", 5684, "senml", 8192));
    }

    @Test
    void oneWarningPerIdentityPerMinute() {
        AtomicLong clock = new AtomicLong();
        WarningThrottle throttle = new WarningThrottle(TimeUnit.MINUTES.toNanos(1), clock::get);
        assertTrue(throttle.allow("sensor-7"));
        assertFalse(throttle.allow("sensor-7"));
        assertTrue(throttle.allow("sensor-8"));
        clock.addAndGet(TimeUnit.SECONDS.toNanos(59));
        assertFalse(throttle.allow("sensor-7"));
        clock.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertTrue(throttle.allow("sensor-7"));
    }

    @Test
    void logTextIsOneShortLine() {
        assertEquals("a?b", LogText.safe("a\nb"));
        assertEquals(203, LogText.safe("x".repeat(500)).length());
    }
}
