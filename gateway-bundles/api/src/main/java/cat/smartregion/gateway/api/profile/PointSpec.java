package cat.smartregion.gateway.api.profile;

import cat.smartregion.gateway.api.Priority;
import java.util.Objects;

/**
 * One point of a device model: where to read it, how to decode it and what it means.
 *
 * @param name        point name, unique in the profile (Smart Data Models attribute by default)
 * @param description human description, used in the platform catalog
 * @param quantity    quantity name from the quantity table
 * @param address     address in the protocol's syntax, e.g. {@code input:0x0000} for Modbus
 * @param type        how the raw bytes encode the number
 * @param order       byte and word order
 * @param scale       multiplier applied to the raw number
 * @param offset      added after scaling
 * @param unit        the device's unit after scale and offset, converted to the canonical unit
 * @param range       plausible values in the canonical unit
 * @param priority    how long the buffer keeps the point's readings when it is full
 * @param length      size in the protocol's units (16-bit registers for Modbus); the type's size
 *                    except for {@link DataType#STRING}
 * @param scaleFactor address of a signed 16-bit power-of-ten exponent read with the value, which
 *                    then scales it by 10^exponent (SunSpec {@code *_SF} registers); empty when none
 */
public record PointSpec(String name, String description, String quantity, String address,
                        DataType type, WordOrder order, double scale, double offset,
                        String unit, Range range, Priority priority, int length, String scaleFactor) {

    public PointSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(scaleFactor, "scaleFactor");
        if (!Double.isFinite(scale) || scale == 0 || !Double.isFinite(offset)) {
            throw new IllegalArgumentException("point " + name + ": scale must be finite and non-zero, offset finite");
        }
        if (type == DataType.STRING ? length < 1 : length != type.registers()) {
            throw new IllegalArgumentException("point " + name + ": length " + length + " does not fit type " + type);
        }
        if (!scaleFactor.isEmpty() && !type.numeric()) {
            throw new IllegalArgumentException("point " + name + ": a scale factor scales numbers only, not " + type);
        }
    }

    /** A point of a fixed-size type without scale-factor register. */
    public PointSpec(String name, String description, String quantity, String address, DataType type, WordOrder order,
                     double scale, double offset, String unit, Range range, Priority priority) {
        this(name, description, quantity, address, type, order, scale, offset, unit, range, priority, type.registers(), "");
    }
}
