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
 */
public record PointSpec(String name, String description, String quantity, String address,
                        DataType type, WordOrder order, double scale, double offset,
                        String unit, Range range, Priority priority) {

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
        if (!Double.isFinite(scale) || scale == 0 || !Double.isFinite(offset)) {
            throw new IllegalArgumentException("point " + name + ": scale must be finite and non-zero, offset finite");
        }
    }
}
