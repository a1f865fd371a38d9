package cat.smartregion.gateway.bench;

import cat.smartregion.gateway.api.buffer.Batch;
import cat.smartregion.gateway.buffer.internal.BufferConfig;
import cat.smartregion.gateway.buffer.internal.SqliteBuffer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Readings per second drained by claim + ack (batches of 500, one transaction per ack) from our buffer,
 * against raw sqlite-jdbc select of the oldest 500 + delete of their range in one transaction, from
 * the same backlog on the same disk; five alternating rounds, medians. Args: [backlog, default 200000]
 * [batch, default 500].
 */
public final class BufferDrainBench implements Benchmark {

    @Override
    public String description() {
        return "readings/s drained by claim + ack vs raw sqlite-jdbc select + delete";
    }

    @Override
    public Summary run(List<String> args, PrintStream out) throws Exception {
        int backlog = args.isEmpty() ? 200_000 : Integer.parseInt(args.get(0));
        int batch = args.size() < 2 ? 500 : Integer.parseInt(args.get(1));
        out.printf("backlog %d readings (cycles of 100), batches of %d, in %s%n", backlog, batch,
                System.getProperty("java.io.tmpdir"));
        List<Double> ours = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        for (int round = 1; round <= 5; round++) {
            ours.add(ours(backlog, batch));
            raw.add(raw(backlog, batch));
            out.printf("round %d: buffer %,.0f readings/s, raw %,.0f readings/s%n", round, ours.get(round - 1),
                    raw.get(round - 1));
        }
        double o = BufferRows.median(ours);
        double r = BufferRows.median(raw);
        out.printf("median: buffer %,.0f readings/s, raw %,.0f readings/s; ratio %.2f (goal >= 0.5)%n", o, r, o / r);
        return new Summary("buffer-drain", o / r).put("batch", batch).put("bufferReadingsPerSecond", Math.round(o))
                .put("rawReadingsPerSecond", Math.round(r));
    }

    private static double ours(int backlog, int size) throws Exception {
        Path dir = BufferRows.tempDir("bench-buffer");
        try (SqliteBuffer buffer = SqliteBuffer.open(BufferConfig.of(dir.resolve("buffer.db")))) {
            for (int c = 0; c < backlog / 100; c++) {
                buffer.append(BufferRows.cycle(c, 100));
            }
            long start = System.nanoTime();
            long n = 0;
            for (Batch batch = buffer.claim(size, Long.MAX_VALUE); !batch.isEmpty(); batch = buffer.claim(size, Long.MAX_VALUE)) {
                buffer.ack(batch);
                n += batch.size();
            }
            return n / ((System.nanoTime() - start) / 1e9);
        } finally {
            BufferRows.delete(dir);
        }
    }

    private static double raw(int backlog, int size) throws Exception {
        Path dir = BufferRows.tempDir("bench-raw");
        try (BufferRows.Raw raw = new BufferRows.Raw(dir.resolve("raw.db"))) {
            for (int c = 0; c < backlog / 100; c++) {
                raw.insert(BufferRows.cycle(c, 100));
            }
            long start = System.nanoTime();
            long n = 0;
            for (int got = raw.drain(size); got > 0; got = raw.drain(size)) {
                n += got;
            }
            return n / ((System.nanoTime() - start) / 1e9);
        } finally {
            BufferRows.delete(dir);
        }
    }
}
