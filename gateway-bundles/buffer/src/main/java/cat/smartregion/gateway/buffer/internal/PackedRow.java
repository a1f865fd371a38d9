package cat.smartregion.gateway.buffer.internal;

import java.util.List;

/**
 * What the buffer remembers of one row of the {@code packed} table: its slot (rowid), the first and
 * the number of its undelivered readings, its blob's size, and whether any of them waits for a
 * synchronised clock. Rows hold disjoint runs of sequence numbers, so they are ordered by them.
 */
final class PackedRow {

    final int slot;
    long first;
    int live;
    int bytes;
    boolean waiting;

    PackedRow(int slot) {
        this.slot = slot;
    }

    /** Describes the row as holding {@code readings} (undelivered, in order) in a blob of {@code size} bytes. */
    void holds(List<StoredReading> readings, int size) {
        first = readings.isEmpty() ? 0 : readings.get(0).seq();
        live = readings.size();
        bytes = size;
        waiting = readings.stream().anyMatch(StoredReading::waiting);
    }
}
