package cat.smartregion.gateway.simulator.devices;

import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The values a meter serves at one instant, keyed by the input register address of each float32.
 *
 * @param time   when the meter computed them
 * @param values float32 values by register address (high word), in address order
 */
public record MeterSnapshot(Instant time, SortedMap<Integer, Float> values) {

    public MeterSnapshot {
        Objects.requireNonNull(time, "time");
        values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    /**
     * The value whose high word is at the address.
     *
     * @throws IllegalArgumentException when the meter defines no value there
     */
    public float value(int address) {
        Float value = values.get(address);
        if (value == null) {
            throw new IllegalArgumentException("no value at register " + address);
        }
        return value;
    }

    /** Whether the register holds half of a value. */
    public boolean defines(int register) {
        return word(register).isPresent();
    }

    /** The 16-bit content of one register as served on the wire (float32 big-endian, high word first). */
    public OptionalInt word(int register) {
        Float high = values.get(register);
        if (high != null) {
            return OptionalInt.of(Float.floatToIntBits(high) >>> 16);
        }
        Float low = values.get(register - 1);
        if (low != null) {
            return OptionalInt.of(Float.floatToIntBits(low) & 0xFFFF);
        }
        return OptionalInt.empty();
    }
}
