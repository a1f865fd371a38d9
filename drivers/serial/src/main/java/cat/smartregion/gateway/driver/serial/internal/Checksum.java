package cat.smartregion.gateway.driver.serial.internal;

import java.util.Locale;

/** How a binary frame checks itself: over the bytes before the check field. */
enum Checksum {
    /** No check. */
    NONE(0),
    /** 8-bit sum of the bytes. */
    SUM8(1),
    /** 16-bit sum of the bytes, stored big-endian (Plantower PMS5003, PMS7003). */
    SUM16(2),
    /** CRC-16/MODBUS (poly 0xA001 reflected, init 0xFFFF), stored low byte first. */
    CRC16_MODBUS(2);

    private final int size;

    Checksum(int size) {
        this.size = size;
    }

    /** Bytes of the check field. */
    int size() {
        return size;
    }

    static Checksum parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "none" -> NONE;
            case "sum8" -> SUM8;
            case "sum16" -> SUM16;
            case "crc16-modbus" -> CRC16_MODBUS;
            default -> throw new IllegalArgumentException("unknown checksum '" + text
                    + "' (expected none, sum8, sum16 or crc16-modbus)");
        };
    }

    /** Whether the check field at {@code at} matches the bytes {@code [0, at)} of the frame. */
    boolean matches(byte[] frame, int at) {
        return switch (this) {
            case NONE -> true;
            case SUM8 -> (sum(frame, at) & 0xFF) == (frame[at] & 0xFF);
            case SUM16 -> (sum(frame, at) & 0xFFFF) == ((frame[at] & 0xFF) << 8 | frame[at + 1] & 0xFF);
            case CRC16_MODBUS -> crc16(frame, at) == ((frame[at] & 0xFF) | (frame[at + 1] & 0xFF) << 8);
        };
    }

    private static int sum(byte[] frame, int end) {
        int sum = 0;
        for (int i = 0; i < end; i++) {
            sum += frame[i] & 0xFF;
        }
        return sum;
    }

    private static int crc16(byte[] frame, int end) {
        int crc = 0xFFFF;
        for (int i = 0; i < end; i++) {
            crc ^= frame[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
        }
        return crc;
    }
}
