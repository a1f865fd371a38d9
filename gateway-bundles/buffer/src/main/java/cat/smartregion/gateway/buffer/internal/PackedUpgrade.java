package cat.smartregion.gateway.buffer.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts a database of schema version 1 or 2 (a {@code reading} row per reading) to version 3: its
 * readings are packed {@value #PER_ROW} to a row of {@code packed}, in sequence order, and the old
 * table is dropped, inside the schema transaction of {@link Schema}.
 */
final class PackedUpgrade {

    private static final int PER_ROW = 100;

    private PackedUpgrade() {
    }

    static void upgrade(Connection connection, long version) throws SQLException {
        if (version == 1) {
            Schema.execute(connection, "ALTER TABLE reading ADD COLUMN cycle BLOB");
            Schema.execute(connection, "ALTER TABLE dead_letter ADD COLUMN cycle BLOB");
        }
        try (Statement statement = connection.createStatement();
             ResultSet all = statement.executeQuery("SELECT seq, series, time, flags, value, cycle FROM reading ORDER BY seq");
             PreparedStatement insert = connection.prepareStatement("INSERT INTO packed(slot, last, data) VALUES (?, ?, ?)")) {
            List<StoredReading> row = new ArrayList<>();
            int slot = 0;
            while (all.next()) {
                row.add(new StoredReading(all.getLong(1), all.getInt(2), all.getLong(3), all.getInt(4), all.getObject(5),
                        all.getBytes(6)));
                if (row.size() == PER_ROW) {
                    insert(insert, ++slot, row);
                }
            }
            if (!row.isEmpty()) {
                insert(insert, ++slot, row);
            }
        }
        Schema.execute(connection, "DROP INDEX IF EXISTS unsynchronised");
        Schema.execute(connection, "DROP TABLE reading");
        Schema.execute(connection, "UPDATE meta SET value = " + Schema.VERSION + " WHERE key = 'schema_version'");
    }

    private static void insert(PreparedStatement insert, int slot, List<StoredReading> row) throws SQLException {
        insert.setInt(1, slot);
        insert.setLong(2, row.get(row.size() - 1).seq());
        insert.setBytes(3, PackedCodec.encode(row));
        insert.executeUpdate();
        row.clear();
    }
}
