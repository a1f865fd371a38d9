package cat.smartregion.gateway.driver.coap.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.URLDecoder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What to read and how, from a device's endpoint URI and its profile's options: an endpoint
 * {@code coap://HOST[:5683]/PATH[?QUERY]} or {@code coaps://HOST[:5684]/PATH?identity=ID&keyFile=FILE}
 * and the options {@code path} (when the URI has none), {@code format}
 * ({@code text | json | senml-json | senml-cbor}; by default the response's content format),
 * {@code observe} ({@code true | false}), {@code lapseMs} and {@code timeoutMs}.
 * Holds no secret: the key is read from the file at connect time.
 *
 * @param host      host name or address
 * @param port      UDP port
 * @param secure    DTLS (coaps)
 * @param path      resource path, starting with '/'
 * @param query     the resource's query parameters (Uri-Query), in order
 * @param identity  PSK identity; empty for coap
 * @param keyFile   file holding the PSK; empty for coap
 * @param format    the payload format the profile names, empty to follow the response's content format
 * @param observe   follow the resource with Observe instead of polling it with GET
 * @param lapseMs   how long without a notification makes an observation lapse (0: the Max-Age plus the driver's grace)
 * @param timeoutMs the profile's response timeout (0: the driver's)
 */
record CoapTarget(String host, int port, boolean secure, String path, List<String> query, String identity,
                  Optional<Path> keyFile, Optional<PayloadFormat> format, boolean observe, long lapseMs, int timeoutMs) {

    static final Set<String> OPTIONS = Set.of("path", "format", "observe", "lapseMs", "timeoutMs");

    CoapTarget {
        Objects.requireNonNull(host, "host");
        Check.range("port", port, 1, 65535);
        query = List.copyOf(query);
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("the resource path must start with '/', got '" + path + "'");
        }
        if (secure && (identity.isEmpty() || keyFile.isEmpty())) {
            throw new IllegalArgumentException("a coaps endpoint needs identity=ID and keyFile=FILE in its query");
        }
        if (!secure && (!identity.isEmpty() || keyFile.isPresent())) {
            throw new IllegalArgumentException("identity and keyFile belong to coaps endpoints");
        }
        Check.range("lapseMs", lapseMs, 0, 86_400_000);
        Check.range("timeoutMs", timeoutMs, 0, 120_000);
    }

    static CoapTarget parse(URI uri, Map<String, String> options) {
        String scheme = String.valueOf(uri.getScheme());
        if (!scheme.equals("coap") && !scheme.equals("coaps")) {
            throw new IllegalArgumentException("not a CoAP endpoint: " + uri);
        }
        Set<String> unknown = new TreeSet<>(options.keySet());
        unknown.removeAll(OPTIONS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown CoAP options " + unknown + " (known: " + new TreeSet<>(OPTIONS) + ")");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("the CoAP endpoint " + uri + " has no host");
        }
        boolean secure = scheme.equals("coaps");
        Map<String, String> params = new LinkedHashMap<>();
        List<String> query = new ArrayList<>();
        for (String pair : Optional.ofNullable(uri.getRawQuery()).map(q -> q.split("&")).orElse(new String[0])) {
            String decoded = URLDecoder.decode(pair, StandardCharsets.UTF_8);
            String key = decoded.contains("=") ? decoded.substring(0, decoded.indexOf('=')) : decoded;
            if (key.equals("identity") || key.equals("keyFile")) {
                params.put(key, decoded.substring(decoded.indexOf('=') + 1));
            } else if (!decoded.isEmpty()) {
                query.add(decoded);
            }
        }
        String path = uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/")
                ? options.getOrDefault("path", "/") : uri.getPath();
        return new CoapTarget(uri.getHost(), uri.getPort() > 0 ? uri.getPort() : secure ? 5684 : 5683, secure, path, query,
                params.getOrDefault("identity", ""), Optional.ofNullable(params.get("keyFile")).map(Path::of),
                Optional.ofNullable(options.get("format")).map(PayloadFormat::ofOption), bool(options),
                number(options, "lapseMs"), (int) number(options, "timeoutMs"));
    }

    private static boolean bool(Map<String, String> options) {
        String value = options.getOrDefault("observe", "false").strip();
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("observe must be true or false, got '" + value + "'");
        }
        return value.equals("true");
    }

    private static long number(Map<String, String> options, String key) {
        String value = options.getOrDefault(key, "0").strip();
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number of milliseconds, got '" + value + "'", e);
        }
    }

    /** The resource's URI, without the driver's own parameters. */
    URI resource() {
        String q = query.isEmpty() ? null : String.join("&", query);
        try {
            return new URI(secure ? "coaps" : "coap", null, host, port, path, q, null);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("bad CoAP resource: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return resource() + (secure ? " as " + identity : "") + format.map(f -> " format " + f).orElse("")
                + (observe ? " observed" : "");
    }
}
