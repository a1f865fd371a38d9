package cat.smartregion.gateway.buffer.internal;

import static cat.smartregion.gateway.buffer.internal.Fixtures.givenReadings;
import static cat.smartregion.gateway.buffer.internal.Fixtures.range;
import static cat.smartregion.gateway.buffer.internal.Fixtures.seqs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.Value;
import cat.smartregion.gateway.api.buffer.BufferException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailureTest {

    @TempDir
    Path dir;

    @Test
    void aFailedAppendThrowsAndStoresNothing() throws SQLException {
        Path file = dir.resolve("buffer.db");
        try (SqliteBuffer buffer = SqliteBuffer.open(BufferConfig.of(file))) {
            buffer.append(givenReadings(0, 3));
            sql(file, "CREATE TRIGGER no_seq BEFORE INSERT ON packed BEGIN SELECT RAISE(ABORT, 'disk says no'); END");
            sql(file, "CREATE TRIGGER no_row BEFORE UPDATE ON packed BEGIN SELECT RAISE(ABORT, 'disk says no'); END");

            List<Reading> newSeries = List.of(Fixtures.givenReading("meter-new", "no2", Value.of(41.5), 7));
            BufferException failure = assertThrows(BufferException.class, () -> buffer.append(newSeries));
            assertEquals(true, failure.getCause().getMessage().contains("disk says no"), failure.toString());
            assertEquals(3, buffer.figures().backlog());
            assertEquals(3, buffer.figures().lastSeq());
            assertEquals(3, buffer.claim(100, Long.MAX_VALUE).size());

            sql(file, "DROP TRIGGER no_seq");
            sql(file, "DROP TRIGGER no_row");
            assertEquals(List.of(4L), seqs(buffer.append(newSeries)));
        }
        try (SqliteBuffer buffer = SqliteBuffer.open(BufferConfig.of(file))) {
            List<Reading> all = buffer.claim(100, Long.MAX_VALUE).readings();
            assertEquals(range(1, 4), seqs(all));
            assertEquals("meter-new", all.get(3).device());
        }
    }

    @Test
    void aFailedAckThrowsAndRemovesNothing() throws SQLException {
        Path file = dir.resolve("buffer.db");
        try (SqliteBuffer buffer = SqliteBuffer.open(BufferConfig.of(file))) {
            buffer.append(givenReadings(0, 3));
            var batch = buffer.claim(2, Long.MAX_VALUE);
            sql(file, "CREATE TRIGGER keep BEFORE UPDATE ON meta BEGIN SELECT RAISE(ABORT, 'keep'); END");
            assertThrows(BufferException.class, () -> buffer.ack(batch));
            assertEquals(3, buffer.figures().backlog());
            assertEquals(0, buffer.figures().delivered());
            sql(file, "DROP TRIGGER keep");
            buffer.ack(batch);
            assertEquals(1, buffer.figures().backlog());
        }
    }

    @Test
    void callsOnAClosedBufferThrow() {
        SqliteBuffer buffer = SqliteBuffer.open(BufferConfig.of(dir.resolve("buffer.db")));
        buffer.close();
        buffer.close();
        assertThrows(BufferException.class, () -> buffer.append(givenReadings(0, 1)));
        assertThrows(BufferException.class, () -> buffer.claim(1, 1));
        assertThrows(BufferException.class, buffer::figures);
    }

    @Test
    void aBufferInAMissingFolderCannotOpen() {
        assertThrows(BufferException.class,
                () -> SqliteBuffer.open(BufferConfig.of(dir.resolve("missing").resolve("buffer.db"))));
    }

    private static void sql(Path file, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
