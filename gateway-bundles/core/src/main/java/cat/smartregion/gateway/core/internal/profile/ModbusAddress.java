package cat.smartregion.gateway.core.internal.profile;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Modbus address as profiles write it: table, 0-based protocol address in hex or decimal, and
 * for a bit inside a register its number after a dot (0 = least significant): {@code input:0x0000},
 * {@code holding:40001}, {@code coil:3}, {@code discrete:0x10}, {@code holding:100.3}. Only syntax:
 * the Modbus driver does the reading.
 *
 * @param table   {@code input}, {@code holding}, {@code coil} or {@code discrete}
 * @param address 0-based address
 * @param bit     bit number 0-15 within a register, or -1 for a whole register or a coil
 */
record ModbusAddress(String table, int address, int bit) {

    static final int LAST = 0xFFFF;
    private static final Pattern SYNTAX = Pattern.compile(
            "(input|holding|coil|discrete):(0[xX][0-9A-Fa-f]{1,4}|[0-9]{1,5})(?:\\.([0-9]{1,2}))?");

    /** The address, or empty when the text is not a Modbus address. */
    static Optional<ModbusAddress> parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String number = m.group(2).toLowerCase(Locale.ROOT);
        int address = number.startsWith("0x") ? Integer.parseInt(number.substring(2), 16) : Integer.parseInt(number);
        int bit = m.group(3) == null ? -1 : Integer.parseInt(m.group(3));
        boolean bitTable = m.group(1).equals("coil") || m.group(1).equals("discrete");
        if (address > LAST || bit > 15 || bitTable && bit >= 0) {
            return Optional.empty();
        }
        return Optional.of(new ModbusAddress(m.group(1), address, bit));
    }

    /** Whether the table holds single bits rather than registers. */
    boolean bitTable() {
        return table.equals("coil") || table.equals("discrete");
    }

    /** Whether {@code registers} registers from this address stay within the 16-bit address space. */
    boolean fits(int registers) {
        return address + registers - 1 <= LAST;
    }
}
