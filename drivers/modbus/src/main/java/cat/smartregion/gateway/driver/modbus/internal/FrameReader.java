package cat.smartregion.gateway.driver.modbus.internal;

import java.io.IOException;

/**
 * Reads frames off a {@link Link} with deadlines, buffering what one read brings so that a frame
 * costs one or two system calls rather than one per byte. Belongs to one {@link Line}.
 */
final class FrameReader {

    private final Link link;
    private final byte[] buffer = new byte[1024];
    private int position;
    private int limit;

    FrameReader(Link link) {
        this.link = link;
    }

    /**
     * Reads {@code length} bytes into {@code target}.
     *
     * @return how many arrived before the deadline: {@code length} when the bytes are complete
     */
    int readFully(byte[] target, int offset, int length, long deadline) throws IOException {
        int got = 0;
        while (got < length) {
            if (position == limit && !fill(deadline)) {
                return got;
            }
            int n = Math.min(length - got, limit - position);
            System.arraycopy(buffer, position, target, offset + got, n);
            position += n;
            got += n;
        }
        return got;
    }

    /** One byte, or -1 when none arrived before the deadline. */
    int readByte(long deadline) throws IOException {
        if (position == limit && !fill(deadline)) {
            return -1;
        }
        return buffer[position++] & 0xFF;
    }

    /** Drops what is buffered and what waits on the link; returns the count. */
    int discard() throws IOException {
        int dropped = limit - position;
        position = 0;
        limit = 0;
        return dropped + link.discard();
    }

    /**
     * Reads and drops bytes until none has come for {@code quietNanos}, or until the limit passes:
     * the rest of a garbled answer must not be taken for the start of the next.
     */
    int awaitSilence(long quietNanos, long limitDeadline) throws IOException {
        int dropped = discard();
        while (System.nanoTime() - limitDeadline < 0) {
            long until = Math.min(System.nanoTime() + quietNanos, limitDeadline);
            int n = link.read(buffer, 0, buffer.length, until);
            if (n == 0) {
                break;
            }
            dropped += n;
        }
        return dropped;
    }

    /** Forgets the buffer, e.g. when the link was closed. */
    void reset() {
        position = 0;
        limit = 0;
    }

    private boolean fill(long deadline) throws IOException {
        position = 0;
        limit = link.read(buffer, 0, buffer.length, deadline);
        return limit > 0;
    }
}
