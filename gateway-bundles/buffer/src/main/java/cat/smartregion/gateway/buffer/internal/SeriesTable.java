package cat.smartregion.gateway.buffer.internal;

import cat.smartregion.gateway.api.Priority;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The series lookup table and its in-memory copy. Series added inside a transaction stay
 * pending until {@link #commit()}, so a rolled-back append leaves no stale ids behind.
 * Not thread-safe: used under the buffer's lock.
 */
final class SeriesTable {

    private final Map<SeriesKey, Integer> ids = new HashMap<>();
    private final Map<Integer, SeriesKey> keys = new HashMap<>();
    private final Map<SeriesKey, Integer> pending = new HashMap<>();
    private final PreparedStatement insert;
    private int nextId = 1;

    SeriesTable(Connection connection) throws SQLException {
        insert = connection.prepareStatement("INSERT INTO series(id, tenant, gateway, device, point, quantity, unit, priority)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT id, tenant, gateway, device, point, quantity, unit, priority FROM series")) {
            while (rows.next()) {
                int id = rows.getInt(1);
                put(new SeriesKey(rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5),
                        rows.getString(6), rows.getString(7), Priority.values()[rows.getInt(8)]), id);
                nextId = Math.max(nextId, id + 1);
            }
        }
    }

    /** The id of the series, inserting it in the current transaction when new. */
    int idFor(SeriesKey key) throws SQLException {
        Integer id = ids.get(key);
        if (id == null) {
            id = pending.get(key);
        }
        return id != null ? id : insert(key);
    }

    SeriesKey key(int id) {
        SeriesKey key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("unknown series id " + id);
        }
        return key;
    }

    /** The ids of the committed series of this priority class. */
    List<Integer> idsOf(Priority priority) {
        List<Integer> of = new ArrayList<>();
        keys.forEach((id, key) -> {
            if (key.priority() == priority) {
                of.add(id);
            }
        });
        return of;
    }

    void commit() {
        nextId += pending.size();
        pending.forEach(this::put);
        pending.clear();
    }

    void rollback() {
        pending.clear();
    }

    private int insert(SeriesKey key) throws SQLException {
        int id = nextId + pending.size();
        insert.setInt(1, id);
        insert.setString(2, key.tenant());
        insert.setString(3, key.gateway());
        insert.setString(4, key.device());
        insert.setString(5, key.point());
        insert.setString(6, key.quantity());
        insert.setString(7, key.unit());
        insert.setInt(8, key.priority().ordinal());
        insert.executeUpdate();
        pending.put(key, id);
        return id;
    }

    private void put(SeriesKey key, int id) {
        ids.put(key, id);
        keys.put(id, key);
    }
}
