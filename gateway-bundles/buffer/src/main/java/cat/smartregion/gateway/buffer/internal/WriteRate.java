package cat.smartregion.gateway.buffer.internal;

/**
 * Readings stored per second over the last minute, in one-second buckets on the monotonic clock.
 * Not thread-safe: used under the buffer's lock.
 */
final class WriteRate {

    private static final int SECONDS = 60;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long[] counts = new long[SECONDS];
    private final long[] seconds = new long[SECONDS];

    WriteRate() {
        java.util.Arrays.fill(seconds, Long.MIN_VALUE);
    }

    void record(long readings, long nowNanos) {
        long second = Math.floorDiv(nowNanos, NANOS_PER_SECOND);
        int slot = (int) Math.floorMod(second, SECONDS);
        if (seconds[slot] != second) {
            seconds[slot] = second;
            counts[slot] = 0;
        }
        counts[slot] += readings;
    }

    /** Readings per second, averaged over the 60 seconds up to now. */
    double perSecond(long nowNanos) {
        long now = Math.floorDiv(nowNanos, NANOS_PER_SECOND);
        long sum = 0;
        for (int i = 0; i < SECONDS; i++) {
            if (seconds[i] > now - SECONDS && seconds[i] <= now) {
                sum += counts[i];
            }
        }
        return (double) sum / SECONDS;
    }
}
