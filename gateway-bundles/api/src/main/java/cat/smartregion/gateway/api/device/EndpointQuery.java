package cat.smartregion.gateway.api.device;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the query of an endpoint URI ({@code ?unit=1&timeout=500}) into a map, also of an opaque
 * one such as {@code coap-push:sensor-7?keyFile=/etc/keys/sensor-7.psk}.
 */
public final class EndpointQuery {

    private EndpointQuery() {
    }

    /** @throws IllegalArgumentException on a parameter without a value or given twice */
    public static Map<String, String> parse(URI endpoint) {
        String query = endpoint.isOpaque() ? opaqueQuery(endpoint) : endpoint.getQuery();
        if (query == null || query.isEmpty()) {
            return Map.of();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException("endpoint " + endpoint + ": parameter '" + pair + "' needs name=value");
            }
            if (params.put(pair.substring(0, eq), pair.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("endpoint " + endpoint + ": parameter '" + pair.substring(0, eq) + "' given twice");
            }
        }
        return Collections.unmodifiableMap(params);
    }

    private static String opaqueQuery(URI endpoint) {
        String part = endpoint.getSchemeSpecificPart();
        int mark = part.indexOf('?');
        return mark < 0 ? null : part.substring(mark + 1);
    }
}
