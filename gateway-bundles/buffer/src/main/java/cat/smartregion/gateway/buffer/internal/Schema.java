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
 * A reading row holds only numbers (seq as rowid, series id, time, flags), the value and, on the first
 * reading of a cycle and on every reading taken before the clock was synchronised, the cycle's
 * {@link ClockStamp}; the texts it shares with its point live once in {@code series}. The {@code value}
 * column has no declared type, so SQLite keeps integers, reals and texts as given. A partial index lists
 * the readings whose time still waits for a synchronised clock, and costs nothing for the others.
 */
final class Schema {

    static final int VERSION = 2;
    static final String LAST_SEQ = "last_seq";
    /** Small pages: each commit rewrites whole pages, so 1 KiB pages write less per reading than 4 KiB. */
    static final int PAGE_SIZE = 1024;

    private static final int BUSY_TIMEOUT_MS = 5_000;

    private static final String[] CREATE = {
        "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID",
        "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', " + VERSION + "), ('" + LAST_SEQ + "', 0)",
        "CREATE TABLE IF NOT EXISTS series(id INTEGER PRIMARY KEY, tenant TEXT NOT NULL, gateway TEXT NOT NULL,"
                + " device TEXT NOT NULL, point TEXT NOT NULL, quantity TEXT NOT NULL, unit TEXT NOT NULL,"
                + " priority INTEGER NOT NULL, UNIQUE (tenant, gateway, device, point, quantity, unit, priority))",
        "CREATE TABLE IF NOT EXISTS reading(seq INTEGER PRIMARY KEY, series INTEGER NOT NULL,"
                + " time INTEGER NOT NULL, flags INTEGER NOT NULL, value, cycle BLOB)",
        "CREATE TABLE IF NOT EXISTS dead_letter(seq INTEGER PRIMARY KEY, series INTEGER NOT NULL,"
                + " time INTEGER NOT NULL, flags INTEGER NOT NULL, value, cycle BLOB, reason TEXT NOT NULL,"
                + " rejected_at INTEGER NOT NULL)",
    };

    private static final String[] CREATE_V2 = {
        "CREATE TABLE IF NOT EXISTS boot(id INTEGER PRIMARY KEY, boot_id TEXT NOT NULL UNIQUE)",
        "CREATE INDEX IF NOT EXISTS unsynchronised ON reading(seq) WHERE flags & 7 = 2",
    };

    private static final String[] UPGRADE_FROM_V1 = {
        "ALTER TABLE reading ADD COLUMN cycle BLOB",
        "ALTER TABLE dead_letter ADD COLUMN cycle BLOB",
        "UPDATE meta SET value = 2 WHERE key = 'schema_version'",
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
                     + "'), coalesce((SELECT max(seq) FROM reading), 0), coalesce((SELECT max(seq) FROM dead_letter), 0))")) {
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
            if (version == 1) {
                for (String sql : UPGRADE_FROM_V1) {
                    execute(connection, sql);
                }
            } else if (version != VERSION) {
                throw new SQLException("database schema version " + version + ", this bundle knows " + VERSION);
            }
            for (String sql : CREATE_V2) {
                execute(connection, sql);
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
