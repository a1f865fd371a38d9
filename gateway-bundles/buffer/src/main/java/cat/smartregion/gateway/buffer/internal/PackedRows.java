package cat.smartregion.gateway.buffer.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The SQL of the {@code packed} table: a row per slot with the highest sequence number it ever held
 * ({@code last}) and its readings packed by {@link PackedCodec}. Rewriting a row in place changes one
 * page (its blob fits in a page unless its cycle is larger), which is what an append costs.
 * Callers hold the transaction. Not thread-safe: used under the buffer's lock.
 */
final class PackedRows {

    private static final byte[] EMPTY = PackedCodec.encode(List.of());

    private final PreparedStatement select;
    private final PreparedStatement insert;
    private final PreparedStatement update;
    private final PreparedStatement delete;
    private final PreparedStatement meta;

    PackedRows(Connection connection) throws SQLException {
        select = connection.prepareStatement("SELECT data FROM packed WHERE slot = ?");
        insert = connection.prepareStatement("INSERT INTO packed(slot, last, data) VALUES (?, ?, ?)");
        update = connection.prepareStatement("UPDATE packed SET last = ?, data = ? WHERE slot = ?");
        delete = connection.prepareStatement("DELETE FROM packed WHERE slot = ?");
        meta = connection.prepareStatement("UPDATE meta SET value = ? WHERE key = ?");
    }

    List<StoredReading> read(int slot) throws SQLException {
        select.setInt(1, slot);
        try (ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("packed slot " + slot + " is missing");
            }
            return PackedCodec.decode(row.getBytes(1));
        }
    }

    /** Writes the readings (not empty) to the slot, inserting it when new; returns the blob's size. */
    int write(int slot, boolean isNew, List<StoredReading> readings) throws SQLException {
        byte[] blob = PackedCodec.encode(readings);
        long last = readings.get(readings.size() - 1).seq();
        if (isNew) {
            insert.setInt(1, slot);
            insert.setLong(2, last);
            insert.setBytes(3, blob);
            insert.executeUpdate();
        } else {
            update.setLong(1, last);
            update.setBytes(2, blob);
            update.setInt(3, slot);
            if (update.executeUpdate() != 1) {
                throw new SQLException("packed slot " + slot + " is missing");
            }
        }
        return blob.length;
    }

    /** Empties the slot, keeping its row to be rewritten later. */
    void empty(int slot) throws SQLException {
        update.setLong(1, 0);
        update.setBytes(2, EMPTY);
        update.setInt(3, slot);
        update.executeUpdate();
    }

    void delete(int slot) throws SQLException {
        delete.setInt(1, slot);
        delete.executeUpdate();
    }

    void meta(String key, long value) throws SQLException {
        meta.setLong(1, value);
        meta.setString(2, key);
        meta.executeUpdate();
    }
}
