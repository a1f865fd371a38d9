package cat.smartregion.gateway.core.internal.decode;

import cat.smartregion.gateway.api.profile.WordOrder;

/**
 * Puts wire bytes back into big-endian order. Registers are 16-bit words; for a value of n words:
 * ABCD is big-endian already, CDAB has its words in reverse order, BADC has the two bytes of each
 * word swapped, DCBA is fully little-endian (both).
 */
final class WireOrder {

    private WireOrder() {
    }

    static byte[] toBigEndian(byte[] wire, WordOrder order) {
        return switch (order) {
            case ABCD -> wire.clone();
            case CDAB -> reverseWords(wire);
            case BADC -> swapBytesInWords(wire);
            case DCBA -> reverseBytes(wire);
        };
    }

    private static byte[] reverseWords(byte[] wire) {
        byte[] out = new byte[wire.length];
        int words = wire.length / 2;
        for (int w = 0; w < words; w++) {
            out[2 * w] = wire[2 * (words - 1 - w)];
            out[2 * w + 1] = wire[2 * (words - 1 - w) + 1];
        }
        return out;
    }

    private static byte[] swapBytesInWords(byte[] wire) {
        byte[] out = new byte[wire.length];
        for (int i = 0; i + 1 < wire.length; i += 2) {
            out[i] = wire[i + 1];
            out[i + 1] = wire[i];
        }
        return out;
    }

    private static byte[] reverseBytes(byte[] wire) {
        byte[] out = new byte[wire.length];
        for (int i = 0; i < wire.length; i++) {
            out[i] = wire[wire.length - 1 - i];
        }
        return out;
    }
}
