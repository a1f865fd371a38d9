package cat.smartregion.gateway.bench;

import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.buffer.internal.BufferConfig;
import cat.smartregion.gateway.buffer.internal.SqliteBuffer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Readings per second appended durably (WAL, synchronous FULL, one transaction per cycle) by our buffer
 * and by raw sqlite-jdbc batched inserts of the same rows in the same transactions, on the same disk
 * (java.io.tmpdir), five alternating rounds, medians. Args: [readings per cycle, default 100]
 * [readings per round, default 100000].
 */
public final class BufferAppendBench implements Benchmark {

    @Override
    public String description() {
        return "readings/s appended durably (synchronous FULL) by the buffer vs raw sqlite-jdbc batched inserts";
    }

    @Override
    public Summary run(List<String> args, PrintStream out) throws Exception {
        int size = args.isEmpty() ? 100 : Integer.parseInt(args.get(0));
        int total = args.size() < 2 ? 100_000 : Integer.parseInt(args.get(1));
        int cycles = Math.max(1, total / size);
        List<List<Reading>> input = new ArrayList<>();
        for (int c = 0; c < cycles; c++) {
            input.add(BufferRows.cycle(c, size));
        }
        out.printf("%d cycles of %d readings per round, in %s%n", cycles, size, System.getProperty("java.io.tmpdir"));
        List<Double> ours = new ArrayList<>();
        List<Double> raw = new ArrayList<>();
        for (int round = 1; round <= 5; round++) {
            ours.add(ours(input));
            raw.add(raw(input));
            out.printf("round %d: buffer %,.0f readings/s, raw %,.0f readings/s%n", round, ours.get(round - 1),
                    raw.get(round - 1));
        }
        double o = BufferRows.median(ours);
        double r = BufferRows.median(raw);
        out.printf("median: buffer %,.0f readings/s (%,.0f cycles/s), raw %,.0f readings/s; ratio %.2f (goal >= 0.5)%n",
                o, o / size, r, o / r);
        return new Summary("buffer-append", o / r).put("readingsPerCycle", size).put("bufferReadingsPerSecond", Math.round(o))
                .put("rawReadingsPerSecond", Math.round(r)).put("synchronous", "FULL");
    }

    private static double ours(List<List<Reading>> input) throws Exception {
        Path dir = BufferRows.tempDir("bench-buffer");
        try (SqliteBuffer buffer = SqliteBuffer.open(BufferConfig.of(dir.resolve("buffer.db")))) {
            long start = System.nanoTime();
            long n = 0;
            for (List<Reading> cycle : input) {
                n += buffer.append(cycle).size();
            }
            return n / ((System.nanoTime() - start) / 1e9);
        } finally {
            BufferRows.delete(dir);
        }
    }

    private static double raw(List<List<Reading>> input) throws Exception {
        Path dir = BufferRows.tempDir("bench-raw");
        try (BufferRows.Raw raw = new BufferRows.Raw(dir.resolve("raw.db"))) {
            long start = System.nanoTime();
            long n = 0;
            for (List<Reading> cycle : input) {
                raw.insert(cycle);
                n += cycle.size();
            }
            return n / ((System.nanoTime() - start) / 1e9);
        } finally {
            BufferRows.delete(dir);
        }
    }
}
