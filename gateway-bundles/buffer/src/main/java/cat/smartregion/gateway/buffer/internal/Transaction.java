package cat.smartregion.gateway.buffer.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Explicit write transactions on a connection left in autocommit mode: BEGIN IMMEDIATE takes the
 * write lock up front, and between transactions the connection holds no lock nor snapshot.
 * Not thread-safe: used under the buffer's lock.
 */
final class Transaction {

    private final Connection connection;
    private boolean active;

    Transaction(Connection connection) {
        this.connection = connection;
    }

    void begin() throws SQLException {
        execute("BEGIN IMMEDIATE");
        active = true;
    }

    void commit() throws SQLException {
        execute("COMMIT");
        active = false;
    }

    /** Rolls back the open transaction, if any; a failure to do so is recorded on {@code cause}. */
    void rollback(Exception cause) {
        if (!active) {
            return;
        }
        active = false;
        try {
            execute("ROLLBACK");
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
