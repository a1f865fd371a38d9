package cat.smartregion.gateway.core.internal.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Exponential back-off with full jitter and a cap: the n-th wait in a row is uniform in
 * {@code [0, min(max, initial * 2^n)]}; {@link #reset()} after a success. Confined to one thread.
 */
public final class Backoff {

    private final long initialMs;
    private final long maxMs;
    private final DoubleSupplier random;
    private int failures;

    /** @param random uniform in [0, 1), injected so tests are repeatable */
    public Backoff(Duration initial, Duration max, DoubleSupplier random) {
        if (initial.toMillis() < 1 || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("back-off needs 1 ms <= initial <= max, got " + initial + ", " + max);
        }
        this.initialMs = initial.toMillis();
        this.maxMs = max.toMillis();
        this.random = random;
    }

    /** A back-off drawing from {@link ThreadLocalRandom} of the calling thread. */
    public static Backoff withJitter(Duration initial, Duration max) {
        return new Backoff(initial, max, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** The wait after one more failure in a row. */
    public Duration next() {
        long ceiling = ceiling();
        failures = Math.min(failures + 1, 63);
        long wait = (long) Math.floor(random.getAsDouble() * (ceiling + 1));
        return Duration.ofMillis(Math.min(wait, ceiling));
    }

    /** The largest wait {@link #next()} can give now: {@code min(max, initial * 2^failures)}. */
    public long ceiling() {
        if (failures >= 62 || initialMs > (maxMs >> failures)) {
            return maxMs;
        }
        return Math.min(maxMs, initialMs << failures);
    }

    /** Failures in a row since the last reset. */
    public int failures() {
        return failures;
    }

    public void reset() {
        failures = 0;
    }
}
