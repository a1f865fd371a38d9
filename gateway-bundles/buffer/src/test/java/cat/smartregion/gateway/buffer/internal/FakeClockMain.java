package cat.smartregion.gateway.buffer.internal;

import cat.smartregion.gateway.api.Priority;
import cat.smartregion.gateway.api.Quality;
import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.Value;
import java.nio.file.Path;
import java.util.List;

/**
 * Run by {@link FakeTimeTest} under libfaketime: polls a pretend meter every 100 ms into the buffer at
 * {@code args[0]}; prints {@code UNSYNCED} after three readings timed before 2020 and exits once two
 * readings had a plausible time (or after 60 s, with status 2).
 */
public final class FakeClockMain {

    private FakeClockMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        int unsynced = 0;
        int synced = 0;
        try (SqliteBuffer buffer = SqliteBuffer.open(BufferConfig.of(Path.of(args[0])))) {
            while (synced < 2) {
                if (System.nanoTime() > deadline) {
                    System.exit(2);
                }
                long now = System.currentTimeMillis();
                Reading stored = buffer.append(List.of(new Reading("diba-vic", "gw-1", "meter-1", "voltage", "voltage",
                        Value.of(230.1), "V", now, Quality.GOOD, Priority.SAMPLE, 0))).get(0);
                if (ClockStamp.plausible(now)) {
                    synced++;
                } else if (++unsynced == 3) {
                    System.out.println("UNSYNCED");
                    System.out.flush();
                }
                System.out.println("stored " + stored.seq() + " at " + stored.time() + " " + stored.quality());
                Thread.sleep(100);
            }
        }
    }
}
