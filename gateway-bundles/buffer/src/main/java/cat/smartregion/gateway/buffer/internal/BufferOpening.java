package cat.smartregion.gateway.buffer.internal;

import cat.smartregion.gateway.api.alarm.Alarm;
import cat.smartregion.gateway.api.buffer.BufferException;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the database of a buffer, checking it first. A file SQLite calls corrupt or not a database,
 * one that fails {@code PRAGMA quick_check}, one it cannot read, or one whose WAL is missing although
 * the buffer did not stop cleanly (committed readings may have lived only there) is quarantined with
 * its WAL and index ({@link BufferFiles#quarantine}) and a fresh database starts. Whenever the database
 * is new, the sequence continues above the number reserved in the {@link SeqMark}.
 */
final class BufferOpening {

    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;

    /**
     * The open database.
     *
     * @param quarantinedTo where a corrupt database was moved, if it was
     * @param problem       what was wrong with it; empty when nothing was
     */
    record Opened(Connection connection, SeqMark mark, long lastSeq, Optional<Path> quarantinedTo, String problem) {

        /** Logs the quarantine, if there was one, and raises {@code buffer.corrupt-quarantined} (CRITICAL). */
        void reportQuarantine(BufferAlarms alarms, long now) {
            quarantinedTo.ifPresent(to -> {
                String message = "The buffer database " + to.resolveSibling(BufferFiles.originalName(to))
                        + " was unusable (" + problem + "); it was moved to " + to + " with its WAL, and a fresh"
                        + " buffer started at sequence " + (lastSeq + 1) + ". Readings still in the old file were"
                        + " not delivered.";
                LOG.error(message);
                alarms.raise(BufferAlarms.CORRUPT_QUARANTINED, Alarm.Severity.CRITICAL, message, now);
            });
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(BufferOpening.class);

    private BufferOpening() {
    }

    static Opened open(BufferConfig config, Instant now) {
        BufferFiles files = new BufferFiles(config.path());
        SeqMark mark = SeqMark.load(files.seqMark());
        boolean existed = files.databaseHasContent();
        String problem = existed && mark.wasOpen() && !files.walExists()
                ? "its WAL is missing although the buffer did not stop cleanly" : "";
        Connection connection = null;
        if (problem.isEmpty()) {
            Checked checked = openChecked(config);
            connection = checked.connection();
            problem = checked.problem();
        }
        Optional<Path> quarantined = Optional.empty();
        try {
            if (connection == null) {
                quarantined = Optional.of(files.quarantine(now));
                connection = Schema.open(config);
            }
            long lastSeq = Schema.lastSeq(connection);
            if (lastSeq == 0 && (!existed || quarantined.isPresent())) {
                lastSeq = mark.reserved();
            }
            mark.markOpen(lastSeq);
            return new Opened(connection, mark, lastSeq, quarantined, problem);
        } catch (SQLException | IOException | RuntimeException e) {
            closeQuietly(connection, e);
            throw new BufferException("cannot open the buffer at " + config.path(), e);
        }
    }

    /** A sound connection and no problem, or no connection (null) and what is wrong with the file. */
    private record Checked(Connection connection, String problem) {
    }

    private static Checked openChecked(BufferConfig config) {
        Connection connection = null;
        String problem;
        try {
            connection = Schema.open(config);
            List<String> problems = Schema.quickCheck(connection);
            if (problems.isEmpty()) {
                return new Checked(connection, "");
            }
            problem = "quick_check found " + String.join("; ", problems.subList(0, Math.min(3, problems.size())));
        } catch (SQLException e) {
            if (!isCorruption(e)) {
                closeQuietly(connection, e);
                throw new BufferException("cannot open the buffer at " + config.path(), e);
            }
            problem = String.valueOf(e.getMessage());
        }
        closeQuietly(connection, new SQLException("closing a corrupt database"));
        return new Checked(null, problem);
    }

    static boolean isCorruption(SQLException e) {
        int code = e.getErrorCode() & 0xFF;
        return code == SQLITE_CORRUPT || code == SQLITE_NOTADB || code == SQLITE_IOERR;
    }

    private static void closeQuietly(Connection connection, Exception cause) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
