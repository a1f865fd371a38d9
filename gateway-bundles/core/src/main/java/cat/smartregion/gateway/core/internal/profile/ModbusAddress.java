package cat.smartregion.gateway.core.internal.profile;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Modbus register address as profiles write it: {@code input:0x0000} or {@code holding:40001},
 * table then 0-based protocol address, hex or decimal. Only syntax: the Modbus driver does the reading.
 */
record ModbusAddress(String table, int address) {

    static final int LAST = 0xFFFF;
    private static final Pattern SYNTAX = Pattern.compile("(input|holding):(0[xX][0-9A-Fa-f]{1,4}|[0-9]{1,5})");

    /** The address, or empty when the text is not a register address. */
    static Optional<ModbusAddress> parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        String number = m.group(2).toLowerCase(Locale.ROOT);
        int address = number.startsWith("0x") ? Integer.parseInt(number.substring(2), 16) : Integer.parseInt(number);
        return address > LAST ? Optional.empty() : Optional.of(new ModbusAddress(m.group(1), address));
    }

    /** Whether {@code registers} registers from this address stay within the 16-bit address space. */
    boolean fits(int registers) {
        return address + registers - 1 <= LAST;
    }
}
