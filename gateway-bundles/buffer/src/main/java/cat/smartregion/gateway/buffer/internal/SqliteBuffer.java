package cat.smartregion.gateway.buffer.internal;

import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.buffer.Batch;
import cat.smartregion.gateway.api.buffer.Buffer;
import cat.smartregion.gateway.api.buffer.BufferException;
import cat.smartregion.gateway.api.buffer.BufferFigures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The buffer on one SQLite file in WAL mode, one connection guarded by a lock. Usable as a DS
 * component (configuration PID {@value #PID}) or on its own with {@link #open(BufferConfig)}
 * and {@link #close()}.
 */
@Component(service = Buffer.class, configurationPid = SqliteBuffer.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = BufferConfiguration.class)
public final class SqliteBuffer implements Buffer, AutoCloseable {

    public static final String PID = "cat.smartregion.gateway.buffer";

    private static final Logger LOG = LoggerFactory.getLogger(SqliteBuffer.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final ClaimMarks claims = new ClaimMarks();
    private final BufferConfig config;
    private final Clock clock;
    private final Connection connection;
    private final Transaction transaction;
    private final ReadingTable table;
    private final long evicted;
    private long lastSeq;
    private long backlog;
    private long deadLettered;
    private long stored;
    private long delivered;
    private boolean closed;

    /** Opens the buffer of the DS configuration. */
    @Activate
    public SqliteBuffer(BufferConfiguration configuration) {
        this(BufferConfig.from(configuration), Clock.systemUTC());
    }

    private SqliteBuffer(BufferConfig config, Clock clock) {
        this.config = config;
        this.clock = Objects.requireNonNull(clock, "clock");
        connection = connect(config);
        try {
            transaction = new Transaction(connection);
            table = new ReadingTable(connection);
            lastSeq = Schema.meta(connection, Schema.LAST_SEQ);
            evicted = Schema.meta(connection, "evicted");
            backlog = table.countReadings();
            deadLettered = table.countDeadLetters();
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection, e);
            throw new BufferException("cannot open the buffer at " + config.path(), e);
        }
        LOG.info("Buffer opened at {} (synchronous {}): backlog {}, last seq {}, dead letters {}",
                config.path(), config.synchronous(), backlog, lastSeq, deadLettered);
    }

    /** Opens (creating when missing) the buffer of the configuration. */
    public static SqliteBuffer open(BufferConfig config) {
        return open(config, Clock.systemUTC());
    }

    /** Opens the buffer with the clock that dates dead letters. */
    public static SqliteBuffer open(BufferConfig config, Clock clock) {
        return new SqliteBuffer(config, clock);
    }

    @Override
    public List<Reading> append(List<Reading> readings) {
        lock.lock();
        try {
            ensureOpen();
            if (readings.isEmpty()) {
                return List.of();
            }
            List<Reading> appended;
            try {
                transaction.begin();
                appended = table.insert(readings, lastSeq);
                transaction.commit();
            } catch (SQLException | RuntimeException e) {
                table.rolledBack();
                throw failed("append of " + readings.size() + " readings", e);
            }
            table.committed();
            lastSeq += appended.size();
            backlog += appended.size();
            stored += appended.size();
            LOG.trace("Appended {} readings, last seq {}", appended.size(), lastSeq);
            return appended;
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
            return new BufferFigures(backlog, bytesOnDisk(), config.quotaBytes(), table.oldestTime(), stored, delivered,
                    Map.of(), deadLettered, lastSeq, 0);
        } catch (SQLException e) {
            throw new BufferException("figures failed", e);
        } finally {
            lock.unlock();
        }
    }

    /** The configuration the buffer was opened with. */
    public BufferConfig config() {
        return config;
    }

    /** Closes the database; later calls throw {@link BufferException}. Idempotent. */
    @Override
    @Deactivate
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            connection.close();
            LOG.info("Buffer closed at {}: backlog {}, last seq {}", config.path(), backlog, lastSeq);
        } catch (SQLException e) {
            throw new BufferException("closing the buffer at " + config.path() + " failed", e);
        } finally {
            lock.unlock();
        }
    }

    /** Deletes the batch's readings, or moves them to the dead letters when a reason is given. */
    private void removeBatch(Batch batch, String reason) {
        lock.lock();
        try {
            ensureOpen();
            long removed = 0;
            try {
                transaction.begin();
                for (SeqRange range : SeqRange.of(batch)) {
                    removed += reason == null ? table.delete(range)
                            : table.moveToDeadLetter(range, reason, clock.millis());
                }
                transaction.commit();
            } catch (SQLException | RuntimeException e) {
                throw failed((reason == null ? "ack" : "reject") + " of " + batch.size() + " readings", e);
            }
            claims.clear(batch);
            backlog -= removed;
            if (reason == null) {
                delivered += removed;
            } else {
                deadLettered += removed;
            }
            LOG.trace("{} {} readings, seq {}..{}", reason == null ? "Acknowledged" : "Dead-lettered",
                    removed, batch.firstSeq(), batch.lastSeq());
        } finally {
            lock.unlock();
        }
    }

    private BufferException failed(String what, Exception cause) {
        transaction.rollback(cause);
        return new BufferException(what + " failed at " + config.path() + ", nothing changed", cause);
    }

    private void ensureOpen() {
        if (closed) {
            throw new BufferException("the buffer at " + config.path() + " is closed", null);
        }
    }

    private long bytesOnDisk() {
        Path file = config.path();
        return sizeOf(file) + sizeOf(file.resolveSibling(file.getFileName() + "-wal"));
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Connection connect(BufferConfig config) {
        try {
            return Schema.open(config);
        } catch (SQLException e) {
            throw new BufferException("cannot open the buffer at " + config.path(), e);
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
