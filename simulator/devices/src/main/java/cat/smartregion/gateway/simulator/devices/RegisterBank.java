package cat.smartregion.gateway.simulator.devices;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A device of known contents for tests: sparse holding and input registers, coils and discrete
 * inputs. Addresses not set answer illegal data address (exception 02), also inside a range.
 * Thread-safe: a test may change values while a slave serves them.
 */
public final class RegisterBank {

    private final Map<Integer, Integer> holding = new ConcurrentSkipListMap<>();
    private final Map<Integer, Integer> input = new ConcurrentSkipListMap<>();
    private final Map<Integer, Boolean> coils = new ConcurrentSkipListMap<>();
    private final Map<Integer, Boolean> discretes = new ConcurrentSkipListMap<>();

    /** Sets holding registers from the address on; returns this bank. */
    public RegisterBank holding(int address, int... words) {
        put(holding, address, words);
        return this;
    }

    /** Sets input registers from the address on; returns this bank. */
    public RegisterBank input(int address, int... words) {
        put(input, address, words);
        return this;
    }

    /** Sets coils from the address on; returns this bank. */
    public RegisterBank coils(int address, boolean... bits) {
        for (int i = 0; i < bits.length; i++) {
            coils.put(address + i, bits[i]);
        }
        return this;
    }

    /** Sets discrete inputs from the address on; returns this bank. */
    public RegisterBank discretes(int address, boolean... bits) {
        for (int i = 0; i < bits.length; i++) {
            discretes.put(address + i, bits[i]);
        }
        return this;
    }

    /** A float32 in two holding registers, high word first. */
    public RegisterBank holdingFloat(int address, float value) {
        int bits = Float.floatToIntBits(value);
        return holding(address, bits >>> 16, bits & 0xFFFF);
    }

    /** A float32 in two input registers, high word first. */
    public RegisterBank inputFloat(int address, float value) {
        int bits = Float.floatToIntBits(value);
        return input(address, bits >>> 16, bits & 0xFFFF);
    }

    /** ASCII text in holding registers, two characters each, first character in the high byte, NUL padded. */
    public RegisterBank holdingText(int address, String text, int registers) {
        ByteBuffer bytes = ByteBuffer.allocate(registers * 2);
        byte[] ascii = text.getBytes(StandardCharsets.US_ASCII);
        bytes.put(ascii, 0, Math.min(ascii.length, registers * 2));
        int[] words = new int[registers];
        for (int i = 0; i < registers; i++) {
            words[i] = bytes.getShort(2 * i) & 0xFFFF;
        }
        return holding(address, words);
    }

    private static void put(Map<Integer, Integer> table, int address, int[] words) {
        for (int i = 0; i < words.length; i++) {
            if (words[i] < 0 || words[i] > 0xFFFF) {
                throw new IllegalArgumentException("register value " + words[i] + " outside 0-65535");
            }
            table.put(address + i, words[i]);
        }
    }

    Map<Integer, Integer> holding() {
        return holding;
    }

    Map<Integer, Integer> input() {
        return input;
    }

    Map<Integer, Boolean> coils() {
        return coils;
    }

    Map<Integer, Boolean> discretes() {
        return discretes;
    }
}
