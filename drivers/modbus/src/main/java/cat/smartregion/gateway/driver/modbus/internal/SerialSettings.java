package cat.smartregion.gateway.driver.modbus.internal;

import java.util.Locale;

/**
 * How a serial line is set: speed, data bits, parity and stop bits, e.g. {@code 9600 8N1}.
 *
 * @param baud     bits per second, 300-921600
 * @param dataBits 7 or 8
 * @param parity   {@code N}, {@code E} or {@code O}
 * @param stopBits 1 or 2
 */
record SerialSettings(int baud, int dataBits, char parity, int stopBits) {

    SerialSettings {
        if (baud < 300 || baud > 921_600) {
            throw new IllegalArgumentException("baud " + baud + " outside 300-921600");
        }
        if (dataBits != 7 && dataBits != 8) {
            throw new IllegalArgumentException("data bits must be 7 or 8, got " + dataBits);
        }
        if ("NEO".indexOf(parity) < 0) {
            throw new IllegalArgumentException("parity must be N, E or O, got " + parity);
        }
        if (stopBits != 1 && stopBits != 2) {
            throw new IllegalArgumentException("stop bits must be 1 or 2, got " + stopBits);
        }
    }

    /** Parses a parity as URIs and the command line write it: N, E, O or none, even, odd. */
    static char parity(String text) {
        String p = text.trim().toUpperCase(Locale.ROOT);
        return switch (p) {
            case "N", "NONE" -> 'N';
            case "E", "EVEN" -> 'E';
            case "O", "ODD" -> 'O';
            default -> throw new IllegalArgumentException("parity must be N, E or O, got '" + text + "'");
        };
    }

    /** Bits on the wire per character: start, data, parity, stop. */
    int bitsPerCharacter() {
        return 1 + dataBits + (parity == 'N' ? 0 : 1) + stopBits;
    }

    /**
     * The silence that ends an RTU frame, 3.5 character times, in microseconds; fixed at 1750 us
     * above 19200 baud, as the Modbus serial line specification says.
     */
    long frameSilenceMicros() {
        return baud > 19_200 ? 1750 : 3_500_000L * bitsPerCharacter() / baud;
    }

    @Override
    public String toString() {
        return baud + " " + dataBits + parity + stopBits;
    }
}
