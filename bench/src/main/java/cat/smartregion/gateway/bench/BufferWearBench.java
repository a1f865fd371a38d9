package cat.smartregion.gateway.bench;

import cat.smartregion.gateway.buffer.internal.BufferConfig;
import cat.smartregion.gateway.buffer.internal.SqliteBuffer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Bytes written to disk per reading at steady state, the SD-card wear figure: a backlog of 20,000
 * readings is kept while cycles are appended (synchronous FULL) and every 500 appended readings one
 * batch of 500 is claimed and acknowledged. Measured from /proc/self/io over the steady part:
 * {@code write_bytes} (bytes sent to the block device; 0 on file systems without it, e.g. tmpfs) and
 * {@code wchar} (bytes passed to write calls). Per cycle size, ours and the raw sqlite-jdbc baseline
 * (same rows, same pattern, default 4 KiB pages). The ratio is ours / raw write_bytes at 100 readings per
 * cycle (lower is better). Args: cycle sizes, default 1 10 100 1000.
 */
public final class BufferWearBench implements Benchmark {

    private static final int BACKLOG = 20_000;
    private static final int BATCH = 500;

    @Override
    public String description() {
        return "bytes written to disk per reading at steady state (SD-card wear), buffer vs raw sqlite-jdbc";
    }

    @Override
    public Summary run(List<String> args, PrintStream out) throws Exception {
        List<Integer> sizes = args.isEmpty() ? List.of(1, 10, 100, 1000) : args.stream().map(Integer::valueOf).toList();
        out.printf("steady state: backlog %d, ack batches of %d, in %s%n", BACKLOG, BATCH, System.getProperty("java.io.tmpdir"));
        out.printf("%8s %12s %12s %12s %12s%n", "cycle", "ours B/r", "raw B/r", "ours wchar", "raw wchar");
        java.util.Map<String, Object> figures = new java.util.LinkedHashMap<>();
        double ratio = Double.NaN;
        for (int size : sizes) {
            int readings = size == 1 ? 5_000 : size == 10 ? 30_000 : 200_000;
            BufferRows.Io ours = ours(size, readings);
            BufferRows.Io raw = raw(size, readings);
            out.printf("%8d %12.1f %12.1f %12.1f %12.1f%n", size, (double) ours.writeBytes() / readings,
                    (double) raw.writeBytes() / readings, (double) ours.wchar() / readings, (double) raw.wchar() / readings);
            if (size == 100 || Double.isNaN(ratio)) {
                ratio = (double) ours.writeBytes() / Math.max(1, raw.writeBytes());
            }
            figures.put("bytesPerReading" + size, Math.round((double) ours.writeBytes() / readings * 10) / 10.0);
            figures.put("rawBytesPerReading" + size, Math.round((double) raw.writeBytes() / readings * 10) / 10.0);
            figures.put("wcharPerReading" + size, Math.round((double) ours.wchar() / readings * 10) / 10.0);
        }
        Summary summary = new Summary("buffer-wear", ratio).put("goalBytesPerReading", 64);
        figures.forEach(summary::put);
        return summary;
    }

    private static BufferRows.Io ours(int size, int readings) throws Exception {
        Path dir = BufferRows.tempDir("bench-buffer");
        try (SqliteBuffer buffer = SqliteBuffer.open(BufferConfig.of(dir.resolve("buffer.db")))) {
            long c = 0;
            while (buffer.figures().backlog() < BACKLOG) {
                buffer.append(BufferRows.cycle(c++, Math.max(size, 100)));
            }
            BufferRows.Io before = BufferRows.Io.now();
            long appended = 0;
            long acked = 0;
            while (appended < readings) {
                appended += buffer.append(BufferRows.cycle(c++, size)).size();
                while (appended - acked >= BATCH) {
                    var batch = buffer.claim(BATCH, Long.MAX_VALUE);
                    buffer.ack(batch);
                    acked += batch.size();
                }
            }
            return BufferRows.Io.now().minus(before);
        } finally {
            BufferRows.delete(dir);
        }
    }

    private static BufferRows.Io raw(int size, int readings) throws Exception {
        Path dir = BufferRows.tempDir("bench-raw");
        try (BufferRows.Raw raw = new BufferRows.Raw(dir.resolve("raw.db"))) {
            long c = 0;
            while (raw.seq < BACKLOG) {
                raw.insert(BufferRows.cycle(c++, Math.max(size, 100)));
            }
            BufferRows.Io before = BufferRows.Io.now();
            long appended = 0;
            long acked = 0;
            while (appended < readings) {
                raw.insert(BufferRows.cycle(c++, size));
                appended += size;
                while (appended - acked >= BATCH) {
                    acked += raw.drain(BATCH);
                }
            }
            return BufferRows.Io.now().minus(before);
        } finally {
            BufferRows.delete(dir);
        }
    }
}
