package cat.smartregion.gateway.sentilo.internal;

import cat.smartregion.gateway.api.Priority;
import cat.smartregion.gateway.api.Quality;
import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.Value;
import cat.smartregion.gateway.api.buffer.Batch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds readings and batches for the tests: gateway {@code gw1} of tenant {@code sant-cugat}. */
final class Readings {

    static final long T0 = Instant.parse("2026-11-27T08:00:00.250Z").toEpochMilli();

    private final List<Reading> readings = new ArrayList<>();
    private long seq;

    Readings(long firstSeq) {
        this.seq = firstSeq;
    }

    static Readings givenReadingsFrom(long firstSeq) {
        return new Readings(firstSeq);
    }

    Readings number(String device, String point, String quantity, double value, String unit, long time) {
        return add(device, point, quantity, Value.of(value), unit, time);
    }

    Readings add(String device, String point, String quantity, Value value, String unit, long time) {
        readings.add(new Reading("sant-cugat", "gw1", device, point, quantity, value, unit, time, Quality.GOOD,
                Priority.SAMPLE, seq++));
        return this;
    }

    Batch batch() {
        return new Batch(readings);
    }
}
