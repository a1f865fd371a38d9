package cat.smartregion.gateway.buffer.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens the database with its pragmas and creates the schema when missing.
 * A reading row holds only numbers (seq as rowid, series id, time, flags) and the value;
 * the texts it shares with its point live once in {@code series}. The {@code value} column
 * has no declared type, so SQLite keeps integers, reals and texts as given.
 */
final class Schema {

    static final int VERSION = 1;
    static final String LAST_SEQ = "last_seq";

    private static final int BUSY_TIMEOUT_MS = 5_000;
    private static final int JOURNAL_SIZE_LIMIT = 4 * 1024 * 1024;

    private static final String[] CREATE = {
        "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID",
        "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', " + VERSION + "), ('"
                + LAST_SEQ + "', 0), ('evicted', 0)",
        "CREATE TABLE IF NOT EXISTS series(id INTEGER PRIMARY KEY, tenant TEXT NOT NULL, gateway TEXT NOT NULL,"
                + " device TEXT NOT NULL, point TEXT NOT NULL, quantity TEXT NOT NULL, unit TEXT NOT NULL,"
                + " priority INTEGER NOT NULL, UNIQUE (tenant, gateway, device, point, quantity, unit, priority))",
        "CREATE TABLE IF NOT EXISTS reading(seq INTEGER PRIMARY KEY, series INTEGER NOT NULL,"
                + " time INTEGER NOT NULL, flags INTEGER NOT NULL, value)",
        "CREATE TABLE IF NOT EXISTS dead_letter(seq INTEGER PRIMARY KEY, series INTEGER NOT NULL,"
                + " time INTEGER NOT NULL, flags INTEGER NOT NULL, value, reason TEXT NOT NULL,"
                + " rejected_at INTEGER NOT NULL)",
    };

    private Schema() {
    }

    /**
     * A connection in WAL mode with the configured synchronous level and the schema ready. It stays
     * in autocommit mode: writers open their transactions explicitly ({@link Transaction}).
     */
    static Connection open(BufferConfig config) throws SQLException {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.valueOf(config.synchronous().name()));
        sqlite.setJournalSizeLimit(JOURNAL_SIZE_LIMIT);
        sqlite.setTempStore(SQLiteConfig.TempStore.MEMORY);
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        sqlite.setBusyTimeout(BUSY_TIMEOUT_MS);
        SQLiteDataSource source = new SQLiteDataSource(sqlite);
        source.setUrl("jdbc:sqlite:" + config.path().toAbsolutePath());
        Connection connection = source.getConnection();
        try {
            create(connection);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    static long meta(Connection connection, String key) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            query.setString(1, key);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("meta value missing: " + key);
                }
                return row.getLong(1);
            }
        }
    }

    private static void create(Connection connection) throws SQLException {
        Transaction transaction = new Transaction(connection);
        try (Statement statement = connection.createStatement()) {
            transaction.begin();
            for (String sql : CREATE) {
                statement.executeUpdate(sql);
            }
            long version = meta(connection, "schema_version");
            if (version != VERSION) {
                throw new SQLException("database schema version " + version + ", this bundle knows " + VERSION);
            }
            transaction.commit();
        } catch (SQLException | RuntimeException e) {
            transaction.rollback(e);
            throw e;
        }
    }
}
