package cat.smartregion.gateway.simulator.devices;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What a slave received: requests per unit, frames dropped, connections accepted. */
final class SlaveFigures {

    private final Map<Integer, AtomicLong> requests = new ConcurrentHashMap<>();
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();

    void request(int unit) {
        requests.computeIfAbsent(unit, u -> new AtomicLong()).incrementAndGet();
        total.incrementAndGet();
    }

    void dropped() {
        dropped.incrementAndGet();
    }

    void connected() {
        connections.incrementAndGet();
    }

    long requests(int unit) {
        AtomicLong n = requests.get(unit);
        return n == null ? 0 : n.get();
    }

    long requests() {
        return total.get();
    }

    long droppedFrames() {
        return dropped.get();
    }

    long connections() {
        return connections.get();
    }
}
