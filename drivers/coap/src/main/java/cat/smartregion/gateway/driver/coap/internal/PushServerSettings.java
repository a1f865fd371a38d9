package cat.smartregion.gateway.driver.coap.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The push server's configuration, validated.
 *
 * @param host            local address to listen on
 * @param port            UDP port (0: any free port)
 * @param path            resource path without leading or trailing '/', e.g. {@code senml}
 * @param maxPayloadBytes largest pack accepted, block-wise included (64-1048576)
 */
record PushServerSettings(String host, int port, String path, int maxPayloadBytes) {

    PushServerSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(path, "path");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        Check.range("port", port, 0, 65535);
        path = strip(path);
        if (!path.matches("[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*")) {
            throw new IllegalArgumentException("path must be segments of A-Z a-z 0-9 . _ ~ - separated by '/', got '"
                    + path + "'");
        }
        Check.range("maxPayloadBytes", maxPayloadBytes, 64, 1_048_576);
    }

    static PushServerSettings of(CoapPushServerConfig config) {
        try {
            return new PushServerSettings(config.host(), config.port(), config.path(), config.maxPayloadBytes());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("CoAP push server setting " + e.getMessage(), e);
        }
    }

    /** The path's segments, e.g. {@code [push, senml]}. */
    List<String> segments() {
        return Arrays.asList(path.split("/"));
    }

    private static String strip(String path) {
        String stripped = path.strip();
        while (stripped.startsWith("/")) {
            stripped = stripped.substring(1);
        }
        while (stripped.endsWith("/")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return stripped;
    }
}
