package cat.smartregion.gateway.buffer.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One removal of readings by sequence number, inside the caller's transaction: first the rows holding
 * them are read ({@link #remove}), then {@link #apply} moves {@code delivered_below} up to the first
 * reading left and writes only what that does not cover: a row that lost readings above it is
 * rewritten without them, an emptied row is kept spare or deleted. So acknowledging the oldest
 * readings writes one small {@code meta} row. An eviction packs the rows it touched anew and
 * deletes the rows (and the spare ones) it no longer needs, so their pages become free.
 * Not thread-safe: used under the buffer's lock.
 */
final class Removal {

    private record Affected(PackedRow row, List<StoredReading> kept, long maxRemoved, long maxSeq) {
    }

    private final PackedIndex index;
    private final PackedRows rows;
    private final long below;
    private final long lastSeq;
    private final List<Affected> affected = new ArrayList<>();
    private List<StoredReading> removed = List.of();
    private boolean compact;

    Removal(PackedIndex index, PackedRows rows, long below, long lastSeq) {
        this.index = index;
        this.rows = rows;
        this.below = below;
        this.lastSeq = lastSeq;
    }

    /** Reads the rows holding {@code seqs} (increasing); the readings found are added to {@code removedOut}. */
    Removal remove(List<Long> seqs, boolean compactRows, List<StoredReading> removedOut) throws SQLException {
        compact = compactRows;
        removed = removedOut;
        Set<Long> gone = new HashSet<>(seqs);
        PackedRow previous = null;
        for (long seq : seqs) {
            PackedRow row = seq < below ? null : index.rowOf(seq);
            if (row == null || row == previous) {
                continue;
            }
            previous = row;
            List<StoredReading> kept = new ArrayList<>();
            long maxRemoved = -1;
            long maxSeq = 0;
            for (StoredReading r : rows.read(row.slot)) {
                maxSeq = Math.max(maxSeq, r.seq());
                if (r.seq() < below) {
                    continue;
                }
                if (gone.contains(r.seq())) {
                    removedOut.add(r);
                    maxRemoved = r.seq();
                } else {
                    kept.add(r);
                }
            }
            if (maxRemoved >= 0) {
                affected.add(new Affected(row, kept, maxRemoved, maxSeq));
            }
        }
        return this;
    }

    /** Writes the removal; returns how many readings it removed. */
    int apply(ReadingTable table) throws SQLException {
        long newBelow = newBelow();
        table.deliveredBelow(newBelow);
        if (compact) {
            for (List<Affected> run : runs()) {
                repack(run);
            }
            for (int slot = index.takeSpare(); slot != 0; slot = index.takeSpare()) {
                rows.delete(slot);
            }
        } else {
            for (Affected a : affected) {
                rewrite(a, newBelow);
            }
        }
        return removed.size();
    }

    /** The first reading left: every reading below it is now gone. */
    private long newBelow() {
        Map<PackedRow, Affected> byRow = new IdentityHashMap<>();
        affected.forEach(a -> byRow.put(a.row(), a));
        for (PackedRow row : index.inOrder()) {
            Affected a = byRow.get(row);
            if (a == null) {
                return row.first;
            }
            if (!a.kept().isEmpty()) {
                return a.kept().get(0).seq();
            }
        }
        return lastSeq + 1;
    }

    private void rewrite(Affected a, long newBelow) throws SQLException {
        int slot = a.row().slot;
        if (a.kept().isEmpty()) {
            if (!index.retire(a.row(), true)) {
                rows.delete(slot);
            } else if (a.maxSeq() >= newBelow) {
                rows.empty(slot);
            }
        } else if (a.maxRemoved() >= newBelow) {
            a.row().holds(a.kept(), rows.write(slot, false, a.kept()));
        } else {
            a.row().holds(a.kept(), a.row().bytes);
        }
    }

    /** The affected rows in runs of neighbours, which may be packed together. */
    private List<List<Affected>> runs() {
        List<List<Affected>> runs = new ArrayList<>();
        List<Affected> run = new ArrayList<>();
        for (Affected a : affected) {
            if (!run.isEmpty() && index.next(run.get(run.size() - 1).row()) != a.row()) {
                runs.add(run);
                run = new ArrayList<>();
            }
            run.add(a);
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }

    private void repack(List<Affected> run) throws SQLException {
        List<StoredReading> kept = new ArrayList<>();
        List<Integer> slots = new ArrayList<>();
        for (Affected a : run) {
            kept.addAll(a.kept());
            slots.add(a.row().slot);
            index.retire(a.row(), false);
        }
        int used = 0;
        if (!kept.isEmpty()) {
            int size = PackedCodec.encode(kept).length;
            int perRow = (int) Math.max(1, (long) kept.size() * ReadingTable.ROW_BYTES / size);
            for (int from = 0; from < kept.size(); from += perRow) {
                List<StoredReading> part = new ArrayList<>(kept.subList(from, Math.min(kept.size(), from + perRow)));
                boolean isNew = used >= slots.size();
                PackedRow row = new PackedRow(isNew ? index.newSlot() : slots.get(used));
                used++;
                row.holds(part, rows.write(row.slot, isNew, part));
                index.add(row);
            }
        }
        for (int k = used; k < slots.size(); k++) {
            rows.delete(slots.get(k));
        }
    }
}
