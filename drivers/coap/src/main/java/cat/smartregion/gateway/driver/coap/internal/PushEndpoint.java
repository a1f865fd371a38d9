package cat.smartregion.gateway.driver.coap.internal;

import cat.smartregion.gateway.api.device.EndpointQuery;
import cat.smartregion.gateway.api.push.PushIngest;
import java.net.URI;
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
        String identity = PushIngest.identity(endpoint);
        String keyFile = EndpointQuery.parse(endpoint).getOrDefault("keyFile", "");
        if (identity.isEmpty() || keyFile.isEmpty()) {
            throw new IllegalArgumentException("a " + SCHEME + " endpoint is " + SCHEME + ":IDENTITY?keyFile=FILE, got "
                    + endpoint);
        }
        return new PushEndpoint(identity, Path.of(keyFile));
    }
}
