package cat.smartregion.gateway.buffer.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * The clocks the buffer stamps each cycle with: the wall clock, a monotonic clock in nanoseconds and
 * the id of the current boot. Injected so tests can play a gateway booting in 1970.
 *
 * @param wall           wall clock (UTC)
 * @param monotonicNanos monotonic clock, {@code System::nanoTime} outside tests
 * @param bootId         identity of this boot; monotonic readings compare only within one boot
 */
public record BufferClocks(Clock wall, LongSupplier monotonicNanos, String bootId) {

    private static final Path BOOT_ID = Path.of("/proc/sys/kernel/random/boot_id");

    public BufferClocks {
        Objects.requireNonNull(wall, "wall");
        Objects.requireNonNull(monotonicNanos, "monotonicNanos");
        Objects.requireNonNull(bootId, "bootId");
        if (bootId.isBlank()) {
            throw new IllegalArgumentException("bootId must not be blank");
        }
    }

    /** The system clocks and the kernel's boot id (a random id per process where the kernel has none). */
    public static BufferClocks system() {
        return new BufferClocks(Clock.systemUTC(), System::nanoTime, systemBootId());
    }

    /** The system monotonic clock and boot id with another wall clock. */
    public static BufferClocks withWall(Clock wall) {
        return new BufferClocks(wall, System::nanoTime, systemBootId());
    }

    static String systemBootId() {
        try {
            return Files.readString(BOOT_ID, StandardCharsets.US_ASCII).trim();
        } catch (IOException | RuntimeException e) {
            return "process-" + UUID.randomUUID();
        }
    }
}
