package cat.smartregion.gateway.driver.modbus.internal;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** Bytes that "arrived" on a line, for the framing tests; records what was written. */
final class BytesLink implements Link {

    private final byte[] incoming;
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private int position;

    BytesLink(int... bytes) {
        incoming = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            incoming[i] = (byte) bytes[i];
        }
    }

    @Override
    public void open() {
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public void write(byte[] frame) {
        written.writeBytes(frame);
    }

    @Override
    public int read(byte[] buffer, int offset, int length, long deadline) {
        int n = Math.min(length, incoming.length - position);
        System.arraycopy(incoming, position, buffer, offset, n);
        position += n;
        return n;
    }

    @Override
    public int discard() {
        int n = incoming.length - position;
        position = incoming.length;
        return n;
    }

    @Override
    public void close() {
    }

    @Override
    public String describe() {
        return "bytes";
    }

    byte[] written() {
        return written.toByteArray();
    }

    byte[] left() {
        return Arrays.copyOfRange(incoming, position, incoming.length);
    }
}
