package cat.smartregion.gateway.driver.modbus.internal;

import java.util.Arrays;
import java.util.Locale;

/**
 * The four Modbus data tables a point can live in, with the read function of each. Register
 * tables carry 16-bit words, bit tables single bits; the protocol limits how many of either one
 * request may read.
 */
enum Table {
    COIL("coil", 1, false, 2000),
    DISCRETE("discrete", 2, false, 2000),
    HOLDING("holding", 3, true, 125),
    INPUT("input", 4, true, 125);

    private final String prefix;
    private final int function;
    private final boolean registers;
    private final int protocolLimit;

    Table(String prefix, int function, boolean registers, int protocolLimit) {
        this.prefix = prefix;
        this.function = function;
        this.registers = registers;
        this.protocolLimit = protocolLimit;
    }

    static Table named(String prefix) {
        String wanted = prefix.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.prefix.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown Modbus table '" + prefix
                        + "', expected input, holding, coil or discrete"));
    }

    String prefix() {
        return prefix;
    }

    /** The Modbus function code that reads this table. */
    int function() {
        return function;
    }

    /** Whether the table holds 16-bit registers rather than bits. */
    boolean holdsRegisters() {
        return registers;
    }

    /** Most registers or bits one request may read, by the Modbus specification. */
    int protocolLimit() {
        return protocolLimit;
    }

    /**
     * One point's raw bytes out of a block's data. Registers: 2 bytes per register, big-endian, in
     * wire order. Bits (given one byte per bit): packed as on the wire, first bit in the low bit.
     */
    byte[] slice(byte[] blockData, int offset, int length) {
        if (registers) {
            return Arrays.copyOfRange(blockData, offset * 2, (offset + length) * 2);
        }
        byte[] packed = new byte[(length + 7) / 8];
        for (int i = 0; i < length; i++) {
            if (blockData[offset + i] != 0) {
                packed[i / 8] |= (byte) (1 << (i % 8));
            }
        }
        return packed;
    }
}
