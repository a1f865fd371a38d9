package cat.smartregion.gateway.driver.serial.internal;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A serial endpoint, {@code serial:///dev/ttyUSB0?baud=9600&parity=N&data=8&stop=1&timeout=2000}.
 *
 * @param path      the port's device path
 * @param baud      bits per second, 300-921600
 * @param dataBits  7 or 8
 * @param parity    {@code N}, {@code E} or {@code O}
 * @param stopBits  1 or 2
 * @param timeoutMs how long a read waits for a frame, 1-60000
 */
record SerialEndpoint(String path, int baud, int dataBits, char parity, int stopBits, int timeoutMs) {

    static final String SCHEME = "serial";
    private static final Set<String> KEYS = Set.of("baud", "parity", "data", "stop", "timeout");

    SerialEndpoint {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("a serial endpoint needs a device path: serial:///dev/ttyUSB0");
        }
        check(baud >= 300 && baud <= 921_600, "baud " + baud + " outside 300-921600");
        check(dataBits == 7 || dataBits == 8, "data bits must be 7 or 8, got " + dataBits);
        check("NEO".indexOf(parity) >= 0, "parity must be N, E or O, got " + parity);
        check(stopBits == 1 || stopBits == 2, "stop bits must be 1 or 2, got " + stopBits);
        check(timeoutMs >= 1 && timeoutMs <= 60_000, "timeout must be 1-60000 ms, got " + timeoutMs);
    }

    static SerialEndpoint parse(URI uri, int defaultTimeoutMs) {
        if (!SCHEME.equals(uri.getScheme()) || uri.getPath() == null) {
            throw new IllegalArgumentException("not a serial endpoint: " + uri + " (expected serial:///dev/ttyUSB0?baud=9600)");
        }
        Map<String, String> query = query(uri);
        try {
            return new SerialEndpoint(uri.getPath(), Integer.parseInt(query.getOrDefault("baud", "9600")),
                    Integer.parseInt(query.getOrDefault("data", "8")), parity(query.getOrDefault("parity", "N")),
                    Integer.parseInt(query.getOrDefault("stop", "1")),
                    Integer.parseInt(query.getOrDefault("timeout", String.valueOf(defaultTimeoutMs))));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("serial endpoint " + uri + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new HashMap<>();
        if (uri.getQuery() == null || uri.getQuery().isEmpty()) {
            return query;
        }
        for (String pair : uri.getQuery().split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("serial endpoint " + uri + ": unknown parameter '" + key + "' (known: " + KEYS + ")");
            }
            query.put(key, eq < 0 ? "" : pair.substring(eq + 1));
        }
        return query;
    }

    private static char parity(String text) {
        return switch (text.trim().toUpperCase(Locale.ROOT)) {
            case "N", "NONE" -> 'N';
            case "E", "EVEN" -> 'E';
            case "O", "ODD" -> 'O';
            default -> throw new IllegalArgumentException("parity must be N, E or O, got '" + text + "'");
        };
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    @Override
    public String toString() {
        return path + " " + baud + " " + dataBits + parity + stopBits;
    }
}
