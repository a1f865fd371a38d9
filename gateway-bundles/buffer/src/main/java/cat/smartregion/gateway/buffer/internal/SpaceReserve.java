package cat.smartregion.gateway.buffer.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file of real blocks ({@code <database>.reserve}) kept beside the database so a full disk can be
 * survived: SQLite's checkpoint must grow the database by the pages its WAL added, and on a full disk
 * it cannot, so the WAL never restarts and even an eviction cannot commit. Releasing the reserve lets
 * that checkpoint complete; the buffer then evicts and retries, and re-creates the reserve once the
 * disk has room again. Written once, so it costs no wear. Not thread-safe: used under the buffer's lock.
 */
final class SpaceReserve {

    private static final int CHUNK = 64 * 1024;

    private final Path file;
    private final long size;

    SpaceReserve(Path file, long size) {
        this.file = file;
        this.size = size;
    }

    long size() {
        return size;
    }

    boolean held() {
        try {
            return Files.size(file) >= size;
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes the reserve when missing or short; on failure it leaves none (the space is needed elsewhere). */
    void ensure() throws IOException {
        if (held()) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ByteBuffer zeros = ByteBuffer.allocate(CHUNK);
            for (long at = 0; at < size; at += CHUNK) {
                zeros.clear().limit((int) Math.min(CHUNK, size - at));
                channel.write(zeros, at);
            }
            channel.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** Gives the reserved space back to the file system; returns whether there was any. */
    boolean release() {
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            return false;
        }
    }
}
