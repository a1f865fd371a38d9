package cat.smartregion.gateway.simulator.platform.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Hourly inbound request quotas per key (a provider, or one key for the whole platform), counted in
 * fixed one-hour windows; the headers are {@code X-RateLimit-{scope}-Limit}, {@code -Remaining}, {@code -Reset}.
 */
final class InboundQuota {

    private static final long HOUR_MS = Duration.ofHours(1).toMillis();
    private static final long MINUTE_MS = Duration.ofMinutes(1).toMillis();

    /** The quota figures of one request: whether it may pass and the headers to answer with. */
    record Verdict(boolean allowed, Map<String, String> headers) {
    }

    private record Window(long start, int used) {
    }

    private final Clock clock;
    private final String scope;
    private final Map<String, Integer> limits = new HashMap<>();
    private final Map<String, Window> windows = new HashMap<>();

    /** A quota whose headers name {@code scope}, e.g. {@code Inbound} or {@code Global}. */
    InboundQuota(Clock clock, String scope) {
        this.clock = clock;
        this.scope = scope;
    }

    synchronized void limit(String provider, int perHour) {
        if (perHour <= 0) {
            limits.remove(provider);
        } else {
            limits.put(provider, perHour);
        }
        windows.remove(provider);
    }

    /** Counts one request of the key. */
    synchronized Verdict take(String provider) {
        Integer limit = limits.get(provider);
        if (limit == null) {
            return new Verdict(true, Map.of());
        }
        long now = clock.millis();
        Window window = windows.get(provider);
        if (window == null || now - window.start() >= HOUR_MS) {
            window = new Window(now, 0);
        }
        boolean allowed = window.used() < limit;
        if (allowed) {
            window = new Window(window.start(), window.used() + 1);
        }
        windows.put(provider, window);
        long resetMinutes = allowed ? 0 : (window.start() + HOUR_MS - now + MINUTE_MS - 1) / MINUTE_MS;
        return new Verdict(allowed, Map.of(
                "X-RateLimit-" + scope + "-Limit", Integer.toString(limit),
                "X-RateLimit-" + scope + "-Remaining", Integer.toString(limit - window.used()),
                "X-RateLimit-" + scope + "-Reset", Long.toString(resetMinutes)));
    }
}
