package cat.smartregion.gateway.buffer.internal;

import static cat.smartregion.gateway.buffer.internal.Fixtures.givenReadings;
import static cat.smartregion.gateway.buffer.internal.Fixtures.range;
import static cat.smartregion.gateway.buffer.internal.Fixtures.seqs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cat.smartregion.gateway.api.buffer.Batch;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void rejectMovesTheBatchToTheDeadLettersWithReasonAndTime() throws SQLException {
        Path file = dir.resolve("buffer.db");
        try (SqliteBuffer buffer = SqliteBuffer.open(BufferConfig.of(file), Clock.fixed(NOW, ZoneOffset.UTC))) {
            buffer.append(givenReadings(0, 5));
            buffer.claim(1, Long.MAX_VALUE);
            Batch rejected = buffer.claim(2, Long.MAX_VALUE);
            buffer.reject(rejected, "400 Bad Request: unknown sensor");
            assertEquals(2, buffer.figures().deadLettered());
            assertEquals(3, buffer.figures().backlog());
            assertEquals(0, buffer.figures().delivered());
            assertEquals(List.of(4L, 5L), seqs(buffer.claim(10, Long.MAX_VALUE).readings()));
        }
        assertEquals(List.of("2|400 Bad Request: unknown sensor|" + NOW.toEpochMilli(),
                "3|400 Bad Request: unknown sensor|" + NOW.toEpochMilli()), deadLetters(file));
        try (SqliteBuffer buffer = SqliteBuffer.open(BufferConfig.of(file))) {
            assertEquals(2, buffer.figures().deadLettered());
            assertEquals(range(1, 1), seqs(buffer.claim(1, Long.MAX_VALUE).readings()));
        }
    }

    private static List<String> deadLetters(Path file) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT seq, reason, rejected_at FROM dead_letter ORDER BY seq")) {
            while (row.next()) {
                rows.add(row.getLong(1) + "|" + row.getString(2) + "|" + row.getLong(3));
            }
        }
        return rows;
    }
}
