package cat.smartregion.gateway.buffer.internal;

import static cat.smartregion.gateway.buffer.internal.Fixtures.givenBuffer;
import static cat.smartregion.gateway.buffer.internal.Fixtures.givenReading;
import static cat.smartregion.gateway.buffer.internal.Fixtures.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.Value;
import cat.smartregion.gateway.api.buffer.Batch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrencyTest {

    private static final int POLLERS = 4;
    private static final int CYCLES = 150;
    private static final int PER_CYCLE = 10;
    private static final int TOTAL = POLLERS * CYCLES * PER_CYCLE;

    @TempDir
    Path dir;

    @Test
    void concurrentAppendsWhileClaimingAndAckingLoseAndDuplicateNothing() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(POLLERS + 1);
        try (SqliteBuffer buffer = givenBuffer(dir)) {
            List<Future<List<Reading>>> pollers = new ArrayList<>();
            for (int p = 0; p < POLLERS; p++) {
                int poller = p;
                pollers.add(pool.submit(() -> poll(buffer, poller)));
            }
            Future<List<Reading>> agent = pool.submit(() -> sync(buffer));
            Set<Reading> appended = new HashSet<>();
            for (Future<List<Reading>> poller : pollers) {
                appended.addAll(poller.get(30, TimeUnit.SECONDS));
            }
            List<Reading> delivered = agent.get(30, TimeUnit.SECONDS);

            assertEquals(TOTAL, appended.size());
            assertEquals(appended, new HashSet<>(delivered));
            assertEquals(range(1, TOTAL), delivered.stream().map(Reading::seq).sorted().toList());
            assertEquals(TOTAL, buffer.figures().delivered());
            assertEquals(0, buffer.figures().backlog());
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    private static List<Reading> poll(SqliteBuffer buffer, int poller) {
        List<Reading> appended = new ArrayList<>();
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            List<Reading> readings = new ArrayList<>();
            for (int i = 0; i < PER_CYCLE; i++) {
                readings.add(givenReading("meter-" + poller, "p" + i, Value.of(cycle + i / 10.0), cycle));
            }
            List<Reading> stored = buffer.append(readings);
            for (int i = 1; i < stored.size(); i++) {
                assertEquals(stored.get(i - 1).seq() + 1, stored.get(i).seq());
            }
            appended.addAll(stored);
        }
        return appended;
    }

    /** Claims, sometimes releases and claims again, acks; until every reading was delivered. */
    private static List<Reading> sync(SqliteBuffer buffer) {
        List<Reading> delivered = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int round = 0;
        while (delivered.size() < TOTAL && System.nanoTime() < deadline) {
            Batch batch = buffer.claim(1 + round % 97, Long.MAX_VALUE);
            if (round++ % 5 == 0) {
                buffer.release(batch);
                continue;
            }
            buffer.ack(batch);
            delivered.addAll(batch.readings());
        }
        return delivered;
    }
}
