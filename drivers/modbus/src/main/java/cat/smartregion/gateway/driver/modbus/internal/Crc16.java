package cat.smartregion.gateway.driver.modbus.internal;

/** The CRC-16 of Modbus RTU frames (polynomial 0xA001 reflected, initial 0xFFFF), sent low byte first. */
final class Crc16 {

    private static final int[] TABLE = table();

    private Crc16() {
    }

    static int of(byte[] data, int offset, int length) {
        int crc = 0xFFFF;
        for (int i = offset; i < offset + length; i++) {
            crc = (crc >>> 8) ^ TABLE[(crc ^ data[i]) & 0xFF];
        }
        return crc;
    }

    /** Whether the last two bytes of the frame are the CRC of the bytes before them. */
    static boolean matches(byte[] frame, int length) {
        int crc = of(frame, 0, length - 2);
        return (frame[length - 2] & 0xFF) == (crc & 0xFF) && (frame[length - 1] & 0xFF) == crc >>> 8;
    }

    private static int[] table() {
        int[] table = new int[256];
        for (int i = 0; i < 256; i++) {
            int crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
            table[i] = crc;
        }
        return table;
    }
}
