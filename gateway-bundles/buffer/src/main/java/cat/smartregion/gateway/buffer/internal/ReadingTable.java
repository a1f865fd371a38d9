package cat.smartregion.gateway.buffer.internal;

import cat.smartregion.gateway.api.Quality;
import cat.smartregion.gateway.api.Reading;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The readings, packed: a cycle's readings go into one row of the {@code packed} table (appended to
 * the newest row while it stays under {@value #ROW_BYTES} bytes, else into a spare row rewritten in
 * place, else a new row), so a commit writes about one page. {@code meta.delivered_below} says that
 * every reading numbered below it is gone: an acknowledgement of the oldest readings only moves it.
 * Removing other readings rewrites their rows without them. The in-memory {@link PackedIndex} follows
 * each change at once; after a rolled-back transaction {@link #reload()} rebuilds it from the table.
 * The last sequence number is the highest stored; every transaction that removes readings records it
 * in {@code meta} first, so numbers are never reused. Not thread-safe: used under the buffer's lock.
 */
final class ReadingTable {

    /** A row is filled up to this many bytes, so that its blob stays within one 1 KiB page. */
    static final int ROW_BYTES = 960;

    private final Connection connection;
    private final SeriesTable series;
    private final PackedRows rows;
    private final PackedIndex index = new PackedIndex();
    private final PreparedStatement deadLetter;
    private long deliveredBelow;
    private boolean stale;

    ReadingTable(Connection connection, SeriesTable series) throws SQLException {
        this.connection = connection;
        this.series = series;
        rows = new PackedRows(connection);
        deadLetter = connection.prepareStatement("INSERT INTO dead_letter(" + Schema.DEAD_LETTER_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        reload();
    }

    /** Rebuilds the index from the table, e.g. after a rolled-back transaction. */
    void reload() throws SQLException {
        stale = true;
        index.clear();
        deliveredBelow = Schema.meta(connection, Schema.DELIVERED_BELOW);
        try (Statement statement = connection.createStatement();
             ResultSet all = statement.executeQuery("SELECT slot, data FROM packed")) {
            while (all.next()) {
                int slot = all.getInt(1);
                byte[] blob = all.getBytes(2);
                List<StoredReading> live = undelivered(PackedCodec.decode(blob));
                index.seen(slot);
                if (live.isEmpty()) {
                    index.addSpare(slot);
                } else {
                    PackedRow row = new PackedRow(slot);
                    row.holds(live, blob.length);
                    index.add(row);
                }
            }
        }
        stale = false;
    }

    /**
     * Reloads the index when the last reload failed: an incomplete index would let an
     * acknowledgement move the delivered mark past readings it does not know.
     */
    private void fresh() throws SQLException {
        if (stale) {
            reload();
        }
    }

    /**
     * Stores the readings numbered from {@code lastSeq + 1}, stamped with the cycle's clocks. A reading
     * timed before {@link ClockStamp#PLAUSIBLE_FLOOR} is flagged CLOCK_UNSYNCHRONISED; if the clock is
     * plausible by the time of the append it takes the append's time at once, otherwise it keeps the
     * stamp so a later synchronised cycle of the same boot corrects it ({@link ClockCorrection}).
     */
    List<Reading> insert(List<Reading> readings, long lastSeq, ClockStamp stamp) throws SQLException {
        fresh();
        List<Reading> stored = new ArrayList<>(readings.size());
        List<StoredReading> packed = new ArrayList<>(readings.size());
        long seq = lastSeq;
        for (Reading reading : readings) {
            seq++;
            stored.add(pack(reading, seq, stamp, seq == lastSeq + 1, packed));
        }
        int size = PackedCodec.encode(packed).length;
        PackedRow tail = index.last();
        if (tail != null && tail.bytes + size <= ROW_BYTES) {
            List<StoredReading> merged = undelivered(rows.read(tail.slot));
            merged.addAll(packed);
            tail.holds(merged, rows.write(tail.slot, false, merged));
        } else {
            int spare = index.takeSpare();
            PackedRow row = new PackedRow(spare == 0 ? index.newSlot() : spare);
            row.holds(packed, rows.write(row.slot, spare == 0, packed));
            index.add(row);
        }
        return stored;
    }

    /** {@link #reload()} after a rolled-back transaction; a failure to do so is recorded on {@code cause}. */
    void reloadAfter(Exception cause) {
        try {
            reload();
        } catch (SQLException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    /** Records the last sequence number given, before a transaction removes readings. */
    void recordLastSeq(long lastSeq) throws SQLException {
        rows.meta(Schema.LAST_SEQ, lastSeq);
    }

    /** The oldest readings not claimed, in sequence order, within the limits; at least one if any. */
    List<Reading> oldestUnclaimed(ClaimMarks claims, int maxReadings, long maxBytes) throws SQLException {
        fresh();
        List<Reading> batch = new ArrayList<>();
        long bytes = 0;
        for (PackedRow row : index.inOrder()) {
            for (StoredReading stored : undelivered(rows.read(row.slot))) {
                if (claims.isClaimed(stored.seq())) {
                    continue;
                }
                Reading reading = decode(stored);
                bytes += ReadingSize.estimate(reading);
                if (batch.size() >= maxReadings || !batch.isEmpty() && bytes > maxBytes) {
                    return batch;
                }
                batch.add(reading);
            }
        }
        return batch;
    }

    /** Up to {@code limit} of the oldest unclaimed readings of the series, in sequence order. */
    List<Long> oldestOf(Set<Integer> seriesIds, int limit, ClaimMarks claims) throws SQLException {
        fresh();
        List<Long> seqs = new ArrayList<>();
        for (PackedRow row : index.inOrder()) {
            for (StoredReading stored : undelivered(rows.read(row.slot))) {
                if (seriesIds.contains(stored.series()) && !claims.isClaimed(stored.seq())) {
                    seqs.add(stored.seq());
                    if (seqs.size() >= limit) {
                        return seqs;
                    }
                }
            }
        }
        return seqs;
    }

    /** Deletes the readings numbered {@code seqs} (increasing) that are still stored; returns how many. */
    int delete(List<Long> seqs, long lastSeq) throws SQLException {
        fresh();
        return new Removal(index, rows, deliveredBelow, lastSeq).remove(seqs, false, new ArrayList<>())
                .apply(this);
    }

    /** Deletes them to free pages: the rows left are packed anew and emptied rows deleted. */
    int evict(List<Long> seqs, long lastSeq) throws SQLException {
        fresh();
        return new Removal(index, rows, deliveredBelow, lastSeq).remove(seqs, true, new ArrayList<>())
                .apply(this);
    }

    /** Copies the readings to the dead-letter table, then deletes them; returns how many moved. */
    int moveToDeadLetter(List<Long> seqs, long lastSeq, String reason, long rejectedAt) throws SQLException {
        fresh();
        List<StoredReading> removed = new ArrayList<>();
        int moved = new Removal(index, rows, deliveredBelow, lastSeq).remove(seqs, false, removed).apply(this);
        for (StoredReading r : removed) {
            deadLetter.setLong(1, r.seq());
            deadLetter.setInt(2, r.series());
            deadLetter.setLong(3, r.time());
            deadLetter.setInt(4, r.flags());
            deadLetter.setObject(5, r.value());
            deadLetter.setBytes(6, r.stamp());
            deadLetter.setString(7, reason);
            deadLetter.setLong(8, rejectedAt);
            deadLetter.addBatch();
        }
        if (!removed.isEmpty()) {
            deadLetter.executeBatch();
        }
        return moved;
    }

    /** Whether readings stamped in this boot wait for a synchronised clock. */
    boolean waitingIn(int boot) throws SQLException {
        for (PackedRow row : index.inOrder()) {
            if (row.waiting && undelivered(rows.read(row.slot)).stream()
                    .anyMatch(r -> r.waiting() && ClockStamp.decode(r.stamp()).boot() == boot)) {
                return true;
            }
        }
        return false;
    }

    /** Corrects the times of the readings of this boot waiting for a synchronised clock; returns how many. */
    int correct(ClockStamp now) throws SQLException {
        int corrected = 0;
        for (PackedRow row : List.copyOf(index.inOrder())) {
            if (!row.waiting) {
                continue;
            }
            List<StoredReading> readings = undelivered(rows.read(row.slot));
            int before = corrected;
            for (int i = 0; i < readings.size(); i++) {
                StoredReading r = readings.get(i);
                if (r.waiting() && ClockStamp.decode(r.stamp()).boot() == now.boot()) {
                    readings.set(i, r.corrected(now.offsetFor(ClockStamp.decode(r.stamp()))));
                    corrected++;
                }
            }
            if (corrected > before) {
                row.holds(readings, rows.write(row.slot, false, readings));
            }
        }
        return corrected;
    }

    /** Time of the undelivered reading with the lowest sequence number; 0 when none. */
    long oldestTime() throws SQLException {
        PackedRow first = index.first();
        return first == null ? 0 : undelivered(rows.read(first.slot)).get(0).time();
    }

    long countReadings() {
        return index.live();
    }

    /** Called by a {@link Removal} once its rows are written: every reading below {@code below} is gone. */
    void deliveredBelow(long below) throws SQLException {
        if (below != deliveredBelow) {
            rows.meta(Schema.DELIVERED_BELOW, below);
            deliveredBelow = below;
        }
    }

    private List<StoredReading> undelivered(List<StoredReading> readings) {
        if (readings.isEmpty() || readings.get(0).seq() >= deliveredBelow) {
            return readings;
        }
        List<StoredReading> left = new ArrayList<>(readings.size());
        for (StoredReading r : readings) {
            if (r.seq() >= deliveredBelow) {
                left.add(r);
            }
        }
        return left;
    }

    private Reading pack(Reading reading, long seq, ClockStamp stamp, boolean first, List<StoredReading> packed)
            throws SQLException {
        long time = reading.time();
        Quality quality = reading.quality();
        byte[] cycle = first ? stamp.encode() : null;
        boolean corrected = false;
        if (!ClockStamp.plausible(time)) {
            quality = Quality.CLOCK_UNSYNCHRONISED;
            if (stamp.plausible()) {
                time = stamp.wall();
                corrected = true;
            } else {
                cycle = stamp.encode();
            }
        }
        ValueCodec.Encoded encoded = ValueCodec.encode(reading.value(), quality);
        int flags = corrected ? ValueCodec.corrected(encoded.flags()) : encoded.flags();
        packed.add(new StoredReading(seq, series.idFor(SeriesKey.of(reading)), time, flags, encoded.value(), cycle));
        return reading.withTime(time, quality).withSeq(seq);
    }

    private Reading decode(StoredReading stored) {
        SeriesKey key = series.key(stored.series());
        return new Reading(key.tenant(), key.gateway(), key.device(), key.point(), key.quantity(),
                ValueCodec.decodeValue(stored.flags(), stored.value()), key.unit(), stored.time(),
                ValueCodec.decodeQuality(stored.flags()), key.priority(), stored.seq());
    }
}
