package cat.smartregion.gateway.driver.serial.internal;

import java.util.concurrent.atomic.AtomicLong;

/** What a connection has seen: good frames and broken ones (checksum, length, garbage, unmatched lines). */
final class SerialFigures {

    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong broken = new AtomicLong();

    void countFrame() {
        frames.incrementAndGet();
    }

    void countBroken() {
        broken.incrementAndGet();
    }

    long frames() {
        return frames.get();
    }

    long broken() {
        return broken.get();
    }

    @Override
    public String toString() {
        return frames() + " frames, " + broken() + " broken";
    }
}
