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
 * @param platform    the Sentilo sensor type, data type and unit and the Smart Data Models attribute;
 *                    {@link PlatformMapping#NONE} only for points made in code
 * @param ct          whether the device measures the point through a current transformer, so that the
 *                    installation's {@code ctRatio} multiplies its value and range
 * @param derivation  how a derived point is computed from another point ({@link Derivation#NONE} for a
 *                    point read from the device); a derived point has an empty address, type
 *                    {@link DataType#FLOAT64} (nominal: nothing is read), scale 1 and offset 0
 */
public record PointSpec(String name, String description, String quantity, String address,
                        DataType type, WordOrder order, double scale, double offset,
                        String unit, Range range, Priority priority, int length, String scaleFactor,
                        PlatformMapping platform, boolean ct, Derivation derivation) {

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
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(derivation, "derivation");
        if (!Double.isFinite(scale) || scale == 0 || !Double.isFinite(offset)) {
            throw new IllegalArgumentException("point " + name + ": scale must be finite and non-zero, offset finite");
        }
        if (type == DataType.STRING ? length < 1 : length != type.registers()) {
            throw new IllegalArgumentException("point " + name + ": length " + length + " does not fit type " + type);
        }
        if (!scaleFactor.isEmpty() && !type.numeric()) {
            throw new IllegalArgumentException("point " + name + ": a scale factor scales numbers only, not " + type);
        }
        if (ct && (!type.numeric() || derivation.derived())) {
            throw new IllegalArgumentException("point " + name + ": only a number read from the device is measured "
                    + "through a current transformer");
        }
        if (derivation.derived() && (!address.isEmpty() || type != DataType.FLOAT64 || scale != 1 || offset != 0
                || !scaleFactor.isEmpty())) {
            throw new IllegalArgumentException("point " + name + ": a derived point has no address, type float64, "
                    + "scale 1, offset 0 and no scale factor");
        }
    }

    /** A point without platform mapping, current transformer or derivation, e.g. made in code. */
    public PointSpec(String name, String description, String quantity, String address, DataType type, WordOrder order,
                     double scale, double offset, String unit, Range range, Priority priority, int length,
                     String scaleFactor) {
        this(name, description, quantity, address, type, order, scale, offset, unit, range, priority, length,
                scaleFactor, PlatformMapping.NONE, false, Derivation.NONE);
    }

    /** A point of a fixed-size type without scale-factor register. */
    public PointSpec(String name, String description, String quantity, String address, DataType type, WordOrder order,
                     double scale, double offset, String unit, Range range, Priority priority) {
        this(name, description, quantity, address, type, order, scale, offset, unit, range, priority, type.registers(), "");
    }

    /** A point computed from another point of the profile rather than read. */
    public static PointSpec derived(String name, String description, String quantity, String unit, Range range,
                                    Priority priority, PlatformMapping platform, Derivation derivation) {
        return new PointSpec(name, description, quantity, "", DataType.FLOAT64, WordOrder.ABCD, 1, 0, unit, range,
                priority, DataType.FLOAT64.registers(), "", platform, false, derivation);
    }

    /** Whether the point is computed from another point rather than read. */
    public boolean derived() {
        return derivation.derived();
    }

    /** The same point with another scale, e.g. the installation's scale override applied. */
    public PointSpec withScale(double newScale) {
        return new PointSpec(name, description, quantity, address, type, order, newScale, offset, unit, range, priority,
                length, scaleFactor, platform, ct, derivation);
    }

    /** The same point with another plausible range, e.g. widened by a current transformer's ratio. */
    public PointSpec withRange(Range newRange) {
        return new PointSpec(name, description, quantity, address, type, order, scale, offset, unit, newRange, priority,
                length, scaleFactor, platform, ct, derivation);
    }
}
