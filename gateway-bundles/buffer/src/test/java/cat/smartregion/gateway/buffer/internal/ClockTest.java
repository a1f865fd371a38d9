package cat.smartregion.gateway.buffer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cat.smartregion.gateway.api.Priority;
import cat.smartregion.gateway.api.Quality;
import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.Value;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A gateway booting in 1970, on injected clocks. */
class ClockTest {

    private static final long SYNCED = Fixtures.T0;
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path dir;

    private final AtomicLong wall = new AtomicLong(5_000);
    private final AtomicLong mono = new AtomicLong(40 * SECOND);

    private SqliteBuffer open(String boot) {
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(wall.get());
            }
        };
        return SqliteBuffer.open(BufferConfig.of(dir.resolve("buffer.db")), new BufferClocks(clock, mono::get, boot), null);
    }

    private static Reading at(long time, Quality quality) {
        return new Reading("diba-vic", "gw-1", "meter-1", "voltage", "voltage", Value.of(230.1), "V", time, quality,
                Priority.SAMPLE, 0);
    }

    private void elapse(long nanos) {
        mono.addAndGet(nanos);
        wall.addAndGet(nanos / 1_000_000);
    }

    @Test
    void readingsBeforeTheClockSynchronisedAreCorrectedWhenItDoes() {
        try (SqliteBuffer buffer = open("boot-a")) {
            Reading first = buffer.append(List.of(at(wall.get() - 20, Quality.GOOD))).get(0);
            assertEquals(Quality.CLOCK_UNSYNCHRONISED, first.quality(), "flagged by the buffer too");
            assertEquals(4_980, first.time());
            elapse(10 * SECOND);
            buffer.append(List.of(at(wall.get(), Quality.CLOCK_UNSYNCHRONISED)));

            elapse(50 * SECOND);
            wall.set(SYNCED);
            buffer.append(List.of(at(SYNCED, Quality.GOOD)));

            List<Reading> all = buffer.claim(10, Long.MAX_VALUE).readings();
            assertEquals(SYNCED - 60_000 - 20, all.get(0).time(), "60 s and 20 ms before the synchronised cycle");
            assertEquals(SYNCED - 50_000, all.get(1).time());
            assertEquals(Quality.CLOCK_UNSYNCHRONISED, all.get(0).quality(), "corrected, still flagged");
            assertEquals(Quality.GOOD, all.get(2).quality());
        }
    }

    @Test
    void aRestartWithinTheSameBootStillCorrects() {
        try (SqliteBuffer buffer = open("boot-a")) {
            buffer.append(List.of(at(wall.get(), Quality.CLOCK_UNSYNCHRONISED)));
        }
        elapse(30 * SECOND);
        wall.set(SYNCED);
        try (SqliteBuffer buffer = open("boot-a")) {
            buffer.append(List.of(at(SYNCED, Quality.GOOD)));
            assertEquals(SYNCED - 30_000, buffer.claim(10, Long.MAX_VALUE).readings().get(0).time());
        }
    }

    @Test
    void readingsOfAnEarlierBootKeepTheirTimes() {
        try (SqliteBuffer buffer = open("boot-a")) {
            buffer.append(List.of(at(wall.get(), Quality.CLOCK_UNSYNCHRONISED)));
        }
        mono.set(3 * SECOND);
        wall.set(SYNCED);
        try (SqliteBuffer buffer = open("boot-b")) {
            buffer.append(List.of(at(SYNCED, Quality.GOOD)));
            Reading old = buffer.claim(10, Long.MAX_VALUE).readings().get(0);
            assertEquals(5_000, old.time());
            assertEquals(Quality.CLOCK_UNSYNCHRONISED, old.quality());
        }
    }

    @Test
    void aReadingTakenJustBeforeTheClockJumpedTakesTheAppendsTime() {
        wall.set(SYNCED);
        try (SqliteBuffer buffer = open("boot-a")) {
            Reading stored = buffer.append(List.of(at(1_000, Quality.CLOCK_UNSYNCHRONISED))).get(0);
            assertEquals(SYNCED, stored.time());
            assertEquals(Quality.CLOCK_UNSYNCHRONISED, stored.quality());
            assertEquals(stored, buffer.claim(1, Long.MAX_VALUE).readings().get(0));
        }
    }

    @Test
    void theWriteRateCountsTheLastMinute() {
        wall.set(SYNCED);
        try (SqliteBuffer buffer = open("boot-a")) {
            buffer.append(Fixtures.givenReadings(0, 60));
            elapse(30 * SECOND);
            buffer.append(Fixtures.givenReadings(0, 60));
            assertEquals(2.0, buffer.figures().writeRate(), 1e-9);
            elapse(45 * SECOND);
            assertEquals(1.0, buffer.figures().writeRate(), 1e-9);
            elapse(60 * SECOND);
            assertEquals(0.0, buffer.figures().writeRate(), 1e-9);
        }
    }
}
