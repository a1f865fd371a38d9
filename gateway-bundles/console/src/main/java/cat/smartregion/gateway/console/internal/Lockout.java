package cat.smartregion.gateway.console.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Refuses logins for a while after repeated failures: {@code maxFailures} wrong passwords in a row
 * lock the console for {@code duration}. One installer password, so one counter for everyone. Thread-safe.
 */
public final class Lockout {

    private final int maxFailures;
    private final Duration duration;
    private final Clock clock;
    private int failures;
    private Instant lockedUntil = Instant.MIN;

    public Lockout(int maxFailures, Duration duration, Clock clock) {
        if (maxFailures < 1 || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a lockout needs at least one failure and a positive duration");
        }
        this.maxFailures = maxFailures;
        this.duration = duration;
        this.clock = clock;
    }

    /** When logins are refused now, the time they are accepted again. */
    public synchronized Optional<Instant> lockedUntil() {
        return clock.instant().isBefore(lockedUntil) ? Optional.of(lockedUntil) : Optional.empty();
    }

    /** A wrong password; the one that reaches the limit starts the lock and resets the count. */
    public synchronized void failed() {
        failures++;
        if (failures >= maxFailures) {
            lockedUntil = clock.instant().plus(duration);
            failures = 0;
        }
    }

    /** The right password: the count starts again. */
    public synchronized void succeeded() {
        failures = 0;
    }

    /** Wrong passwords since the last success or lock. */
    public synchronized int failures() {
        return failures;
    }
}
