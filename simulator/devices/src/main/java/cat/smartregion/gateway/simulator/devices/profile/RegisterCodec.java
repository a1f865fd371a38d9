package cat.smartregion.gateway.simulator.devices.profile;

import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Writes a raw number as Modbus register words: big-endian bytes of the type, then put on the wire
 * in the profile's order (ABCD as is, CDAB words reversed, BADC bytes of each word swapped, DCBA
 * all bytes reversed). Written here from the profile format's description, not taken from the gateway.
 */
final class RegisterCodec {

    private static final Map<String, Integer> REGISTERS = Map.of("int16", 1, "uint16", 1, "int32", 2, "uint32", 2,
            "float32", 2, "int64", 4, "uint64", 4, "float64", 4);

    /** Largest integer a double holds exactly: int64 values stay below it so the test compares exactly. */
    private static final double EXACT = 9.0e15;

    private RegisterCodec() {
    }

    static int registers(String type) {
        Integer registers = REGISTERS.get(type);
        if (registers == null) {
            throw new IllegalArgumentException("not a numeric register type: " + type);
        }
        return registers;
    }

    static void checkOrder(String order) {
        if (!order.matches("ABCD|CDAB|BADC|DCBA")) {
            throw new IllegalArgumentException("unknown order " + order);
        }
    }

    static boolean isFloat(String type) {
        return type.startsWith("float");
    }

    /** The smallest raw value of the type. */
    static double rawMin(String type) {
        return switch (type) {
            case "int16" -> Short.MIN_VALUE;
            case "int32" -> Integer.MIN_VALUE;
            case "uint16", "uint32", "uint64" -> 0;
            case "float32" -> -Float.MAX_VALUE;
            default -> -EXACT;
        };
    }

    /** The largest raw value of the type. */
    static double rawMax(String type) {
        return switch (type) {
            case "int16" -> Short.MAX_VALUE;
            case "uint16" -> 0xFFFF;
            case "int32" -> Integer.MAX_VALUE;
            case "uint32" -> 0xFFFF_FFFFL;
            case "float32" -> Float.MAX_VALUE;
            default -> EXACT;
        };
    }

    /** The raw value as the register words on the wire, each 0-65535. */
    static int[] words(double raw, String type, String order) {
        ByteBuffer bytes = ByteBuffer.allocate(registers(type) * 2);
        switch (type) {
            case "int16", "uint16" -> bytes.putShort((short) (long) raw);
            case "int32", "uint32" -> bytes.putInt((int) (long) raw);
            case "float32" -> bytes.putFloat((float) raw);
            case "float64" -> bytes.putDouble(raw);
            default -> bytes.putLong((long) raw);
        }
        byte[] wire = onWire(bytes.array(), order);
        int[] words = new int[wire.length / 2];
        for (int i = 0; i < words.length; i++) {
            words[i] = (wire[2 * i] & 0xFF) << 8 | wire[2 * i + 1] & 0xFF;
        }
        return words;
    }

    private static byte[] onWire(byte[] bigEndian, String order) {
        byte[] wire = new byte[bigEndian.length];
        int words = bigEndian.length / 2;
        for (int i = 0; i < words; i++) {
            int word = order.equals("CDAB") || order.equals("DCBA") ? words - 1 - i : i;
            boolean swap = order.equals("BADC") || order.equals("DCBA");
            wire[2 * i] = bigEndian[2 * word + (swap ? 1 : 0)];
            wire[2 * i + 1] = bigEndian[2 * word + (swap ? 0 : 1)];
        }
        return wire;
    }
}
