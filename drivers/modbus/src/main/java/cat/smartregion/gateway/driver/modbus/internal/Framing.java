package cat.smartregion.gateway.driver.modbus.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The four ways the driver carries Modbus: the URI scheme, the frame format and the medium. */
enum Framing {
    /** Modbus TCP: MBAP header with a transaction id, over a TCP connection. */
    TCP("modbus-tcp", false),
    /** RTU frames (binary, CRC-16) over a TCP connection, as serial-to-Ethernet servers pass them. */
    RTU_OVER_TCP("modbus-rtutcp", false),
    /** RTU frames over a serial line (RS-485, RS-232). */
    RTU("modbus-rtu", true),
    /** ASCII frames ({@code :}, hex, LRC, CR LF) over a serial line. */
    ASCII("modbus-ascii", true);

    private final String scheme;
    private final boolean serial;

    Framing(String scheme, boolean serial) {
        this.scheme = scheme;
        this.serial = serial;
    }

    static Optional<Framing> ofScheme(String scheme) {
        if (scheme == null) {
            return Optional.empty();
        }
        String wanted = scheme.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.scheme.equals(wanted)).findFirst();
    }

    String scheme() {
        return scheme;
    }

    /** Whether the medium is a serial port rather than a TCP connection. */
    boolean serial() {
        return serial;
    }
}
