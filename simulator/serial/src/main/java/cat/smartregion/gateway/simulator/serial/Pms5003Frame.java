package cat.smartregion.gateway.simulator.serial;

/**
 * The 32-byte active-mode frame of a Plantower PMS5003: {@code 42 4D}, frame length 28
 * (big-endian, counts the 13 data words and the check code), 13 big-endian 16-bit data words
 * (12 values and a reserved word), and the check code: the 16-bit sum of the 30 bytes before it,
 * big-endian.
 */
public final class Pms5003Frame {

    /** Total bytes of a frame. */
    public static final int SIZE = 32;

    private Pms5003Frame() {
    }

    public static byte[] encode(ParticleSample sample) {
        byte[] frame = new byte[SIZE];
        frame[0] = 0x42;
        frame[1] = 0x4D;
        putShort(frame, 2, 28);
        int[] values = sample.values();
        for (int i = 0; i < values.length; i++) {
            putShort(frame, 4 + 2 * i, values[i]);
        }
        putShort(frame, 28, 0x9700); // reserved word: version and error code
        putShort(frame, 30, checksum(frame));
        return frame;
    }

    /** The 16-bit sum of the bytes before the check code. */
    public static int checksum(byte[] frame) {
        int sum = 0;
        for (int i = 0; i < SIZE - 2; i++) {
            sum += frame[i] & 0xFF;
        }
        return sum & 0xFFFF;
    }

    private static void putShort(byte[] frame, int offset, int value) {
        frame[offset] = (byte) (value >> 8);
        frame[offset + 1] = (byte) value;
    }
}
