package cat.smartregion.gateway.driver.modbus.internal;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A Modbus TCP endpoint: {@code modbus-tcp://HOST[:PORT][?unit=N][&timeout=MS]}, port 502 and
 * unit 1 by default, the response timeout in milliseconds.
 *
 * @param host      host name or IP literal (IPv6 without brackets)
 * @param port      TCP port
 * @param unit      Modbus unit id (0-255)
 * @param timeoutMs connect and response timeout, milliseconds
 */
record TcpEndpoint(String host, int port, int unit, int timeoutMs) {

    static final String SCHEME = "modbus-tcp";
    static final int DEFAULT_PORT = 502;
    static final int MAX_TIMEOUT_MS = 60_000;

    TcpEndpoint {
        Objects.requireNonNull(host, "host");
        if (host.isEmpty()) {
            throw new IllegalArgumentException("Modbus TCP endpoint has no host");
        }
        check("port", port, 1, 65535);
        check("unit", unit, 0, 255);
        check("timeout", timeoutMs, 1, MAX_TIMEOUT_MS);
    }

    /**
     * Parses an endpoint URI.
     *
     * @param defaultTimeoutMs timeout when the URI gives none
     * @throws IllegalArgumentException naming what is wrong with the URI
     */
    static TcpEndpoint parse(URI uri, int defaultTimeoutMs) {
        if (!SCHEME.equalsIgnoreCase(uri.getScheme()) || uri.isOpaque()) {
            throw new IllegalArgumentException("not a modbus-tcp://HOST:PORT endpoint: " + uri);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("Modbus TCP endpoint without a valid host: " + uri);
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) {
            throw new IllegalArgumentException("Modbus TCP endpoint takes no path: " + uri);
        }
        Map<String, String> query = query(uri);
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        int unit = number(uri, query, "unit", 1);
        int timeout = number(uri, query, "timeout", defaultTimeoutMs);
        try {
            return new TcpEndpoint(host, port, unit, timeout);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " in " + uri, e);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        if (uri.getRawQuery() == null || uri.getRawQuery().isEmpty()) {
            return params;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (!name.equals("unit") && !name.equals("timeout")) {
                throw new IllegalArgumentException("unknown parameter '" + name + "' in " + uri + " (expected unit, timeout)");
            }
            if (eq < 0 || params.put(name, pair.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("parameter '" + name + "' needs exactly one value in " + uri);
            }
        }
        return params;
    }

    private static int number(URI uri, Map<String, String> query, String name, int fallback) {
        String text = query.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter '" + name + "' is not a number: '" + text + "' in " + uri, e);
        }
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " " + value + " outside " + min + "-" + max);
        }
    }

    /** {@code host:port} for messages. */
    String hostPort() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return SCHEME + "://" + hostPort() + "?unit=" + unit;
    }
}
