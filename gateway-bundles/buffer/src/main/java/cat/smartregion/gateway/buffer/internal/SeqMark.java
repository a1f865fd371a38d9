package cat.smartregion.gateway.buffer.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The sidecar file {@code <database>.seq}: a high-water mark that survives the loss of the database.
 * It holds a sequence number at or above every number ever given ({@code reserved}), and whether the
 * buffer is open (so a missing WAL after an unclean stop is noticed). The buffer reserves
 * {@value #RESERVE_AHEAD} numbers at a time, so the file is written once per that many readings and
 * at open and close: one small in-place write, forced to disk. After a lost database the sequence
 * continues above {@code reserved}. Not thread-safe: used under the buffer's lock.
 */
final class SeqMark {

    static final long RESERVE_AHEAD = 100_000;

    private static final int LENGTH = 64;
    private static final String OPEN = "open";
    private static final String CLOSED = "closed";

    private final Path file;
    private long reserved;
    private boolean open;

    private SeqMark(Path file, long reserved, boolean open) {
        this.file = file;
        this.reserved = reserved;
        this.open = open;
    }

    /** The mark as found on disk; none (0, closed) when missing or unreadable. */
    static SeqMark load(Path file) {
        try {
            String[] words = Files.readString(file, StandardCharsets.US_ASCII).trim().split(" ");
            if (words.length == 3 && words[0].equals("reserved") && (words[2].equals(OPEN) || words[2].equals(CLOSED))) {
                return new SeqMark(file, Long.parseLong(words[1]), words[2].equals(OPEN));
            }
        } catch (IOException | NumberFormatException e) {
            // missing or unreadable: no mark
        }
        return new SeqMark(file, 0, false);
    }

    long reserved() {
        return reserved;
    }

    /** Whether the buffer was open when the file was last written: it did not stop cleanly. */
    boolean wasOpen() {
        return open;
    }

    /** Makes sure numbers up to {@code upTo} are covered, reserving ahead; writes only when needed. */
    void reserve(long upTo) throws IOException {
        if (upTo > reserved) {
            write(upTo + RESERVE_AHEAD, open);
        }
    }

    void markOpen(long lastSeq) throws IOException {
        write(Math.max(reserved, lastSeq + RESERVE_AHEAD), true);
    }

    void markClosed() throws IOException {
        write(reserved, false);
    }

    private void write(long newReserved, boolean newOpen) throws IOException {
        byte[] line = new byte[LENGTH];
        Arrays.fill(line, (byte) ' ');
        byte[] text = ("reserved " + newReserved + " " + (newOpen ? OPEN : CLOSED)).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, line, 0, text.length);
        line[LENGTH - 1] = '\n';
        boolean created = !Files.exists(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) {
                channel.write(buffer, buffer.position());
            }
            channel.force(true);
        }
        if (created) {
            forceFolder(file.toAbsolutePath().getParent());
        }
        reserved = newReserved;
        open = newOpen;
    }

    private static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some file systems cannot sync a folder; the file itself is synced.
        }
    }
}
