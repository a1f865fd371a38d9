package cat.smartregion.gateway.buffer.internal;

import static cat.smartregion.gateway.buffer.internal.Fixtures.givenReadings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.alarm.Alarm;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorruptionTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");
    private static final String QUARANTINED = "buffer.db.corrupt-20260301T101530Z";

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("buffer.db");
    }

    private SqliteBuffer open() {
        return SqliteBuffer.open(BufferConfig.of(file()), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void flippedBytesAreQuarantinedAndTheSequenceGoesOnAbove() throws IOException {
        givenAClosedBufferOf(3_000);
        try (RandomAccessFile raw = new RandomAccessFile(file().toFile(), "rw")) {
            for (long at = 2 * Schema.PAGE_SIZE; at < raw.length(); at += 3) {
                raw.seek(at);
                raw.write(raw.read() ^ 0x5A);
                at += 5;
            }
        }
        assertQuarantinedAndFresh(List.of(QUARANTINED));
    }

    @Test
    void aTruncatedHeaderIsQuarantined() throws IOException {
        givenAClosedBufferOf(3_000);
        try (RandomAccessFile raw = new RandomAccessFile(file().toFile(), "rw")) {
            raw.setLength(40);
        }
        assertQuarantinedAndFresh(List.of(QUARANTINED));
    }

    @Test
    void aMissingWalAfterAnUncleanStopIsQuarantined() throws IOException {
        Path copy = Files.createDirectory(dir.resolve("copy"));
        try (SqliteBuffer buffer = open()) {
            buffer.append(givenReadings(0, 3_000));
            assertTrue(Files.size(file().resolveSibling("buffer.db-wal")) > 0, "the readings are in the WAL");
            Files.copy(file(), copy.resolve("buffer.db"));
            Files.copy(file().resolveSibling("buffer.db.seq"), copy.resolve("buffer.db.seq"));
        }
        for (String name : List.of("buffer.db", "buffer.db.seq")) {
            Files.copy(copy.resolve(name), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        assertQuarantinedAndFresh(List.of(QUARANTINED));
    }

    @Test
    void aWalLeftByACrashIsRecoveredNotQuarantined() throws IOException {
        Path crashed = Files.createDirectory(dir.resolve("crashed"));
        try (SqliteBuffer buffer = open()) {
            buffer.append(givenReadings(0, 3_000));
            for (String name : List.of("buffer.db", "buffer.db-wal", "buffer.db.seq")) {
                Files.copy(dir.resolve(name), crashed.resolve(name));
            }
        }
        try (SqliteBuffer buffer = SqliteBuffer.open(BufferConfig.of(crashed.resolve("buffer.db")))) {
            assertEquals(3_000, buffer.figures().backlog());
            assertTrue(buffer.activeAlarms().isEmpty());
            assertEquals(3_001, buffer.append(givenReadings(0, 1)).get(0).seq());
        }
    }

    @Test
    void aCleanStopLeavesNoWalAndNothingIsQuarantined() {
        givenAClosedBufferOf(10);
        assertTrue(Files.notExists(dir.resolve("buffer.db-wal")));
        try (SqliteBuffer buffer = open()) {
            assertEquals(10, buffer.figures().backlog());
            assertTrue(buffer.activeAlarms().isEmpty());
        }
    }

    private void givenAClosedBufferOf(int readings) {
        try (SqliteBuffer buffer = open()) {
            buffer.append(givenReadings(0, readings));
        }
    }

    private void assertQuarantinedAndFresh(List<String> expected) throws IOException {
        try (SqliteBuffer buffer = open()) {
            Alarm alarm = buffer.activeAlarms().stream()
                    .filter(a -> a.key().equals(BufferAlarms.CORRUPT_QUARANTINED)).findFirst().orElseThrow();
            assertEquals(Alarm.Severity.CRITICAL, alarm.severity());
            assertTrue(alarm.message().contains(QUARANTINED), alarm.message());
            assertEquals(0, buffer.figures().backlog());
            long next = buffer.append(givenReadings(0, 1)).get(0).seq();
            assertTrue(next > 3_000, "the sequence continues above the last number: " + next);
            assertEquals(SeqMark.RESERVE_AHEAD + 1, next, "above the reserved range");
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.contains("corrupt")).toList();
            assertTrue(names.containsAll(expected), names.toString());
            assertTrue(names.stream().allMatch(n -> n.startsWith(QUARANTINED)), names.toString());
        }
    }
}
