package cat.smartregion.gateway.buffer.internal;

import cat.smartregion.gateway.api.Priority;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens the database with its pragmas and creates (or upgrades) the schema.
 * Readings are packed a cycle (or a few small cycles) to a row of {@code packed} ({@link ReadingTable});
 * the texts a reading shares with its point live once in {@code series}. A dead letter is a row of its
 * own: numbers (seq as rowid, series id, time, flags), the value (no declared type, so SQLite keeps
 * integers, reals and texts as given), the cycle's {@link ClockStamp} when known, reason and time.
 * Version 3 replaced the {@code reading} table (a row per reading) by {@code packed}; older files are
 * converted at open ({@link PackedUpgrade}).
 */
final class Schema {

    static final int VERSION = 3;
    static final String LAST_SEQ = "last_seq";
    /** Every reading numbered below this value is gone (delivered, dead-lettered or evicted). */
    static final String DELIVERED_BELOW = "delivered_below";
    static final String DEAD_LETTER_COLUMNS = "seq, series, time, flags, value, cycle, reason, rejected_at";
    /** Small pages: each commit rewrites whole pages, so 1 KiB pages write less per reading than 4 KiB. */
    static final int PAGE_SIZE = 1024;

    private static final int BUSY_TIMEOUT_MS = 5_000;

    private static final String[] CREATE = {
        "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID",
        "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', " + VERSION + "), ('" + LAST_SEQ + "', 0)",
        "CREATE TABLE IF NOT EXISTS series(id INTEGER PRIMARY KEY, tenant TEXT NOT NULL, gateway TEXT NOT NULL,"
                + " device TEXT NOT NULL, point TEXT NOT NULL, quantity TEXT NOT NULL, unit TEXT NOT NULL,"
                + " priority INTEGER NOT NULL, UNIQUE (tenant, gateway, device, point, quantity, unit, priority))",
        "CREATE TABLE IF NOT EXISTS dead_letter(seq INTEGER PRIMARY KEY, series INTEGER NOT NULL,"
                + " time INTEGER NOT NULL, flags INTEGER NOT NULL, value, cycle BLOB, reason TEXT NOT NULL,"
                + " rejected_at INTEGER NOT NULL)",
    };

    private static final String[] CREATE_V3 = {
        "CREATE TABLE IF NOT EXISTS boot(id INTEGER PRIMARY KEY, boot_id TEXT NOT NULL UNIQUE)",
        "CREATE TABLE IF NOT EXISTS packed(slot INTEGER PRIMARY KEY, last INTEGER NOT NULL, data BLOB NOT NULL)",
        "INSERT OR IGNORE INTO meta(key, value) VALUES ('" + DELIVERED_BELOW + "', 0)",
    };

    private Schema() {
    }

    /**
     * A connection in WAL mode (set after connecting, so a new file gets the page size first) with the configured synchronous level, WAL bound and the schema ready.
     * It stays in autocommit mode: writers open their transactions explicitly ({@link Transaction}).
     */
    static Connection open(BufferConfig config) throws SQLException {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setPageSize(PAGE_SIZE);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.valueOf(config.synchronous().name()));
        sqlite.setJournalSizeLimit((int) config.walLimitBytes());
        sqlite.setTempStore(SQLiteConfig.TempStore.MEMORY);
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        sqlite.setBusyTimeout(BUSY_TIMEOUT_MS);
        SQLiteDataSource source = new SQLiteDataSource(sqlite);
        source.setUrl("jdbc:sqlite:" + config.path().toAbsolutePath());
        Connection connection = source.getConnection();
        try {
            execute(connection, "PRAGMA journal_mode = WAL");
            execute(connection, "PRAGMA wal_autocheckpoint = " + config.walLimitBytes() / PAGE_SIZE / 2);
            create(connection);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** The problems {@code PRAGMA quick_check} finds; empty when the file is sound. */
    static List<String> quickCheck(Connection connection) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA quick_check")) {
            while (rows.next()) {
                String row = rows.getString(1);
                if (!"ok".equals(row)) {
                    problems.add(row);
                }
            }
        }
        return problems;
    }

    static long meta(Connection connection, String key) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            query.setString(1, key);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }

    /** The highest sequence number the database knows: in meta, among the readings or the dead letters. */
    static long lastSeq(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT max((SELECT value FROM meta WHERE key = '" + LAST_SEQ
                     + "'), coalesce((SELECT max(last) FROM packed), 0), coalesce((SELECT max(seq) FROM dead_letter), 0))")) {
            row.next();
            return row.getLong(1);
        }
    }

    static String evictedKey(Priority priority) {
        return "evicted." + priority.name();
    }

    /** The id of the boot in the {@code boot} table, adding it when new. */
    static int bootId(Connection connection, String bootId) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT OR IGNORE INTO boot(boot_id) VALUES (?)");
             PreparedStatement query = connection.prepareStatement("SELECT id FROM boot WHERE boot_id = ?")) {
            insert.setString(1, bootId);
            insert.executeUpdate();
            query.setString(1, bootId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private static void create(Connection connection) throws SQLException {
        Transaction transaction = new Transaction(connection);
        try {
            transaction.begin();
            for (String sql : CREATE) {
                execute(connection, sql);
            }
            long version = meta(connection, "schema_version");
            if (version < 1 || version > VERSION) {
                throw new SQLException("database schema version " + version + ", this bundle knows " + VERSION);
            }
            for (String sql : CREATE_V3) {
                execute(connection, sql);
            }
            if (version < VERSION) {
                PackedUpgrade.upgrade(connection, version);
            }
            transaction.commit();
        } catch (SQLException | RuntimeException e) {
            transaction.rollback(e);
            throw e;
        }
    }

    /** Runs {@code PRAGMA wal_checkpoint(mode)}; returns whether it completed (false when busy or failing). */
    static boolean checkpoint(Connection connection, String mode) {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
            return row.next() && row.getInt(1) == 0;
        } catch (SQLException e) {
            return false;
        }
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
