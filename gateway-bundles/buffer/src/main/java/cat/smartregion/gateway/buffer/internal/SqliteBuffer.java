package cat.smartregion.gateway.buffer.internal;

import cat.smartregion.gateway.api.Priority;
import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.alarm.Alarm;
import cat.smartregion.gateway.api.alarm.Alarms;
import cat.smartregion.gateway.api.buffer.Batch;
import cat.smartregion.gateway.api.buffer.Buffer;
import cat.smartregion.gateway.api.buffer.BufferException;
import cat.smartregion.gateway.api.buffer.BufferFigures;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The buffer on one SQLite file in WAL mode, one connection guarded by a lock. Usable as a DS
 * component (configuration PID {@value #PID}) or on its own with {@link #open(BufferConfig)}
 * and {@link #close()}. Appends are stamped with the clocks ({@link ClockStamp}), kept within the
 * quota ({@link QuotaKeeper}) and survive a full disk by evicting and retrying once
 * ({@link DiskFull}); a corrupt file is quarantined at open ({@link BufferOpening}).
 */
@Component(service = Buffer.class, configurationPid = SqliteBuffer.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = BufferConfiguration.class)
public final class SqliteBuffer implements Buffer, AutoCloseable {

    public static final String PID = "cat.smartregion.gateway.buffer";

    private static final Logger LOG = LoggerFactory.getLogger(SqliteBuffer.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final ClaimMarks claims = new ClaimMarks();
    private final WriteRate rate = new WriteRate();
    private final BufferConfig config;
    private final BufferFiles files;
    private final BufferClocks clocks;
    private final BufferAlarms alarms;
    private final Connection connection;
    private final SeqMark mark;
    private final Transaction transaction;
    private final SeriesTable series;
    private final ReadingTable table;
    private final DeadLetters deadLetters;
    private final EvictionCounts counts;
    private final ClockCorrection correction;
    private final QuotaKeeper quota;
    private final DiskFull diskFull;
    private final int boot;
    private long lastSeq;
    private long backlog;
    private long deadLettered;
    private long stored;
    private long delivered;
    private boolean closed;

    /** Opens the buffer of the DS configuration; the alarms board binds later. */
    @Activate
    public SqliteBuffer(BufferConfiguration configuration) {
        this(BufferConfig.from(configuration), BufferClocks.system(), null);
    }

    private SqliteBuffer(BufferConfig config, BufferClocks clocks, Alarms board) {
        this.config = config;
        this.clocks = Objects.requireNonNull(clocks, "clocks");
        files = new BufferFiles(config.path());
        alarms = new BufferAlarms(board);
        BufferOpening.Opened opened = BufferOpening.open(config, clocks.wall().instant());
        connection = opened.connection();
        mark = opened.mark();
        lastSeq = opened.lastSeq();
        try {
            transaction = new Transaction(connection);
            series = new SeriesTable(connection);
            table = new ReadingTable(connection, series);
            deadLetters = new DeadLetters(connection, series);
            counts = new EvictionCounts(connection);
            boot = Schema.bootId(connection, clocks.bootId());
            correction = new ClockCorrection(table, boot);
            PageAccounting pages = new PageAccounting(connection);
            quota = new QuotaKeeper(config, pages, new Evictor(series, table, transaction, pages),
                    counts, alarms, clocks.wall());
            diskFull = new DiskFull(config, alarms, clocks.wall());
            diskFull.prepare();
            backlog = table.countReadings();
            deadLettered = deadLetters.count();
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection, e);
            throw new BufferException("cannot open the buffer at " + config.path(), e);
        }
        opened.reportQuarantine(alarms, clocks.wall().millis());
        LOG.info("Buffer opened at {} (synchronous {}, quota {} bytes): backlog {}, last seq {}, dead letters {}",
                config.path(), config.synchronous(), config.quotaBytes(), backlog, lastSeq, deadLettered);
    }

    /** Opens (creating when missing) the buffer of the configuration, with the system clocks and no alarm board. */
    public static SqliteBuffer open(BufferConfig config) {
        return new SqliteBuffer(config, BufferClocks.system(), null);
    }

    /** Opens the buffer with the wall clock that stamps cycles and dates dead letters. */
    public static SqliteBuffer open(BufferConfig config, Clock clock) {
        return new SqliteBuffer(config, BufferClocks.withWall(clock), null);
    }

    /** Opens the buffer with the given clocks, raising its alarms on the board (null: none). */
    public static SqliteBuffer open(BufferConfig config, BufferClocks clocks, Alarms board) {
        return new SqliteBuffer(config, clocks, board);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void setAlarms(Alarms board) {
        alarms.bind(board);
    }

    public void unsetAlarms(Alarms board) {
        alarms.unbind(board);
    }

    @Override
    public List<Reading> append(List<Reading> readings) {
        lock.lock();
        try {
            ensureOpen();
            if (readings.isEmpty()) {
                return List.of();
            }
            ClockStamp stamp = new ClockStamp(clocks.wall().millis(), clocks.monotonicNanos().getAsLong(), boot);
            long estimate = QuotaKeeper.estimate(readings.size());
            try {
                evicted(quota.makeRoom(estimate, claims, lastSeq));
                List<Reading> appended = store(readings, stamp);
                if (diskFull.reviewAfterSuccess()) {
                    quota.uncap();
                }
                return appended;
            } catch (SQLException | IOException e) {
                if (!DiskFull.isStorageFailure(e)) {
                    throw new BufferException("append of " + readings.size() + " readings failed at "
                            + config.path() + ", nothing stored", e);
                }
                return retryOnFullDisk(readings, stamp, estimate, e);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Batch claim(int maxReadings, long maxBytes) {
        if (maxReadings <= 0 || maxBytes <= 0) {
            throw new IllegalArgumentException("claim limits must be positive: " + maxReadings + ", " + maxBytes);
        }
        lock.lock();
        try {
            ensureOpen();
            Batch batch = new Batch(table.oldestUnclaimed(claims, maxReadings, maxBytes));
            claims.mark(batch);
            LOG.trace("Claimed {} readings, seq {}..{}", batch.size(), batch.firstSeq(), batch.lastSeq());
            return batch;
        } catch (SQLException e) {
            throw new BufferException("claim failed", e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void ack(Batch batch) {
        removeBatch(batch, null);
    }

    @Override
    public void reject(Batch batch, String reason) {
        removeBatch(batch, Objects.requireNonNull(reason, "reason"));
    }

    @Override
    public void release(Batch batch) {
        lock.lock();
        try {
            claims.clear(batch);
            LOG.trace("Released {} readings, seq {}..{}", batch.size(), batch.firstSeq(), batch.lastSeq());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public BufferFigures figures() {
        lock.lock();
        try {
            ensureOpen();
            return new BufferFigures(backlog, files.bytesOnDisk(), config.quotaBytes(), table.oldestTime(), stored,
                    delivered, counts.totals(), deadLettered, lastSeq,
                    rate.perSecond(clocks.monotonicNanos().getAsLong()));
        } catch (SQLException e) {
            throw new BufferException("figures failed", e);
        } finally {
            lock.unlock();
        }
    }

    /** Writes every dead letter as a JSON line to {@code out} (flushed, not closed); returns how many. */
    public long exportDeadLetters(OutputStream out) throws IOException {
        lock.lock();
        try {
            ensureOpen();
            return deadLetters.export(out);
        } catch (SQLException e) {
            throw new BufferException("export of the dead letters failed", e);
        } finally {
            lock.unlock();
        }
    }

    /** Readings of cycles that could not be stored even after eviction, since start (also in {@code evicted}). */
    public long droppedReadings() {
        lock.lock();
        try {
            return counts.droppedSinceStart();
        } finally {
            lock.unlock();
        }
    }

    /** The buffer's active alarms, whether or not a board is bound. */
    public List<Alarm> activeAlarms() {
        return alarms.active();
    }

    /** The configuration the buffer was opened with. */
    public BufferConfig config() {
        return config;
    }

    /** Checkpoints, marks the sequence file closed and closes the database; later calls throw. Idempotent. */
    @Override
    @Deactivate
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            checkpoint("TRUNCATE");
            try {
                mark.markClosed();
            } catch (IOException e) {
                LOG.warn("Buffer at {}: cannot mark {} closed: {}", config.path(), files.seqMark(), e.toString());
            }
            connection.close();
            LOG.info("Buffer closed at {}: backlog {}, last seq {}", config.path(), backlog, lastSeq);
        } catch (SQLException e) {
            throw new BufferException("closing the buffer at " + config.path() + " failed", e);
        } finally {
            lock.unlock();
        }
    }

    /** One transaction: reserves the numbers in the mark when needed, inserts, corrects waiting clocks. */
    private List<Reading> store(List<Reading> readings, ClockStamp stamp) throws SQLException, IOException {
        mark.reserve(lastSeq + readings.size());
        List<Reading> appended;
        int corrected = 0;
        try {
            transaction.begin();
            appended = table.insert(readings, lastSeq, stamp);
            if (stamp.plausible() && correction.pending()) {
                corrected = correction.correct(stamp);
            }
            if (counts.unsaved()) {
                counts.write(Map.of());
            }
            transaction.commit();
        } catch (SQLException | RuntimeException e) {
            series.rollback();
            counts.rolledBack();
            transaction.rollback(e);
            table.reloadAfter(e);
            throw e;
        }
        series.commit();
        counts.committed();
        afterStore(appended, stamp, corrected);
        return appended;
    }

    private void afterStore(List<Reading> appended, ClockStamp stamp, int corrected) {
        if (stamp.plausible()) {
            correction.committed();
        } else if (appended.stream().anyMatch(r -> !ClockStamp.plausible(r.time()))) {
            correction.unsynchronisedStored();
        }
        if (corrected > 0) {
            LOG.info("Buffer at {}: the clock is synchronised, corrected the times of {} readings", config.path(),
                    corrected);
        }
        lastSeq += appended.size();
        backlog += appended.size();
        stored += appended.size();
        rate.record(appended.size(), stamp.monoNanos());
        // After the commit nothing may throw: the caller would take a stored cycle for a lost one.
        quota.reviewQuietly();
        LOG.trace("Appended {} readings, last seq {}", appended.size(), lastSeq);
    }

    private List<Reading> retryOnFullDisk(List<Reading> readings, ClockStamp stamp, long estimate, Exception first) {
        diskFull.refused(first);
        try {
            checkpoint("PASSIVE");
            quota.capAtFileSize();
            evicted(quota.makeRoom(estimate, claims, lastSeq));
            checkpoint("PASSIVE");
            return store(readings, stamp);
        } catch (SQLException | IOException | RuntimeException e) {
            e.addSuppressed(first);
            counts.dropped(readings);
            diskFull.dropped(readings.size(), counts.droppedSinceStart(), e);
            throw new BufferException("the disk at " + config.path() + " is full: a cycle of " + readings.size()
                    + " readings was dropped (counted as evicted)", e);
        }
    }

    private void evicted(Map<Priority, Long> evicted) {
        backlog -= evicted.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Deletes the batch's readings, or moves them to the dead letters when a reason is given. */
    private void removeBatch(Batch batch, String reason) {
        lock.lock();
        try {
            ensureOpen();
            long removed = 0;
            try {
                transaction.begin();
                table.recordLastSeq(lastSeq);
                List<Long> seqs = batch.readings().stream().map(Reading::seq).toList();
                removed = reason == null ? table.delete(seqs, lastSeq)
                        : table.moveToDeadLetter(seqs, lastSeq, reason, clocks.wall().millis());
                transaction.commit();
            } catch (SQLException | RuntimeException e) {
                transaction.rollback(e);
                table.reloadAfter(e);
                throw new BufferException((reason == null ? "ack" : "reject") + " of " + batch.size()
                        + " readings failed at " + config.path() + ", nothing changed", e);
            }
            claims.clear(batch);
            backlog -= removed;
            if (reason == null) {
                delivered += removed;
            } else {
                deadLettered += removed;
            }
            quota.reviewQuietly();
            LOG.trace("{} {} readings, seq {}..{}", reason == null ? "Acknowledged" : "Dead-lettered",
                    removed, batch.firstSeq(), batch.lastSeq());
        } finally {
            lock.unlock();
        }
    }

    private void checkpoint(String mode) {
        if (!Schema.checkpoint(connection, mode)) {
            LOG.debug("Buffer at {}: checkpoint {} did not complete", config.path(), mode);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new BufferException("the buffer at " + config.path() + " is closed", null);
        }
    }

    private static void closeQuietly(Connection connection, Exception cause) {
        try {
            connection.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
