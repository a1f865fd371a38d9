package cat.smartregion.gateway.buffer.internal;

import static cat.smartregion.gateway.buffer.internal.Fixtures.givenBuffer;
import static cat.smartregion.gateway.buffer.internal.Fixtures.givenReadings;
import static cat.smartregion.gateway.buffer.internal.Fixtures.range;
import static cat.smartregion.gateway.buffer.internal.Fixtures.seqs;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cat.smartregion.gateway.api.Reading;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SequenceTest {

    @TempDir
    Path dir;

    @Test
    void appendsNumberReadingsOneByOneWithoutGaps() {
        List<Long> all = new ArrayList<>();
        try (SqliteBuffer buffer = givenBuffer(dir)) {
            for (int cycle = 0; cycle < 200; cycle++) {
                all.addAll(seqs(buffer.append(givenReadings(cycle * 7, 1 + cycle % 7))));
            }
            assertEquals(range(1, all.size()), all);
            assertEquals(all.size(), buffer.figures().lastSeq());
            assertEquals(all.size(), buffer.figures().backlog());
            assertEquals(all.size(), buffer.figures().stored());
        }
    }

    @Test
    void appendReturnsTheReadingsInOrderWithTheirSeq() {
        try (SqliteBuffer buffer = givenBuffer(dir)) {
            List<Reading> input = givenReadings(0, 5);
            List<Reading> stored = buffer.append(input);
            for (int i = 0; i < input.size(); i++) {
                assertEquals(input.get(i).withSeq(i + 1), stored.get(i));
            }
        }
    }

    @Test
    void sequenceContinuesAfterReopen() {
        try (SqliteBuffer buffer = givenBuffer(dir)) {
            buffer.append(givenReadings(0, 10));
        }
        try (SqliteBuffer buffer = givenBuffer(dir)) {
            assertEquals(10, buffer.figures().lastSeq());
            assertEquals(10, buffer.figures().backlog());
            assertEquals(0, buffer.figures().stored());
            assertEquals(range(11, 15), seqs(buffer.append(givenReadings(10, 5))));
        }
    }

    @Test
    void sequenceIsNeverReusedAfterEverythingWasAcknowledged() {
        try (SqliteBuffer buffer = givenBuffer(dir)) {
            buffer.append(givenReadings(0, 10));
            buffer.ack(buffer.claim(100, Long.MAX_VALUE));
            assertEquals(0, buffer.figures().backlog());
            assertEquals(range(11, 12), seqs(buffer.append(givenReadings(10, 2))));
            buffer.ack(buffer.claim(100, Long.MAX_VALUE));
        }
        try (SqliteBuffer buffer = givenBuffer(dir)) {
            assertEquals(0, buffer.figures().backlog());
            assertEquals(12, buffer.figures().lastSeq());
            assertEquals(range(13, 15), seqs(buffer.append(givenReadings(12, 3))));
        }
    }

    @Test
    void emptyAppendStoresNothingAndTakesNoNumber() {
        try (SqliteBuffer buffer = givenBuffer(dir)) {
            assertEquals(List.of(), buffer.append(List.of()));
            assertEquals(List.of(1L), seqs(buffer.append(givenReadings(0, 1))));
        }
    }
}
