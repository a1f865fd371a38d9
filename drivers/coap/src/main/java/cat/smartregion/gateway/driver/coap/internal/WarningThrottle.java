package cat.smartregion.gateway.driver.coap.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Lets one warning per key through per period, so that a device retrying a failing handshake fills no log;
 * remembers at most 1024 keys a period (beyond that, warnings about new keys are dropped).
 */
final class WarningThrottle {

    private static final int PRUNE_ABOVE = 1024;

    private final long periodNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Long> lastWarned = new HashMap<>();

    WarningThrottle(long periodNanos, LongSupplier nanoClock) {
        this.periodNanos = periodNanos;
        this.nanoClock = nanoClock;
    }

    /** Whether a warning about {@code key} may be logged now (and, if so, counts it as logged). */
    synchronized boolean allow(String key) {
        long now = nanoClock.getAsLong();
        Long last = lastWarned.get(key);
        if (last != null && now - last < periodNanos) {
            return false;
        }
        if (lastWarned.size() >= PRUNE_ABOVE) {
            lastWarned.values().removeIf(time -> now - time >= periodNanos);
        }
        if (lastWarned.size() >= PRUNE_ABOVE) {
            return false; // more than PRUNE_ABOVE identities failing within a period: the log is not the place
        }
        lastWarned.put(key, now);
        return true;
    }
}
