package cat.smartregion.gateway.buffer.internal;

import static cat.smartregion.gateway.buffer.internal.Fixtures.givenBuffer;
import static cat.smartregion.gateway.buffer.internal.Fixtures.givenReading;
import static cat.smartregion.gateway.buffer.internal.Fixtures.givenReadings;
import static cat.smartregion.gateway.buffer.internal.Fixtures.range;
import static cat.smartregion.gateway.buffer.internal.Fixtures.seqs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.Value;
import cat.smartregion.gateway.api.buffer.Batch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimTest {

    private static final long ANY_SIZE = Long.MAX_VALUE;

    @TempDir
    Path dir;

    @Test
    void claimsTheOldestInSequenceOrderUpToMaxReadings() {
        try (SqliteBuffer buffer = givenBuffer(dir)) {
            List<Reading> stored = buffer.append(givenReadings(0, 10));
            Batch batch = buffer.claim(4, ANY_SIZE);
            assertEquals(stored.subList(0, 4), batch.readings());
        }
    }

    @Test
    void claimIsEmptyWhenNothingWaits() {
        try (SqliteBuffer buffer = givenBuffer(dir)) {
            assertTrue(buffer.claim(10, ANY_SIZE).isEmpty());
            buffer.append(givenReadings(0, 2));
            buffer.claim(10, ANY_SIZE);
            assertTrue(buffer.claim(10, ANY_SIZE).isEmpty());
        }
    }

    @Test
    void claimStopsBeforeMaxBytes() {
        try (SqliteBuffer buffer = givenBuffer(dir)) {
            List<Reading> stored = buffer.append(givenReadings(0, 10));
            long size = ReadingSize.estimate(stored.get(0));
            Batch batch = buffer.claim(100, 3 * size + size / 2);
            assertEquals(range(1, 3), seqs(batch.readings()));
        }
    }

    @Test
    void claimGivesOneReadingEvenWhenItAloneExceedsMaxBytes() {
        try (SqliteBuffer buffer = givenBuffer(dir)) {
            buffer.append(List.of(givenReading("display-1", "message", Value.of("x".repeat(5000)), 1)));
            buffer.append(givenReadings(0, 3));
            assertEquals(List.of(1L), seqs(buffer.claim(100, 100).readings()));
        }
    }

    @Test
    void claimNeverHandsOutAClaimedReadingUntilReleased() {
        try (SqliteBuffer buffer = givenBuffer(dir)) {
            buffer.append(givenReadings(0, 10));
            Batch first = buffer.claim(4, ANY_SIZE);
            Batch second = buffer.claim(4, ANY_SIZE);
            assertEquals(range(5, 8), seqs(second.readings()));
            buffer.release(first);
            Batch again = buffer.claim(100, ANY_SIZE);
            List<Long> expected = new ArrayList<>(range(1, 4));
            expected.addAll(range(9, 10));
            assertEquals(expected, seqs(again.readings()));
            assertEquals(first.readings(), again.readings().subList(0, 4));
        }
    }

    @Test
    void unacknowledgedClaimsComeAgainAfterReopen() {
        List<Reading> claimed;
        try (SqliteBuffer buffer = givenBuffer(dir)) {
            buffer.append(givenReadings(0, 6));
            buffer.ack(buffer.claim(2, ANY_SIZE));
            claimed = buffer.claim(3, ANY_SIZE).readings();
        }
        try (SqliteBuffer buffer = givenBuffer(dir)) {
            assertEquals(range(3, 5), seqs(claimed));
            assertEquals(claimed, buffer.claim(3, ANY_SIZE).readings());
            assertEquals(List.of(6L), seqs(buffer.claim(100, ANY_SIZE).readings()));
        }
    }

    @Test
    void ackRemovesTheBatchOnly() {
        try (SqliteBuffer buffer = givenBuffer(dir)) {
            buffer.append(givenReadings(0, 10));
            Batch first = buffer.claim(4, ANY_SIZE);
            Batch second = buffer.claim(4, ANY_SIZE);
            buffer.ack(second);
            assertEquals(6, buffer.figures().backlog());
            assertEquals(4, buffer.figures().delivered());
            buffer.release(first);
            List<Long> left = new ArrayList<>(range(1, 4));
            left.addAll(range(9, 10));
            assertEquals(left, seqs(buffer.claim(100, ANY_SIZE).readings()));
        }
        try (SqliteBuffer buffer = givenBuffer(dir)) {
            assertEquals(6, buffer.figures().backlog());
        }
    }

    @Test
    void claimRejectsLimitsThatCannotBeMet() {
        try (SqliteBuffer buffer = givenBuffer(dir)) {
            assertThrows(IllegalArgumentException.class, () -> buffer.claim(0, ANY_SIZE));
            assertThrows(IllegalArgumentException.class, () -> buffer.claim(10, 0));
        }
    }
}
