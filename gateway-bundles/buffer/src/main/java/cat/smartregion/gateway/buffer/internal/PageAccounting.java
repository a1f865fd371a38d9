package cat.smartregion.gateway.buffer.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Bytes the database really uses: its pages less the free ones. SQLite reuses free pages before it
 * grows the file, so keeping the used bytes under a budget keeps the file itself under it, without
 * auto_vacuum (whose pointer-map pages would add writes to every append). One prepared query each.
 * Not thread-safe: used under the buffer's lock.
 */
final class PageAccounting {

    private final PreparedStatement used;
    private final PreparedStatement all;

    PageAccounting(Connection connection) throws SQLException {
        used = connection.prepareStatement("SELECT ((SELECT page_count FROM pragma_page_count())"
                + " - (SELECT freelist_count FROM pragma_freelist_count())) * (SELECT page_size FROM pragma_page_size())");
        all = connection.prepareStatement("SELECT (SELECT page_count FROM pragma_page_count())"
                + " * (SELECT page_size FROM pragma_page_size())");
    }

    long usedBytes() throws SQLException {
        return single(used);
    }

    /** Bytes of all pages, used and free: the size of the database file once checkpointed. */
    long fileBytes() throws SQLException {
        return single(all);
    }

    private static long single(PreparedStatement query) throws SQLException {
        try (ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
