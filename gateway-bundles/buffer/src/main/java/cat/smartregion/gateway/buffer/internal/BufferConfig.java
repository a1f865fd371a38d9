package cat.smartregion.gateway.buffer.internal;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Validated configuration of a {@link SqliteBuffer}.
 *
 * @param path        the SQLite database file
 * @param synchronous SQLite {@code synchronous} level of the WAL commits
 * @param quotaBytes  intended bound of the database on disk (reported only, not enforced yet)
 */
public record BufferConfig(Path path, Synchronous synchronous, long quotaBytes) {

    /** Default quota: 256 MiB. */
    public static final long DEFAULT_QUOTA_BYTES = 256L * 1024 * 1024;

    /** The durability of a commit: FULL survives power loss, NORMAL may lose the last commits. */
    public enum Synchronous { FULL, NORMAL }

    public BufferConfig {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(synchronous, "synchronous");
        if (path.toString().isBlank()) {
            throw new IllegalArgumentException("path is required");
        }
        if (quotaBytes <= 0) {
            throw new IllegalArgumentException("quota.bytes must be positive: " + quotaBytes);
        }
    }

    /** A configuration with synchronous FULL and the default quota. */
    public static BufferConfig of(Path path) {
        return new BufferConfig(path, Synchronous.FULL, DEFAULT_QUOTA_BYTES);
    }

    static BufferConfig from(BufferConfiguration configuration) {
        String path = configuration.path().trim();
        if (path.isEmpty()) {
            throw new IllegalArgumentException("path is required");
        }
        return new BufferConfig(Path.of(path), synchronous(configuration.synchronous()),
                configuration.quota_bytes());
    }

    private static Synchronous synchronous(String text) {
        try {
            return Synchronous.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("synchronous must be FULL or NORMAL: " + text, e);
        }
    }
}
