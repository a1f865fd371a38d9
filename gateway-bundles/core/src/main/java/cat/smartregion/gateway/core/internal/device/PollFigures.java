package cat.smartregion.gateway.core.internal.device;

import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.driver.PointStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counters of one device, written by its poller thread and read by anyone. */
final class PollFigures {

    private final AtomicLong polled = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private volatile String lastError = "";
    private final Map<String, Reading> latest = new ConcurrentHashMap<>();
    private final Map<PointStatus, AtomicLong> failures = new ConcurrentHashMap<>();

    void polled(long points) {
        polled.addAndGet(points);
    }

    void failed(long points) {
        failed.addAndGet(points);
    }

    void failed(PointStatus status) {
        failures.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
    }

    long failures(PointStatus status) {
        AtomicLong n = failures.get(status);
        return n == null ? 0 : n.get();
    }

    void stored(long readings) {
        stored.addAndGet(readings);
    }

    void latest(List<Reading> readings) {
        readings.forEach(r -> latest.put(r.point(), r));
    }

    List<Reading> latest() {
        List<Reading> readings = new ArrayList<>(latest.values());
        readings.sort(Comparator.comparing(Reading::point));
        return readings;
    }

    /** A cycle the circuit breaker skipped. */
    void skipped() {
        skipped.incrementAndGet();
    }

    long skippedCycles() {
        return skipped.get();
    }

    void lastError(String error) {
        lastError = error;
    }

    long polled() {
        return polled.get();
    }

    long failed() {
        return failed.get();
    }

    long stored() {
        return stored.get();
    }

    String lastError() {
        return lastError;
    }
}
