package cat.smartregion.gateway.simulator.devices.profile;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One numeric Modbus point of a profile as the simulator serves it.
 *
 * @param name        the point name
 * @param quantity    the quantity, for the canonical unit
 * @param holding     holding register (function 03) rather than input register (04)
 * @param address     0-based address of the first register
 * @param type        int16, uint16, int32, uint32, int64, uint64, float32 or float64
 * @param order       ABCD, CDAB, BADC or DCBA
 * @param scale       value = raw x scale + offset, in {@code unit}
 * @param offset      see scale
 * @param unit        the device's unit
 * @param min         smallest plausible value in the canonical unit
 * @param max         largest plausible value in the canonical unit
 * @param scaleFactor the holding register of a SunSpec scale factor, if any
 */
public record ProfilePoint(String name, String quantity, boolean holding, int address, String type, String order,
                           double scale, double offset, String unit, double min, double max, OptionalInt scaleFactor) {

    public ProfilePoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(scaleFactor, "scaleFactor");
        RegisterCodec.registers(type);
        RegisterCodec.checkOrder(order);
        if (address < 0 || address + RegisterCodec.registers(type) > 0x10000) {
            throw new IllegalArgumentException("point " + name + ": address " + address + " outside 0-65535");
        }
        if (scale == 0 || !Double.isFinite(scale) || !Double.isFinite(offset)) {
            throw new IllegalArgumentException("point " + name + ": scale " + scale + ", offset " + offset);
        }
        if (!(min <= max)) {
            throw new IllegalArgumentException("point " + name + ": range [" + min + ", " + max + "]");
        }
    }

    /** Registers the value takes. */
    public int registers() {
        return RegisterCodec.registers(type);
    }
}
