package cat.smartregion.gateway.simulator.devices;

import java.util.Objects;

/**
 * One value of a meter's register map: a float32 in two input registers, high word first.
 *
 * @param address 0-based input register address of the high word
 * @param name    what the value is, as the vendor's manual names it
 * @param unit    unit of the value, {@code "-"} for ratios
 */
public record MeterRegister(int address, String name, String unit) {

    public MeterRegister {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        if (address < 0 || address > 0xFFFE) {
            throw new IllegalArgumentException("register address out of range: " + address);
        }
    }
}
