package cat.smartregion.gateway.core.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cat.smartregion.gateway.core.internal.retry.Backoff;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The wait after a retry-later and the agent's settings, on virtual time. */
class SyncLoopTest {

    private static final double ALMOST_ONE = Math.nextDown(1.0);

    @Test
    void retryLaterWaitsAtLeastWhatThePlatformAsks() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), () -> ALMOST_ONE);
        // a 429 asking for 10 minutes beats a back-off of 1 s
        assertEquals(Duration.ofMinutes(10), SyncLoop.retryWait(Duration.ofMinutes(10), backoff));
        // after two failures the back-off (ceiling 4 s) beats a request of 1 s
        backoff.next();
        assertEquals(Duration.ofSeconds(4), SyncLoop.retryWait(Duration.ofSeconds(1), backoff));
        // zero means the agent chooses
        assertEquals(Duration.ofSeconds(8), SyncLoop.retryWait(Duration.ZERO, backoff));
    }

    @Test
    void stopSignalEndsASleepAtOnce() {
        Sleeper.StopSignal signal = new Sleeper.StopSignal();
        assertEquals(true, signal.sleep(Duration.ZERO));
        signal.stop();
        assertEquals(false, signal.sleep(Duration.ofHours(1)));
    }

    @Test
    void settingsAreValidated() {
        assertThrows(IllegalArgumentException.class,
                () -> new SyncSettings(0, 1000, Duration.ofSeconds(1), Duration.ofSeconds(2)));
        assertThrows(IllegalArgumentException.class,
                () -> new SyncSettings(500, 1000, Duration.ofSeconds(3), Duration.ofSeconds(2)));
        SyncSettings ok = new SyncSettings(500, 262144, Duration.ofSeconds(1), Duration.ofMinutes(5));
        assertEquals(500, ok.batchReadings());
    }
}
