package cat.smartregion.gateway.buffer.internal;

import cat.smartregion.gateway.api.alarm.Alarm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code buffer.disk-full} alarm: raised when the file system refuses a write (SQLITE_FULL, an
 * I/O error, or the sequence mark cannot be written), updated with the count of dropped readings,
 * cleared after a successful append once the file system has room for the {@link SpaceReserve} and
 * {@value #FREE_TO_CLEAR} bytes more. It owns the reserve: released when a write is refused, re-created then.
 * Not thread-safe: used under the buffer's lock.
 */
final class DiskFull {

    static final long FREE_TO_CLEAR = 256L * 1024;

    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_FULL = 13;
    private static final Logger LOG = LoggerFactory.getLogger(DiskFull.class);

    private final BufferConfig config;
    private final BufferAlarms alarms;
    private final Clock clock;
    private final SpaceReserve reserve;

    DiskFull(BufferConfig config, BufferAlarms alarms, Clock clock) {
        this.config = config;
        this.alarms = alarms;
        this.clock = clock;
        reserve = new SpaceReserve(new BufferFiles(config.path()).reserve(), config.reserveBytes());
    }

    /** Writes the space reserve at open; a disk too full for it is reported at the first refused write. */
    void prepare() {
        try {
            reserve.ensure();
        } catch (IOException e) {
            LOG.warn("Buffer at {}: no room for the {} byte space reserve: {}", config.path(), reserve.size(),
                    e.toString());
        }
    }

    /** Whether the failure comes from the storage (full or failing), so evicting and retrying may help. */
    static boolean isStorageFailure(Exception e) {
        if (e instanceof IOException) {
            return true;
        }
        int code = ((SQLException) e).getErrorCode() & 0xFF;
        return code == SQLITE_FULL || code == SQLITE_IOERR;
    }

    /** The file system refused a write: raises the alarm and gives the reserve back for a checkpoint. */
    void refused(Exception cause) {
        reserve.release();
        if (!alarms.isActive(BufferAlarms.DISK_FULL)) {
            String message = "The disk of the buffer at " + config.path() + " refused a write (" + cause.getMessage()
                    + "); evicting by policy and retrying. Free space on the disk.";
            LOG.warn(message);
            alarms.raise(BufferAlarms.DISK_FULL, Alarm.Severity.CRITICAL, message, clock.millis());
        }
    }

    void dropped(int readings, long droppedSinceStart, Exception cause) {
        String message = "The disk of the buffer at " + config.path() + " is full (" + cause.getMessage()
                + "): a cycle of " + readings + " readings could not be stored even after eviction; "
                + droppedSinceStart + " readings dropped since start. Free space on the disk.";
        LOG.warn(message);
        alarms.raise(BufferAlarms.DISK_FULL, Alarm.Severity.CRITICAL, message, clock.millis());
    }

    /** After a stored cycle: clears the alarm and re-creates the reserve when the disk has room; returns whether it did. */
    boolean reviewAfterSuccess() {
        if (alarms.isActive(BufferAlarms.DISK_FULL) && usableSpace() >= FREE_TO_CLEAR + reserve.size()) {
            try {
                reserve.ensure();
            } catch (IOException e) {
                return false;
            }
            LOG.info("The disk of the buffer at {} has room again", config.path());
            alarms.clear(BufferAlarms.DISK_FULL);
            return true;
        }
        return false;
    }

    private long usableSpace() {
        Path folder = config.path().toAbsolutePath().getParent();
        try {
            return Files.getFileStore(folder).getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }
}
