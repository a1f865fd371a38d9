package cat.smartregion.gateway.api.profile;

/**
 * How a point's raw bytes encode its value. {@link #registers()} is the size in 16-bit registers;
 * a {@link #STRING}'s size is the point's own ({@link PointSpec#length()}).
 */
public enum DataType {
    INT16(1), UINT16(1), INT32(2), UINT32(2), INT64(4), UINT64(4), FLOAT32(2), FLOAT64(4),
    /** A boolean: a coil or discrete input, or one bit of a register (the address names the bit). */
    BIT(1),
    /** Text: ASCII characters, two per register, first in the high byte (BADC swaps them), NUL or space padded. */
    STRING(0),
    /**
     * A number written as text ({@code 63.2}, {@code -4}, {@code 1.5e3}): a capture of a serial line
     * protocol, a CoAP text or SenML value: one value, whatever the length of its text. Not for Modbus.
     */
    DECIMAL(1);

    private final int registers;

    DataType(int registers) {
        this.registers = registers;
    }

    /** Size in 16-bit registers (one value for {@link #DECIMAL}); 0 for {@link #STRING}, whose size the point gives. */
    public int registers() {
        return registers;
    }

    public int bytes() {
        return registers * 2;
    }

    /** Whether the value is a number (scale, offset, unit conversion and range apply). */
    public boolean numeric() {
        return this != BIT && this != STRING;
    }
}
