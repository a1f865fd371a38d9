package cat.smartregion.gateway.driver.modbus.internal;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Turns an endpoint URI into an {@link Endpoint}, naming the URI in every error. */
final class EndpointParser {

    private static final Set<String> COMMON = Set.of("unit", "timeout", "gap", "delay", "max");
    private static final Set<String> TCP_ONLY = Set.of("connectTimeout");
    private static final Set<String> SERIAL_ONLY = Set.of("baud", "parity", "data", "stop");

    private EndpointParser() {
    }

    static Endpoint parse(URI uri, DriverSettings defaults) {
        Framing framing = Framing.ofScheme(uri.getScheme()).filter(f -> !uri.isOpaque()).orElseThrow(() ->
                new IllegalArgumentException("not a Modbus endpoint (modbus-tcp://HOST:PORT, modbus-rtutcp://HOST:PORT, "
                        + "modbus-rtu:///dev/DEVICE, modbus-ascii:///dev/DEVICE): " + uri));
        Map<String, String> query = query(uri, framing);
        try {
            return framing.serial() ? serial(uri, framing, query, defaults) : tcp(uri, framing, query, defaults);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " in " + uri, e);
        }
    }

    private static Endpoint tcp(URI uri, Framing framing, Map<String, String> query, DriverSettings defaults) {
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("Modbus endpoint without a valid host");
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
            throw new IllegalArgumentException(framing.scheme() + " endpoint takes no path");
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        int port = uri.getPort() == -1 ? Endpoint.DEFAULT_PORT : uri.getPort();
        return new Endpoint(framing, host, port, Optional.empty(), number(query, "unit", 1),
                number(query, "timeout", defaults.defaultTimeoutMs()),
                number(query, "connectTimeout", defaults.connectTimeoutMs()), number(query, "gap", defaults.gap()),
                number(query, "delay", 0), number(query, "max", defaults.maxRegistersPerRequest()));
    }

    private static Endpoint serial(URI uri, Framing framing, Map<String, String> query, DriverSettings defaults) {
        if (uri.getRawAuthority() != null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalArgumentException(framing.scheme() + " endpoint needs a device path, e.g. "
                    + framing.scheme() + ":///dev/ttyUSB0");
        }
        boolean ascii = framing == Framing.ASCII;
        SerialSettings settings = new SerialSettings(number(query, "baud", 9600), number(query, "data", ascii ? 7 : 8),
                SerialSettings.parity(query.getOrDefault("parity", ascii ? "E" : "N")), number(query, "stop", 1));
        return new Endpoint(framing, uri.getPath(), 0, Optional.of(settings), number(query, "unit", 1),
                number(query, "timeout", defaults.defaultTimeoutMs()), defaults.connectTimeoutMs(),
                number(query, "gap", defaults.gap()), number(query, "delay", 0),
                number(query, "max", defaults.maxRegistersPerRequest()));
    }

    private static Map<String, String> query(URI uri, Framing framing) {
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() == null || uri.getRawQuery().isEmpty()) {
            return params;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (!COMMON.contains(name) && !(framing.serial() ? SERIAL_ONLY : TCP_ONLY).contains(name)) {
                throw new IllegalArgumentException("unknown parameter '" + name + "' in " + uri + " (expected "
                        + String.join(", ", COMMON) + ", " + String.join(", ", framing.serial() ? SERIAL_ONLY : TCP_ONLY) + ")");
            }
            if (eq < 0 || params.put(name, pair.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("parameter '" + name + "' needs exactly one value in " + uri);
            }
        }
        return params;
    }

    private static int number(Map<String, String> query, String name, int fallback) {
        String text = query.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter '" + name + "' is not a number: '" + text + "'", e);
        }
    }
}
