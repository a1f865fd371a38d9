package cat.smartregion.gateway.driver.modbus.internal;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A Modbus endpoint, parsed from its URI:
 * <ul>
 * <li>{@code modbus-tcp://HOST[:502]?unit=1}: Modbus TCP</li>
 * <li>{@code modbus-rtutcp://HOST[:502]?unit=1}: RTU frames through a serial-to-Ethernet server</li>
 * <li>{@code modbus-rtu:///dev/ttyUSB0?baud=9600&parity=N&data=8&stop=1&unit=7}: RTU on a serial line</li>
 * <li>{@code modbus-ascii:///dev/ttyUSB0?baud=9600&parity=E&data=7&stop=1&unit=7}: ASCII on a serial line</li>
 * </ul>
 * Every scheme also takes {@code timeout} (response, ms), {@code gap} (registers a request may
 * bridge between two points), {@code delay} (ms of silence before each frame on the line) and
 * {@code max} (registers per request); TCP schemes take {@code connectTimeout} (ms).
 *
 * @param framing          scheme: frame format and medium
 * @param place            host name or IP literal (no brackets), or serial device path
 * @param port             TCP port; 0 on a serial line
 * @param serial           serial settings on a serial line, empty over TCP
 * @param unit             Modbus unit id, 0-255
 * @param timeoutMs        response timeout
 * @param connectTimeoutMs TCP connect timeout
 * @param gap              most unread registers (or bits) one request may bridge between points
 * @param delayMs          silence kept on the line before each request, beyond the RTU frame gap
 * @param maxRegisters     most registers per request, 1-125
 */
record Endpoint(Framing framing, String place, int port, Optional<SerialSettings> serial, int unit,
                int timeoutMs, int connectTimeoutMs, int gap, int delayMs, int maxRegisters) {

    static final int DEFAULT_PORT = 502;
    static final int MAX_TIMEOUT_MS = 60_000;

    Endpoint {
        Objects.requireNonNull(framing, "framing");
        Objects.requireNonNull(place, "place");
        Objects.requireNonNull(serial, "serial");
        if (place.isEmpty()) {
            throw new IllegalArgumentException(framing.serial() ? "no serial device path" : "no host");
        }
        if (framing.serial() != serial.isPresent()) {
            throw new IllegalArgumentException("serial settings belong to serial lines only");
        }
        Check.range("port", port, framing.serial() ? 0 : 1, framing.serial() ? 0 : 65535);
        Check.range("unit", unit, 0, 255);
        Check.range("timeout", timeoutMs, 1, MAX_TIMEOUT_MS);
        Check.range("connectTimeout", connectTimeoutMs, 1, MAX_TIMEOUT_MS);
        Check.range("gap", gap, 0, Table.INPUT.protocolLimit() - 2);
        Check.range("delay", delayMs, 0, 10_000);
        Check.range("max", maxRegisters, 1, Table.INPUT.protocolLimit());
    }

    /**
     * Parses an endpoint URI.
     *
     * @throws IllegalArgumentException naming what is wrong with the URI
     */
    static Endpoint parse(URI uri, DriverSettings defaults) {
        return EndpointParser.parse(uri, defaults);
    }

    /** The physical line: what devices share one connection and one request at a time on. */
    String line() {
        return framing.scheme() + "://" + (framing.serial() ? place : hostPort());
    }

    /** {@code host:port} for TCP, the device path for serial lines. */
    String hostPort() {
        return framing.serial() ? place : (place.contains(":") ? "[" + place + "]" : place) + ":" + port;
    }

    /** The line and unit, e.g. {@code modbus-rtu:///dev/ttyUSB0 unit 7}, for messages. */
    String describe() {
        return line() + serial.map(s -> " " + s).orElse("") + " unit " + unit;
    }

    /** The same endpoint for another unit id (for scanning a bus). */
    Endpoint withUnit(int otherUnit) {
        return new Endpoint(framing, place, port, serial, otherUnit, timeoutMs, connectTimeoutMs, gap, delayMs, maxRegisters);
    }

    @Override
    public String toString() {
        return describe();
    }
}
