package cat.smartregion.gateway.buffer.internal;

import cat.smartregion.gateway.api.Priority;
import cat.smartregion.gateway.api.Reading;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Readings lost per priority class since the database was created: evicted by policy, or dropped
 * because a cycle could not be stored even after eviction. Kept in {@code meta} (written only in
 * transactions that evict, or in the next append after a drop), so the counts survive restarts.
 * Not thread-safe: used under the buffer's lock.
 */
final class EvictionCounts {

    private final PreparedStatement save;
    private final Map<Priority, Long> totals = new EnumMap<>(Priority.class);
    private final Map<Priority, Long> dropped = new EnumMap<>(Priority.class);
    private Map<Priority, Long> saving;
    private boolean unsaved;

    EvictionCounts(Connection connection) throws SQLException {
        save = connection.prepareStatement("INSERT INTO meta(key, value) VALUES (?, ?)"
                + " ON CONFLICT(key) DO UPDATE SET value = excluded.value");
        for (Priority priority : Priority.values()) {
            totals.put(priority, Schema.meta(connection, Schema.evictedKey(priority)));
            dropped.put(priority, 0L);
        }
    }

    /** All classes, evicted and dropped, since the database was created. */
    Map<Priority, Long> totals() {
        return Collections.unmodifiableMap(new EnumMap<>(totals));
    }

    /** Readings of cycles that could not be stored, since start. */
    long droppedSinceStart() {
        return dropped.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Counts a dropped cycle at once; it is written to {@code meta} with the next transaction. */
    void dropped(List<Reading> cycle) {
        for (Reading reading : cycle) {
            totals.merge(reading.priority(), 1L, Long::sum);
            dropped.merge(reading.priority(), 1L, Long::sum);
        }
        unsaved = true;
    }

    boolean unsaved() {
        return unsaved;
    }

    /** Writes the totals plus {@code evicting} in the current transaction; {@link #committed()} adopts them. */
    void write(Map<Priority, Long> evicting) throws SQLException {
        Map<Priority, Long> next = new EnumMap<>(totals);
        evicting.forEach((priority, n) -> next.merge(priority, n, Long::sum));
        for (Map.Entry<Priority, Long> entry : next.entrySet()) {
            save.setString(1, Schema.evictedKey(entry.getKey()));
            save.setLong(2, entry.getValue());
            save.addBatch();
        }
        save.executeBatch();
        saving = next;
    }

    void committed() {
        if (saving != null) {
            totals.putAll(saving);
            saving = null;
            unsaved = false;
        }
    }

    void rolledBack() {
        saving = null;
    }
}
