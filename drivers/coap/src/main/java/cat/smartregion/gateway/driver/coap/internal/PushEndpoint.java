package cat.smartregion.gateway.driver.coap.internal;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A pushing device's endpoint, {@code coap-push:IDENTITY?keyFile=FILE}: the PSK identity it presents and the
 * file holding its key. Holds no secret.
 *
 * @param identity the PSK identity
 * @param keyFile  the file holding the key (mode 0600 or 0400)
 */
record PushEndpoint(String identity, Path keyFile) {

    /** The endpoint scheme of devices that push to this server. */
    static final String SCHEME = "coap-push";

    PushEndpoint {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(keyFile, "keyFile");
    }

    /**
     * Reads an endpoint such as {@code coap-push:sensor-7?keyFile=/etc/smartregion-gateway/keys/sensor-7.psk}
     * (an opaque URI: its query is part of the scheme-specific part).
     *
     * @throws IllegalArgumentException when it is not a coap-push endpoint or names no key file
     */
    static PushEndpoint parse(URI endpoint) {
        if (!SCHEME.equals(endpoint.getScheme())) {
            throw new IllegalArgumentException("not a " + SCHEME + " endpoint: " + endpoint);
        }
        String part = endpoint.getRawSchemeSpecificPart();
        int question = part.indexOf('?');
        String identity = decode(question < 0 ? part : part.substring(0, question));
        String keyFile = "";
        for (String pair : (question < 0 ? "" : part.substring(question + 1)).split("&")) {
            if (pair.startsWith("keyFile=")) {
                keyFile = decode(pair.substring("keyFile=".length()));
            }
        }
        if (identity.isEmpty() || keyFile.isEmpty()) {
            throw new IllegalArgumentException("a " + SCHEME + " endpoint is " + SCHEME + ":IDENTITY?keyFile=FILE, got "
                    + endpoint);
        }
        return new PushEndpoint(identity, Path.of(keyFile));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
