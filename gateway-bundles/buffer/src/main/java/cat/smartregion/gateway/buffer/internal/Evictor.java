package cat.smartregion.gateway.buffer.internal;

import cat.smartregion.gateway.api.Priority;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The eviction policy: deletes the oldest unclaimed readings of the lowest priority class first
 * (SAMPLE, then STATE, then COUNTER, ALARM last), a chunk per transaction, until the used bytes are
 * down to the target. A claimed reading (in flight) is never evicted. Each chunk records the last
 * sequence number and the new eviction counts in the same transaction. Dead letters are not evicted.
 * Not thread-safe: used under the buffer's lock.
 */
final class Evictor {

    private static final int MIN_CHUNK = 100;
    /** About the bytes a stored reading takes, packed; a chunk that frees too little is followed by another. */
    private static final int BYTES_PER_READING = 8;

    private final SeriesTable series;
    private final ReadingTable table;
    private final Transaction transaction;
    private final PageAccounting pages;

    Evictor(SeriesTable series, ReadingTable table, Transaction transaction,
            PageAccounting pages) {
        this.series = series;
        this.table = table;
        this.transaction = transaction;
        this.pages = pages;
    }

    /** Evicts until at most {@code targetBytes} are used or nothing evictable is left; returns the counts. */
    Map<Priority, Long> evictTo(long targetBytes, ClaimMarks claims, long lastSeq, EvictionCounts counts)
            throws SQLException {
        Map<Priority, Long> evicted = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            List<Integer> ids = series.idsOf(priority);
            long used = pages.usedBytes();
            while (!ids.isEmpty() && used > targetBytes) {
                int chunk = (int) Math.max(MIN_CHUNK, Math.min(1_000_000, (used - targetBytes) / BYTES_PER_READING));
                List<Long> seqs = oldest(ids, chunk, claims);
                if (seqs.isEmpty()) {
                    break;
                }
                evicted.merge(priority, (long) delete(seqs, priority, lastSeq, counts), Long::sum);
                used = pages.usedBytes();
            }
        }
        return evicted;
    }

    private int delete(List<Long> seqs, Priority priority, long lastSeq, EvictionCounts counts) throws SQLException {
        int deleted = 0;
        try {
            transaction.begin();
            table.recordLastSeq(lastSeq);
            deleted = table.evict(seqs, lastSeq);
            counts.write(Map.of(priority, (long) deleted));
            transaction.commit();
        } catch (SQLException | RuntimeException e) {
            counts.rolledBack();
            transaction.rollback(e);
            table.reloadAfter(e);
            throw e;
        }
        counts.committed();
        return deleted;
    }

    private List<Long> oldest(List<Integer> ids, int chunk, ClaimMarks claims) throws SQLException {
        return table.oldestOf(new HashSet<>(ids), chunk, claims);
    }
}
