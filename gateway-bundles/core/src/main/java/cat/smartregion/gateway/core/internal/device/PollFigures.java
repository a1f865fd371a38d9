package cat.smartregion.gateway.core.internal.device;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of one device, written by its poller thread and read by anyone. */
final class PollFigures {

    private final AtomicLong polled = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong stored = new AtomicLong();
    private volatile String lastError = "";

    void polled(long points) {
        polled.addAndGet(points);
    }

    void failed(long points) {
        failed.addAndGet(points);
    }

    void stored(long readings) {
        stored.addAndGet(readings);
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
