package cat.smartregion.gateway.driver.modbus.internal;

import java.util.Objects;

/**
 * Where a point lives: {@code <table>:<address>} with a 0-based address in decimal or {@code 0x}
 * hexadecimal, e.g. {@code input:0x0046}, and how many registers (or bits) it spans.
 *
 * @param table   the data table
 * @param start   0-based address of the first register or bit
 * @param length  registers (register tables) or bits (bit tables)
 */
record PointAddress(Table table, int start, int length) {

    private static final int ADDRESS_SPACE = 0x10000;

    PointAddress {
        Objects.requireNonNull(table, "table");
        if (start < 0 || start >= ADDRESS_SPACE) {
            throw new IllegalArgumentException("address " + start + " outside 0-65535");
        }
        if (length < 1 || length > table.protocolLimit()) {
            throw new IllegalArgumentException("length " + length + " outside 1-" + table.protocolLimit() + " for " + table.prefix());
        }
        if (start + length > ADDRESS_SPACE) {
            throw new IllegalArgumentException("address " + start + " + length " + length + " runs past 65535");
        }
    }

    /**
     * Parses {@code <table>:<address>}; a register address may name one of its bits after a dot
     * ({@code holding:100.3}), which the decoder picks: the whole register is read.
     *
     * @throws IllegalArgumentException naming the address when it is malformed
     */
    static PointAddress parse(String address, int length) {
        int colon = address.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("Modbus address '" + address + "' is not <table>:<address>, e.g. input:0x0046");
        }
        try {
            Table table = Table.named(address.substring(0, colon).trim());
            String number = address.substring(colon + 1).trim();
            int dot = number.indexOf('.');
            if (dot >= 0) {
                int bit = number(number.substring(dot + 1));
                if (!table.holdsRegisters() || bit > 15) {
                    throw new IllegalArgumentException("a bit number 0-15 follows register addresses only");
                }
                number = number.substring(0, dot);
            }
            return new PointAddress(table, number(number), length);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Modbus address '" + address + "': " + e.getMessage(), e);
        }
    }

    private static int number(String text) {
        boolean hex = text.startsWith("0x") || text.startsWith("0X");
        try {
            return Integer.parseInt(hex ? text.substring(2) : text, hex ? 16 : 10);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a decimal or 0x-hex number");
        }
    }

    /** First address after the point. */
    int end() {
        return start + length;
    }
}
