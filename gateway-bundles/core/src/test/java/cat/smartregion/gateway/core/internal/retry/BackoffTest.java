package cat.smartregion.gateway.core.internal.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The back-off policy on virtual time: waits are computed, never slept. */
class BackoffTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    private static final double ALMOST_ONE = Math.nextDown(1.0);

    @Test
    void ceilingDoublesUpToTheCap() {
        Backoff backoff = new Backoff(SECOND, FIVE_MINUTES, () -> ALMOST_ONE);
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            waits.add(backoff.next().toMillis());
        }
        assertEquals(List.of(1000L, 2000L, 4000L, 8000L, 16000L, 32000L, 64000L, 128000L, 256000L,
                300000L, 300000L, 300000L), waits);
    }

    @Test
    void fullJitterCanWaitNothing() {
        Backoff backoff = new Backoff(SECOND, FIVE_MINUTES, () -> 0.0);
        for (int i = 0; i < 5; i++) {
            assertEquals(Duration.ZERO, backoff.next());
        }
        assertEquals(5, backoff.failures());
    }

    @Test
    void jitterIsUniformBelowTheCeiling() {
        Backoff backoff = new Backoff(SECOND, FIVE_MINUTES, () -> 0.5);
        assertEquals(500, backoff.next().toMillis());
        assertEquals(1000, backoff.next().toMillis());
        assertEquals(2000, backoff.next().toMillis());
    }

    @Test
    void resetAfterASuccessStartsOver() {
        Backoff backoff = new Backoff(SECOND, FIVE_MINUTES, () -> ALMOST_ONE);
        backoff.next();
        backoff.next();
        backoff.next();
        assertEquals(8000, backoff.ceiling());
        backoff.reset();
        assertEquals(1000, backoff.next().toMillis());
    }

    @Test
    void neverOverflowsAfterVeryManyFailures() {
        Backoff backoff = new Backoff(Duration.ofMillis(1), Duration.ofDays(365), () -> ALMOST_ONE);
        for (int i = 0; i < 10_000; i++) {
            Duration wait = backoff.next();
            assertTrue(!wait.isNegative() && wait.compareTo(Duration.ofDays(365)) <= 0, wait.toString());
        }
        assertEquals(Duration.ofDays(365).toMillis(), backoff.ceiling());
    }

    @Test
    void anHourLongOutageOnVirtualTime() {
        Backoff backoff = new Backoff(SECOND, FIVE_MINUTES, new Random(42)::nextDouble);
        long virtualNow = 0;
        int attempts = 0;
        long outageEnds = Duration.ofHours(1).toMillis();
        while (virtualNow < outageEnds) {
            long wait = backoff.next().toMillis();
            assertTrue(wait >= 0 && wait <= FIVE_MINUTES.toMillis());
            virtualNow += wait;
            attempts++;
        }
        // capped at 5 min with full jitter (mean 2.5 min): about 24 tries per hour plus the ramp-up
        assertTrue(attempts > 15 && attempts < 60, "attempts: " + attempts);
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, SECOND, () -> 0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(FIVE_MINUTES, SECOND, () -> 0));
    }
}
