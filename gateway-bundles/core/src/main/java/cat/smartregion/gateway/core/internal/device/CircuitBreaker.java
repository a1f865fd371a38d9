package cat.smartregion.gateway.core.internal.device;

import java.time.Duration;

/**
 * A device's circuit breaker: after {@link #THRESHOLD} poll cycles in a row in which the device
 * did not answer at all, it is left alone for twice its interval, then four times, eight times...
 * up to a cap; the first cycle after the pause tries it once, and one answer closes the breaker.
 * A dead meter is so retried less and less often and costs the others on its line ever less
 * time, and it comes back by itself. Pure: time comes in as arguments. Confined to one thread.
 */
final class CircuitBreaker {

    /** Silent cycles in a row before the device is left alone. */
    static final int THRESHOLD = 2;

    private final long intervalMs;
    private final long maxMs;
    private int failures;
    private long openUntil;

    CircuitBreaker(Duration interval, Duration max) {
        if (interval.toMillis() < 1 || max.compareTo(interval) < 0) {
            throw new IllegalArgumentException("breaker needs 1 ms <= interval <= max, got " + interval + ", " + max);
        }
        this.intervalMs = interval.toMillis();
        this.maxMs = max.toMillis();
    }

    /** Whether the device may be polled at {@code now} (UTC ms). */
    boolean allows(long now) {
        return now >= openUntil;
    }

    /** The device answered: the breaker closes. */
    void succeeded() {
        failures = 0;
        openUntil = 0;
    }

    /**
     * The device did not answer in the cycle at {@code now}.
     *
     * @return how long it is now left alone, zero while below the threshold
     */
    long failed(long now) {
        failures = Math.min(failures + 1, 62);
        if (failures < THRESHOLD) {
            return 0;
        }
        int doublings = failures - THRESHOLD + 1;
        long pause = doublings >= 62 || intervalMs > (maxMs >> doublings) ? maxMs : Math.min(maxMs, intervalMs << doublings);
        openUntil = now + pause;
        return pause;
    }

    /** Silent cycles in a row. */
    int failures() {
        return failures;
    }

    /** Until when (UTC ms) the device is left alone; in the past when the breaker is closed. */
    long openUntil() {
        return openUntil;
    }
}
