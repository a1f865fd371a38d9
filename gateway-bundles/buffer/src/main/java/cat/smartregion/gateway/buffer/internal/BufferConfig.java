package cat.smartregion.gateway.buffer.internal;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * Validated configuration of a {@link SqliteBuffer}.
 *
 * @param path        the SQLite database file
 * @param synchronous SQLite {@code synchronous} level of the WAL commits
 * @param quotaBytes  bound of the database and its WAL on disk; the buffer evicts by priority to keep to it
 */
public record BufferConfig(Path path, Synchronous synchronous, long quotaBytes) {

    /** Default quota: 256 MiB (about ten million readings; see the README). */
    public static final long DEFAULT_QUOTA_BYTES = 256L * 1024 * 1024;

    /** The smallest quota: room for the WAL and a few thousand readings. */
    public static final long MIN_QUOTA_BYTES = 256L * 1024;

    private static final long MAX_WAL_BYTES = 4L * 1024 * 1024;

    /** The durability of a commit: FULL survives power loss, NORMAL may lose the last commits. */
    public enum Synchronous { FULL, NORMAL }

    public BufferConfig {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(synchronous, "synchronous");
        if (path.toString().isBlank()) {
            throw new IllegalArgumentException("path is required");
        }
        if (quotaBytes < MIN_QUOTA_BYTES) {
            throw new IllegalArgumentException("quota.bytes must be at least " + MIN_QUOTA_BYTES + ": " + quotaBytes);
        }
    }

    /** The room kept for the WAL: an eighth of the quota, at most 4 MiB. */
    public long walLimitBytes() {
        return Math.min(MAX_WAL_BYTES, quotaBytes / 8);
    }

    /** The space kept free beside the database for a full disk ({@code <database>.reserve}): half the WAL's room. */
    public long reserveBytes() {
        return walLimitBytes() / 2;
    }

    /** The room for the database file itself: the quota less the WAL's room and the reserve. */
    public long databaseBudgetBytes() {
        return quotaBytes - walLimitBytes() - reserveBytes();
    }

    /** The same configuration with another quota. */
    public BufferConfig withQuota(long newQuotaBytes) {
        return new BufferConfig(path, synchronous, newQuotaBytes);
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
