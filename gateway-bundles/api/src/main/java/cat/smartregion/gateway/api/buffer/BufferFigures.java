package cat.smartregion.gateway.api.buffer;

import cat.smartregion.gateway.api.Priority;
import java.util.Map;
import java.util.Objects;

/**
 * Health figures of the buffer.
 *
 * @param backlog         readings stored and not yet delivered
 * @param bytes           size of the buffer on disk (database and its journal)
 * @param quotaBytes      the disk quota the buffer keeps to
 * @param oldestTime      time of the oldest undelivered reading, ms since the epoch; 0 when empty
 * @param stored          readings stored since start
 * @param delivered       readings acknowledged since start
 * @param evicted         readings evicted by policy since the buffer was created, per priority class
 * @param deadLettered    readings in the dead-letter table
 * @param lastSeq         highest sequence number given so far
 * @param writeRate       readings stored per second, averaged over the last minute
 */
public record BufferFigures(long backlog, long bytes, long quotaBytes, long oldestTime, long stored, long delivered,
                            Map<Priority, Long> evicted, long deadLettered, long lastSeq, double writeRate) {

    public BufferFigures {
        evicted = Map.copyOf(Objects.requireNonNull(evicted, "evicted"));
    }

    /** Readings evicted in all classes. */
    public long evictedTotal() {
        return evicted.values().stream().mapToLong(Long::longValue).sum();
    }
}
