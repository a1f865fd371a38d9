package cat.smartregion.gateway.api.profile;

/** How a point's raw bytes encode a number. {@link #registers()} is the size in 16-bit registers. */
public enum DataType {
    INT16(1), UINT16(1), INT32(2), UINT32(2), INT64(4), UINT64(4), FLOAT32(2), FLOAT64(4);

    private final int registers;

    DataType(int registers) {
        this.registers = registers;
    }

    public int registers() {
        return registers;
    }

    public int bytes() {
        return registers * 2;
    }
}
