package cat.smartregion.gateway.launcher;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files replaced as a whole: written to a hidden temporary file beside the target, forced to disk,
 * then renamed over it, so a reader (or a crash) sees the old content or the new, never a mix.
 */
final class AtomicFiles {

    /** Configuration files: the owner writes, the gateway's group reads. */
    static final Set<PosixFilePermission> CONFIG = PosixFilePermissions.fromString("rw-r-----");
    /** Secret files: the owner only. */
    static final Set<PosixFilePermission> SECRET = PosixFilePermissions.fromString("rw-------");
    /** The secrets folder: the owner only. */
    static final Set<PosixFilePermission> SECRET_FOLDER = PosixFilePermissions.fromString("rwx------");

    private AtomicFiles() {
    }

    /** Writes {@code text} durably: the data and the rename are on disk when this returns. */
    static void write(Path target, String text, Set<PosixFilePermission> mode) throws IOException {
        replace(target, text.getBytes(StandardCharsets.UTF_8), mode, true);
    }

    /** Writes {@code bytes} atomically without forcing them to disk (frequent status files: spares the SD card). */
    static void writeVolatile(Path target, byte[] bytes, Set<PosixFilePermission> mode) throws IOException {
        replace(target, bytes, mode, false);
    }

    private static void replace(Path target, byte[] bytes, Set<PosixFilePermission> mode, boolean durable) throws IOException {
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        Files.createFile(temp, PosixFilePermissions.asFileAttribute(mode));
        Files.setPosixFilePermissions(temp, mode);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (durable) {
                channel.force(true);
            }
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        if (durable) {
            sync(target.toAbsolutePath().getParent());
        }
    }

    /** Forces a folder's entries (renames into it) to disk. */
    static void sync(Path folder) throws IOException {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Creates {@code folder} (and its parents) and gives it {@code mode}. */
    static void folder(Path folder, Set<PosixFilePermission> mode) throws IOException {
        Files.createDirectories(folder);
        Files.setPosixFilePermissions(folder, mode);
    }
}
