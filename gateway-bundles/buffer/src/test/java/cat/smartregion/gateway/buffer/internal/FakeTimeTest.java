package cat.smartregion.gateway.buffer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cat.smartregion.gateway.api.Quality;
import cat.smartregion.gateway.api.Reading;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real clock jump: a child JVM under Debian's libfaketime (package {@code faketime}) starts in 1970
 * and jumps to the real time when the test rewrites the timestamp file. The monotonic clock is not
 * faked, nor "fixed" (FAKETIME_FORCE_MONOTONIC_FIX=0): either hangs the JVM in its first sleep.
 */
class FakeTimeTest {

    @TempDir
    Path dir;

    @Test
    void readingsTakenIn1970AreCorrectedOnceTheClockJumps() throws Exception {
        Path library = libfaketime();
        Path timestamp = dir.resolve("faketime");
        Files.writeString(timestamp, "@1970-01-01 00:00:00\n");
        Path database = dir.resolve("buffer.db");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), FakeClockMain.class.getName(), database.toString())
                .redirectErrorStream(true);
        builder.environment().putAll(Map.of("LD_PRELOAD", library.toString(), "FAKETIME_TIMESTAMP_FILE",
                timestamp.toString(), "FAKETIME_NO_CACHE", "1", "FAKETIME_DONT_FAKE_MONOTONIC", "1",
                "FAKETIME_FORCE_MONOTONIC_FIX", "0"));
        long before = System.currentTimeMillis();
        Process child = builder.start();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
                if (line.equals("UNSYNCED")) {
                    Files.writeString(timestamp, "+0\n");
                }
            }
        } finally {
            if (!child.waitFor(60, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
        long after = System.currentTimeMillis();
        assertEquals(0, child.exitValue(), String.join("\n", output));
        assertTrue(output.contains("UNSYNCED"), String.join("\n", output));

        try (SqliteBuffer buffer = SqliteBuffer.open(BufferConfig.of(database))) {
            List<Reading> all = buffer.claim(1_000, Long.MAX_VALUE).readings();
            List<Reading> flagged = all.stream().filter(r -> r.quality() == Quality.CLOCK_UNSYNCHRONISED).toList();
            assertTrue(flagged.size() >= 3, all.toString());
            assertEquals(2, all.size() - flagged.size(), all.toString());
            for (int i = 0; i < all.size(); i++) {
                Reading reading = all.get(i);
                assertTrue(reading.time() >= before - 1_000 && reading.time() <= after, "corrected into the real run: " + reading);
                if (i > 0) {
                    long gap = reading.time() - all.get(i - 1).time();
                    assertTrue(gap >= 90 && gap < 5_000, "about 100 ms apart: " + all);
                }
            }
        }
    }

    private static Path libfaketime() throws IOException {
        try (Stream<Path> arches = Files.list(Path.of("/usr/lib"))) {
            return arches.map(arch -> arch.resolve("faketime/libfaketime.so.1")).filter(Files::exists).findFirst()
                    .orElseGet(() -> fail("FakeTimeTest needs libfaketime: apt-get install faketime"));
        }
    }
}
