package cat.smartregion.gateway.buffer.internal;

import static cat.smartregion.gateway.buffer.internal.Fixtures.givenCycle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cat.smartregion.gateway.api.Priority;
import cat.smartregion.gateway.api.alarm.Alarm;
import cat.smartregion.gateway.api.buffer.BufferException;
import cat.smartregion.gateway.api.buffer.BufferFigures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real full file system: a 2 MiB tmpfs (needs root, as in CI). */
class DiskFullTest {

    @TempDir
    Path dir;

    private Path disk;
    private SqliteBuffer buffer;

    @BeforeEach
    void mountASmallDisk() throws Exception {
        disk = Files.createDirectory(dir.resolve("disk"));
        int exit = run("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", disk.toString());
        if (exit != 0) {
            fail("DiskFullTest mounts a 2 MiB tmpfs and needs root (mount exited " + exit + ")");
        }
    }

    @AfterEach
    void unmount() throws Exception {
        if (buffer != null) {
            buffer.close();
        }
        assertEquals(0, run("umount", disk.toString()), "umount " + disk);
    }

    @Test
    void onAFullDiskPollingGoesOnEvictingByPolicyAndRecoversWhenSpaceReturns() throws Exception {
        Path filler = disk.resolve("filler");
        Files.write(filler, new byte[1_400_000]);
        buffer = SqliteBuffer.open(BufferConfig.of(disk.resolve("buffer.db")).withQuota(2L << 20));
        int cycle = 0;
        int dropped = 0;
        while (!buffer.activeAlarms().stream().anyMatch(a -> a.key().equals(BufferAlarms.DISK_FULL))) {
            dropped += appendOrDrop(cycle++);
            assertTrue(cycle < 5_000, "the disk never filled");
        }
        Alarm alarm = buffer.activeAlarms().stream().filter(a -> a.key().equals(BufferAlarms.DISK_FULL))
                .findFirst().orElseThrow();
        assertEquals(Alarm.Severity.CRITICAL, alarm.severity());

        for (int i = 0; i < 1_000; i++) {
            dropped += appendOrDrop(cycle++);
        }
        BufferFigures full = buffer.figures();
        assertTrue(dropped <= 2, "polling keeps storing on the full disk; dropped cycles: " + dropped);
        assertEquals(dropped * 22L, buffer.droppedReadings());
        assertTrue(full.evicted().get(Priority.SAMPLE) > 10_000, full.toString());
        assertEquals(dropped, full.evicted().get(Priority.COUNTER), "counters only lost in dropped cycles");
        assertEquals(full.stored() + buffer.droppedReadings(), cycle * 22L);

        Files.delete(filler);
        for (int i = 0; i < 20; i++) {
            assertEquals(22, buffer.append(givenCycle(cycle++, 20)).size());
        }
        assertFalse(buffer.activeAlarms().stream().anyMatch(a -> a.key().equals(BufferAlarms.DISK_FULL)),
                buffer.activeAlarms().toString());
        assertEquals(full.evictedTotal(), buffer.figures().evictedTotal(), "no eviction once there is room");
        assertEquals(full.backlog() + 20 * 22, buffer.figures().backlog());
    }

    private int appendOrDrop(int cycle) {
        try {
            assertEquals(22, buffer.append(givenCycle(cycle, 20)).size());
            return 0;
        } catch (BufferException e) {
            assertTrue(e.getMessage().contains("dropped"), e.toString());
            return 1;
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
