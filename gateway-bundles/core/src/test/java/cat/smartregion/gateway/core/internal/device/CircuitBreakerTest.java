package cat.smartregion.gateway.core.internal.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The breaker on virtual time: milliseconds passed in, no clock, no waiting. */
class CircuitBreakerTest {

    private final CircuitBreaker breaker = new CircuitBreaker(Duration.ofSeconds(5), Duration.ofMinutes(5));

    @Test
    void oneSilentCycleIsForgiven() {
        assertEquals(0, breaker.failed(0));
        assertTrue(breaker.allows(0));
        breaker.succeeded();
        assertEquals(0, breaker.failed(5_000), "the count starts again after an answer");
    }

    @Test
    void aDeadDeviceIsLeftAloneTwiceAsLongEachTimeUpToTheCap() {
        List<Long> pauses = new ArrayList<>();
        long now = 0;
        for (int cycle = 0; cycle < 10; cycle++) {
            long pause = breaker.failed(now);
            pauses.add(pause);
            assertFalse(pause > 0 && breaker.allows(now + pause - 1), "closed until the pause ends");
            now += Math.max(pause, 5_000);
            assertTrue(breaker.allows(now), "tried again once the pause ended");
        }
        assertEquals(List.of(0L, 10_000L, 20_000L, 40_000L, 80_000L, 160_000L, 300_000L, 300_000L, 300_000L, 300_000L), pauses);
    }

    @Test
    void itComesBackByItselfOnTheFirstAnswer() {
        breaker.failed(0);
        long pause = breaker.failed(5_000);
        assertFalse(breaker.allows(5_000 + pause - 1));
        assertTrue(breaker.allows(5_000 + pause));
        breaker.succeeded();
        assertTrue(breaker.allows(0));
        assertEquals(0, breaker.failures());
    }

    @Test
    void aLongIntervalIsItsOwnCap() {
        CircuitBreaker hourly = new CircuitBreaker(Duration.ofHours(1), Duration.ofHours(1));
        hourly.failed(0);
        assertEquals(Duration.ofHours(1).toMillis(), hourly.failed(0));
        assertThrows(IllegalArgumentException.class, () -> new CircuitBreaker(Duration.ofMinutes(10), Duration.ofMinutes(5)));
    }
}
