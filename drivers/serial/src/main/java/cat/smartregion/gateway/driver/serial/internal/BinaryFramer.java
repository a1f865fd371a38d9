package cat.smartregion.gateway.driver.serial.internal;

import java.util.Arrays;

/**
 * Binary frames: finds the header, waits for the frame's length, checks it; bytes before a header
 * are garbage (one broken report per run of them), a frame whose length or check fails is broken
 * and the search for a header goes on from its second byte, so a truncated frame followed by a good
 * one costs only the truncated one.
 */
final class BinaryFramer implements Framer {

    private final BinaryFormat format;
    private final byte[] header;
    private byte[] buffer = new byte[512];
    private int size;

    BinaryFramer(BinaryFormat format) {
        this.format = format;
        this.header = format.header();
    }

    @Override
    public void accept(byte[] bytes, int length, FrameListener listener) {
        if (size + length > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + length));
        }
        System.arraycopy(bytes, 0, buffer, size, length);
        size += length;
        while (next(listener)) {
            // one frame, broken frame or run of garbage per turn
        }
    }

    /** Takes one frame or one broken frame from the front of the buffer; false when more bytes are needed. */
    private boolean next(FrameListener listener) {
        int start = headerAt();
        if (start > 0) {
            drop(start);
            listener.broken(start + " bytes of garbage before a header");
        }
        if (size == 0 || size < format.lengthKnownAfter()) {
            return false;
        }
        int total = format.totalLength(buffer);
        if (total <= header.length || total > format.maxLength() || format.checkAt(total) + format.checksum().size() > total) {
            drop(1);
            listener.broken("impossible frame length " + total);
            return true;
        }
        if (size < total) {
            return false;
        }
        byte[] frame = Arrays.copyOf(buffer, total);
        if (!format.checksum().matches(frame, format.checkAt(total))) {
            drop(1);
            listener.broken("checksum mismatch in a frame of " + total + " bytes");
            return true;
        }
        drop(total);
        listener.frame(new BinaryFrame(frame));
        return true;
    }

    /** Where the first header starts (possibly partial, at the end of the bytes); the size when none does. */
    private int headerAt() {
        for (int i = 0; i < size; i++) {
            if (headerMatches(i)) {
                return i;
            }
        }
        return size;
    }

    private boolean headerMatches(int at) {
        for (int j = 0; j < header.length && at + j < size; j++) {
            if (buffer[at + j] != header[j]) {
                return false;
            }
        }
        return true;
    }

    private void drop(int count) {
        System.arraycopy(buffer, count, buffer, 0, size - count);
        size -= count;
    }

    @Override
    public void reset() {
        size = 0;
    }
}
