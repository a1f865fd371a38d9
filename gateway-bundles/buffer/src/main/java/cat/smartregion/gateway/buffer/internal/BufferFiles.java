package cat.smartregion.gateway.buffer.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The files of one buffer: the database, its WAL and shared-memory index (named as SQLite names them)
 * and the sequence mark. Quarantine moves the first three aside together, never deleting any.
 */
record BufferFiles(Path database) {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    Path wal() {
        return sibling("-wal");
    }

    Path shm() {
        return sibling("-shm");
    }

    Path seqMark() {
        return sibling(".seq");
    }

    Path reserve() {
        return sibling(".reserve");
    }

    /** Bytes of the database, its WAL and the space reserve on disk. */
    long bytesOnDisk() {
        return sizeOf(database) + sizeOf(wal()) + sizeOf(reserve());
    }

    boolean databaseHasContent() {
        return sizeOf(database) > 0;
    }

    boolean walExists() {
        return Files.exists(wal());
    }

    /**
     * Renames the database to {@code <name>.corrupt-<UTC time>} and its WAL and index alongside
     * ({@code -wal}, {@code -shm}), so SQLite still reads them together; returns the new database path.
     */
    Path quarantine(Instant now) throws IOException {
        String base = database.getFileName() + ".corrupt-" + STAMP.format(now);
        Path target = database.resolveSibling(base);
        for (int n = 2; Files.exists(target) || Files.exists(Path.of(target + "-wal")); n++) {
            target = database.resolveSibling(base + "-" + n);
        }
        move(wal(), Path.of(target + "-wal"));
        move(shm(), Path.of(target + "-shm"));
        move(database, target);
        return target;
    }

    /** The name the quarantined file had: {@code buffer.db} for {@code buffer.db.corrupt-20260301T101530Z}. */
    static String originalName(Path quarantined) {
        String name = quarantined.getFileName().toString();
        int at = name.lastIndexOf(".corrupt-");
        return at < 0 ? name : name.substring(0, at);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            // nothing to move
        }
    }

    private Path sibling(String suffix) {
        return database.resolveSibling(database.getFileName() + suffix);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
