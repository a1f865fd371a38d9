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

/**
 * The SQL of the readings over prepared statements: insert, scan in sequence order, delete and
 * move to the dead-letter table by ranges of sequence numbers. Callers hold the transaction.
 * Appends do not touch {@code meta}: the last sequence number is the highest seq stored, and every
 * transaction that deletes readings records it in {@code meta} first, so numbers are never reused
 * while an append writes only the pages of its readings.
 * Not thread-safe: used under the buffer's lock.
 */
final class ReadingTable {

    static final String COLUMNS = "seq, series, time, flags, value, cycle";

    private final Connection connection;
    private final SeriesTable series;
    private final PreparedStatement insert;
    private final PreparedStatement updateLastSeq;
    private final PreparedStatement scan;
    private final PreparedStatement delete;
    private final PreparedStatement deadLetter;
    private final PreparedStatement oldestTime;

    ReadingTable(Connection connection, SeriesTable series) throws SQLException {
        this.connection = connection;
        this.series = series;
        insert = connection.prepareStatement("INSERT INTO reading(" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)");
        updateLastSeq = connection.prepareStatement("UPDATE meta SET value = ? WHERE key = '" + Schema.LAST_SEQ + "'");
        scan = connection.prepareStatement("SELECT " + COLUMNS + " FROM reading ORDER BY seq");
        delete = connection.prepareStatement("DELETE FROM reading WHERE seq BETWEEN ? AND ?");
        deadLetter = connection.prepareStatement("INSERT INTO dead_letter(" + COLUMNS + ", reason, rejected_at)"
                + " SELECT " + COLUMNS + ", ?, ? FROM reading WHERE seq BETWEEN ? AND ?");
        oldestTime = connection.prepareStatement("SELECT time FROM reading ORDER BY seq LIMIT 1");
    }

    /**
     * Inserts the readings numbered from {@code lastSeq + 1}, stamped with the cycle's clocks. A reading
     * timed before {@link ClockStamp#PLAUSIBLE_FLOOR} is flagged CLOCK_UNSYNCHRONISED; if the clock is
     * plausible by the time of the append it takes the append's time at once, otherwise it keeps the
     * stamp so a later synchronised cycle of the same boot corrects it ({@link ClockCorrection}).
     */
    List<Reading> insert(List<Reading> readings, long lastSeq, ClockStamp stamp) throws SQLException {
        List<Reading> stored = new ArrayList<>(readings.size());
        byte[] blob = stamp.encode();
        long seq = lastSeq;
        try {
            for (Reading reading : readings) {
                seq++;
                stored.add(bindInsert(reading, seq, stamp, seq == lastSeq + 1 ? blob : null));
            }
            insert.executeBatch();
        } finally {
            insert.clearBatch();
        }
        return stored;
    }

    /** Records the last sequence number given, before a transaction deletes readings. */
    void recordLastSeq(long lastSeq) throws SQLException {
        updateLastSeq.setLong(1, lastSeq);
        updateLastSeq.executeUpdate();
    }

    /** The oldest readings not claimed, in sequence order, within the limits; at least one if any. */
    List<Reading> oldestUnclaimed(ClaimMarks claims, int maxReadings, long maxBytes) throws SQLException {
        List<Reading> batch = new ArrayList<>();
        long bytes = 0;
        try (ResultSet rows = scan.executeQuery()) {
            while (batch.size() < maxReadings && rows.next()) {
                long seq = rows.getLong(1);
                if (claims.isClaimed(seq)) {
                    continue;
                }
                Reading reading = decode(seq, rows);
                bytes += ReadingSize.estimate(reading);
                if (!batch.isEmpty() && bytes > maxBytes) {
                    break;
                }
                batch.add(reading);
            }
        }
        return batch;
    }

    int delete(SeqRange range) throws SQLException {
        delete.setLong(1, range.first());
        delete.setLong(2, range.last());
        return delete.executeUpdate();
    }

    /** Copies the range to the dead-letter table, then deletes it; returns how many moved. */
    int moveToDeadLetter(SeqRange range, String reason, long rejectedAt) throws SQLException {
        deadLetter.setString(1, reason);
        deadLetter.setLong(2, rejectedAt);
        deadLetter.setLong(3, range.first());
        deadLetter.setLong(4, range.last());
        deadLetter.executeUpdate();
        return delete(range);
    }

    /** Time of the undelivered reading with the lowest sequence number; 0 when none. */
    long oldestTime() throws SQLException {
        try (ResultSet row = oldestTime.executeQuery()) {
            return row.next() ? row.getLong(1) : 0;
        }
    }

    long countReadings() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT count(*) FROM reading")) {
            row.next();
            return row.getLong(1);
        }
    }

    private Reading bindInsert(Reading reading, long seq, ClockStamp stamp, byte[] cycleBlob) throws SQLException {
        long time = reading.time();
        Quality quality = reading.quality();
        byte[] cycle = cycleBlob;
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
        insert.setLong(1, seq);
        insert.setInt(2, series.idFor(SeriesKey.of(reading)));
        insert.setLong(3, time);
        insert.setInt(4, corrected ? ValueCodec.corrected(encoded.flags()) : encoded.flags());
        insert.setObject(5, encoded.value());
        insert.setBytes(6, cycle);
        insert.addBatch();
        return reading.withTime(time, quality).withSeq(seq);
    }

    private Reading decode(long seq, ResultSet row) throws SQLException {
        SeriesKey key = series.key(row.getInt(2));
        int flags = row.getInt(4);
        return new Reading(key.tenant(), key.gateway(), key.device(), key.point(), key.quantity(),
                ValueCodec.decodeValue(flags, row.getObject(5)), key.unit(), row.getLong(3),
                ValueCodec.decodeQuality(flags), key.priority(), seq);
    }
}
