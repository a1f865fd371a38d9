package cat.smartregion.gateway.buffer.internal;

import cat.smartregion.gateway.api.Priority;
import cat.smartregion.gateway.api.alarm.Alarm;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the database within its budget (the quota less the WAL's room) by page accounting, and keeps
 * the quota alarms: {@code buffer.near-quota} from 90 % of the budget (cleared under 85 %),
 * {@code buffer.evicting} when readings are evicted (cleared once deliveries bring the buffer under
 * 60 %). Before an append that would go over the budget it evicts down to 80 %, so eviction runs
 * in rounds rather than at every append. Not thread-safe: used under the buffer's lock.
 */
final class QuotaKeeper {

    static final double NEAR = 0.90;
    static final double NEAR_CLEAR = 0.85;
    static final double TARGET = 0.80;
    static final double EVICTING_CLEAR = 0.60;

    private static final Logger LOG = LoggerFactory.getLogger(QuotaKeeper.class);

    private final BufferConfig config;
    private final PageAccounting pages;
    private final Evictor evictor;
    private final EvictionCounts counts;
    private final BufferAlarms alarms;
    private final Clock clock;
    private long cap = Long.MAX_VALUE;
    /** Bytes used after the last write this keeper saw; only appends add to it, and they call {@link #review()}. */
    private long used = -1;

    QuotaKeeper(BufferConfig config, PageAccounting pages, Evictor evictor, EvictionCounts counts,
                BufferAlarms alarms, Clock clock) {
        this.config = config;
        this.pages = pages;
        this.evictor = evictor;
        this.counts = counts;
        this.alarms = alarms;
        this.clock = clock;
    }

    /** Bytes an append of this many readings may take, rather more than less. */
    static long estimate(int readings) {
        return readings * 40L + 2L * Schema.PAGE_SIZE;
    }

    /** Evicts when an append of {@code appendBytes} would take the database over its budget. */
    Map<Priority, Long> makeRoom(long appendBytes, ClaimMarks claims, long lastSeq) throws SQLException {
        long budget = budget();
        if (used < 0) {
            used = pages.usedBytes();
        }
        if (used + appendBytes <= budget) {
            return Map.of();
        }
        return evict((long) (budget * TARGET) - appendBytes, claims, lastSeq, cap < Long.MAX_VALUE
                ? "on a full disk" : "over its quota of " + config.quotaBytes() + " bytes");
    }

    /**
     * The file system refused to grow: until {@link #uncap()}, the budget is the database file as it is,
     * so appends reuse free pages and a checkpoint never needs to grow the file.
     */
    void capAtFileSize() throws SQLException {
        cap = pages.fileBytes();
        used = -1;
    }

    void uncap() {
        cap = Long.MAX_VALUE;
    }

    private long budget() {
        return Math.min(config.databaseBudgetBytes(), cap);
    }

    /** Raises or clears the quota alarms from the bytes now used. */
    void review() throws SQLException {
        used = pages.usedBytes();
        double usage = (double) used / budget();
        if (usage >= NEAR) {
            alarms.raise(BufferAlarms.NEAR_QUOTA, Alarm.Severity.WARNING, String.format(java.util.Locale.ROOT,
                    "The buffer at %s uses %.0f %% of its quota of %d bytes; the uplink is behind and "
                            + "the oldest samples will be evicted soon.", config.path(), usage * 100,
                    config.quotaBytes()), clock.millis());
        } else if (usage < NEAR_CLEAR) {
            alarms.clear(BufferAlarms.NEAR_QUOTA);
        }
        if (usage < EVICTING_CLEAR) {
            alarms.clear(BufferAlarms.EVICTING);
        }
    }

    /** {@link #review()} after an acknowledgement, which must not fail for it. */
    void reviewQuietly() {
        try {
            review();
        } catch (SQLException e) {
            LOG.debug("Buffer at {}: cannot review the quota: {}", config.path(), e.toString());
        }
    }

    private Map<Priority, Long> evict(long targetBytes, ClaimMarks claims, long lastSeq, String why)
            throws SQLException {
        Map<Priority, Long> evicted = evictor.evictTo(Math.max(0, targetBytes), claims, lastSeq, counts);
        used = -1;
        if (!evicted.isEmpty()) {
            String message = "The buffer at " + config.path() + " is " + why + ": evicted " + evicted
                    + " now; lost since it was created: " + counts.totals()
                    + ". Readings are lost until the uplink catches up.";
            LOG.warn(message);
            alarms.raise(BufferAlarms.EVICTING, Alarm.Severity.WARNING, message, clock.millis());
        }
        return evicted;
    }
}
