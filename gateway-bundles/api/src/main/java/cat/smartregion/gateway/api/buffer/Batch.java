package cat.smartregion.gateway.api.buffer;

import cat.smartregion.gateway.api.Reading;
import java.util.List;

/** Readings claimed together, in sequence order. */
public record Batch(List<Reading> readings) {

    public static final Batch EMPTY = new Batch(List.of());

    public Batch {
        readings = List.copyOf(readings);
        for (int i = 1; i < readings.size(); i++) {
            if (readings.get(i).seq() <= readings.get(i - 1).seq()) {
                throw new IllegalArgumentException("batch readings must be in increasing sequence order");
            }
        }
    }

    public boolean isEmpty() {
        return readings.isEmpty();
    }

    public int size() {
        return readings.size();
    }

    /** Sequence number of the first reading; 0 when empty. */
    public long firstSeq() {
        return isEmpty() ? 0 : readings.get(0).seq();
    }

    /** Sequence number of the last reading; 0 when empty. */
    public long lastSeq() {
        return isEmpty() ? 0 : readings.get(readings.size() - 1).seq();
    }
}
