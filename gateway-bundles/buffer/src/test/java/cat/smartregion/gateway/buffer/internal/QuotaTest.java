package cat.smartregion.gateway.buffer.internal;

import static cat.smartregion.gateway.buffer.internal.Fixtures.givenCycle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.Priority;
import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.alarm.Alarm;
import cat.smartregion.gateway.api.buffer.Batch;
import cat.smartregion.gateway.api.buffer.BufferFigures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuotaTest {

    private static final long QUOTA = BufferConfig.MIN_QUOTA_BYTES;

    @TempDir
    Path dir;

    private BufferConfig config() {
        return BufferConfig.of(dir.resolve("buffer.db")).withQuota(QUOTA);
    }

    @Test
    void overTheQuotaTheOldestSamplesGoFirstAndTheFileStaysWithin() throws Exception {
        long appended = 0;
        try (SqliteBuffer buffer = SqliteBuffer.open(config())) {
            for (int cycle = 0; cycle < 3000; cycle++) {
                appended += buffer.append(givenCycle(cycle, 20)).size();
                BufferFigures figures = buffer.figures();
                assertTrue(figures.bytes() <= QUOTA, "cycle " + cycle + ": " + figures.bytes() + " bytes on disk, database "
                        + Files.size(dir.resolve("buffer.db")));
                assertTrue(Files.size(dir.resolve("buffer.db")) <= config().databaseBudgetBytes());
            }
            BufferFigures figures = buffer.figures();
            long samplesEvicted = figures.evicted().get(Priority.SAMPLE);
            assertTrue(samplesEvicted > 0, figures.toString());
            assertEquals(0L, figures.evicted().get(Priority.COUNTER));
            assertEquals(0L, figures.evicted().get(Priority.ALARM));
            assertEquals(appended - samplesEvicted, figures.backlog());
            assertTrue(buffer.activeAlarms().stream().anyMatch(a -> a.key().equals(BufferAlarms.EVICTING)
                    && a.severity() == Alarm.Severity.WARNING && a.message().contains("SAMPLE")));

            List<Reading> left = buffer.claim(100_000, Long.MAX_VALUE).readings();
            assertEquals(figures.backlog(), left.size());
            assertEquals(3000, left.stream().filter(r -> r.priority() == Priority.COUNTER).count(), "every counter kept");
            long oldestSample = left.stream().filter(r -> r.priority() == Priority.SAMPLE).mapToLong(Reading::seq)
                    .min().orElseThrow();
            long firstSampleOfLastCycles = left.get(left.size() - 1).seq() - 22 * 10;
            assertTrue(oldestSample > 22 * 100, "the oldest samples went first: " + oldestSample);
            assertTrue(left.stream().filter(r -> r.priority() == Priority.SAMPLE && r.seq() > firstSampleOfLastCycles)
                    .count() == 200, "the newest samples are all kept");
        }
        try (SqliteBuffer reopened = SqliteBuffer.open(config())) {
            assertTrue(reopened.figures().evicted().get(Priority.SAMPLE) > 0, "counts survive a restart");
        }
    }

    @Test
    void whenSamplesRunOutCountersGoThenAlarmsLast() {
        try (SqliteBuffer buffer = SqliteBuffer.open(config())) {
            for (int cycle = 0; cycle < 3000; cycle++) {
                List<Reading> readings = new java.util.ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    readings.add(givenCycle(cycle * 20 + i, 0).get(0));
                }
                readings.add(givenCycle(cycle, 0).get(1));
                buffer.append(readings);
            }
            Map<Priority, Long> evicted = buffer.figures().evicted();
            assertTrue(evicted.get(Priority.COUNTER) > 0, evicted.toString());
            assertEquals(0L, evicted.get(Priority.SAMPLE));
            assertTrue(evicted.get(Priority.ALARM) < evicted.get(Priority.COUNTER), evicted.toString());
        }
    }

    @Test
    void aClaimedReadingIsNeverEvicted() {
        try (SqliteBuffer buffer = SqliteBuffer.open(config())) {
            buffer.append(givenCycle(0, 50));
            Batch inFlight = buffer.claim(40, Long.MAX_VALUE);
            for (int cycle = 1; cycle < 3000; cycle++) {
                buffer.append(givenCycle(cycle, 20));
            }
            assertTrue(buffer.figures().evicted().get(Priority.SAMPLE) > 1000);
            long backlog = buffer.figures().backlog();
            buffer.ack(inFlight);
            assertEquals(backlog - 40, buffer.figures().backlog(), "all 40 claimed readings were still there");
            assertEquals(40, buffer.figures().delivered());
        }
    }

    @Test
    void nearTheQuotaAnAlarmIsRaisedAndClearedOnceDelivered() {
        try (SqliteBuffer buffer = SqliteBuffer.open(config())) {
            int cycle = 0;
            while (buffer.activeAlarms().stream().noneMatch(a -> a.key().equals(BufferAlarms.NEAR_QUOTA))) {
                buffer.append(givenCycle(cycle++, 20));
                assertTrue(cycle < 5000, "no near-quota alarm");
            }
            assertEquals(0, buffer.figures().evictedTotal());
            for (Batch batch = buffer.claim(500, Long.MAX_VALUE); !batch.isEmpty(); batch = buffer.claim(500, Long.MAX_VALUE)) {
                buffer.ack(batch);
            }
            assertTrue(buffer.activeAlarms().isEmpty(), buffer.activeAlarms().toString());
        }
    }
}
