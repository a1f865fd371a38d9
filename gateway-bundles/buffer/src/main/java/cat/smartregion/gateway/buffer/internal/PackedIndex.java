package cat.smartregion.gateway.buffer.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * The rows of the {@code packed} table in sequence order (a list sorted by each row's first
 * undelivered reading: rows hold disjoint runs, so the order never changes), and the spare slots:
 * rows whose readings are all delivered, kept (up to {@value #SPARE}) so that a new row rewrites one
 * of them in place instead of taking a page from the free list (which would also rewrite the
 * free-list trunk and page 1). About 45 bytes of heap a row, a row a page of the database.
 * Rebuilt from the table at open and after a rolled-back transaction. Not thread-safe.
 */
final class PackedIndex {

    /** Spare rows kept for reuse; more are deleted, so their pages count as free. */
    static final int SPARE = 8;

    private final List<PackedRow> rows = new ArrayList<>();
    private final Deque<Integer> spare = new ArrayDeque<>();
    private int nextSlot = 1;

    void clear() {
        rows.clear();
        spare.clear();
        nextSlot = 1;
    }

    /** Notes a slot present in the table, so new slots are numbered above it. */
    void seen(int slot) {
        nextSlot = Math.max(nextSlot, slot + 1);
    }

    void add(PackedRow row) {
        int at = rows.size();
        if (at > 0 && rows.get(at - 1).first > row.first) {
            at = floor(row.first) + 1;
        }
        rows.add(at, row);
    }

    /**
     * Removes a row whose readings are all gone; returns whether it was kept spare (false: delete it).
     * Only rows within one page are kept: a larger row's overflow pages are rewritten anyway.
     */
    boolean retire(PackedRow row, boolean keepSpare) {
        rows.remove(position(row));
        if (keepSpare && spare.size() < SPARE && row.bytes <= ReadingTable.ROW_BYTES) {
            spare.addLast(row.slot);
            return true;
        }
        return false;
    }

    void addSpare(int slot) {
        spare.addLast(slot);
    }

    /** A spare slot to rewrite, or 0 when none. */
    int takeSpare() {
        return spare.isEmpty() ? 0 : spare.pollFirst();
    }

    int newSlot() {
        return nextSlot++;
    }

    /** The row that holds (or would hold) {@code seq}; null when before every row. */
    PackedRow rowOf(long seq) {
        int at = floor(seq);
        return at < 0 ? null : rows.get(at);
    }

    PackedRow last() {
        return rows.isEmpty() ? null : rows.get(rows.size() - 1);
    }

    PackedRow first() {
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The rows in sequence order (a live view; do not change the index while iterating). */
    List<PackedRow> inOrder() {
        return Collections.unmodifiableList(rows);
    }

    /** The row after {@code row} in sequence order, or null. */
    PackedRow next(PackedRow row) {
        int at = position(row) + 1;
        return at < rows.size() ? rows.get(at) : null;
    }

    long live() {
        long live = 0;
        for (PackedRow row : rows) {
            live += row.live;
        }
        return live;
    }

    /** Index of the last row whose first reading is at or before {@code seq}; -1 when none. */
    private int floor(long seq) {
        int low = 0;
        int high = rows.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (rows.get(mid).first <= seq) {
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return high;
    }

    private int position(PackedRow row) {
        int at = floor(row.first);
        if (at < 0 || rows.get(at) != row) {
            throw new IllegalStateException("row of slot " + row.slot + " is not indexed");
        }
        return at;
    }
}
