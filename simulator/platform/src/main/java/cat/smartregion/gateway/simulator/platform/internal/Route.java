package cat.smartregion.gateway.simulator.platform.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request's method and path split into Sentilo's parts: {@code /{resource}/{provider}/{sensor}}, or
 * {@code /alarm/{alertId}}.
 *
 * @param method   HTTP method
 * @param resource {@code catalog}, {@code data} or anything else the stand-in does not serve
 * @param provider provider in the path, empty when the path has none
 * @param sensor   sensor in the path, empty when the path has none
 * @param alert    alert id of an {@code /alarm/{alertId}} path, else empty
 * @param query    decoded query parameters
 */
record Route(String method, String resource, Optional<String> provider, Optional<String> sensor,
             Optional<String> alert, Map<String, String> query) {

    static final String ALARM = "alarm";

    Route {
        query = Map.copyOf(query);
    }

    static Route of(String method, String path, String rawQuery) {
        List<String> parts = Arrays.stream(path.split("/")).filter(p -> !p.isEmpty())
                .map(p -> URLDecoder.decode(p, StandardCharsets.UTF_8)).toList();
        String resource = parts.isEmpty() ? "" : parts.get(0);
        if (resource.equals(ALARM)) {
            return new Route(method, resource, Optional.empty(), Optional.empty(), part(parts, 1), query(rawQuery));
        }
        return new Route(method, resource, part(parts, 1), part(parts, 2), Optional.empty(), query(rawQuery));
    }

    boolean is(String expectedMethod, String expectedResource, int depth) {
        int actualDepth = provider.isEmpty() ? 0 : sensor.isEmpty() ? 1 : 2;
        return method.equals(expectedMethod) && resource.equals(expectedResource) && actualDepth == depth;
    }

    private static Optional<String> part(List<String> parts, int index) {
        return parts.size() > index ? Optional.of(parts.get(index)) : Optional.empty();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            query.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }
}
