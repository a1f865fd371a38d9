package cat.smartregion.gateway.sentilo.internal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Sentilo uplink's configuration, validated.
 *
 * @param url           base URL of the API (http or https), without trailing slash
 * @param provider      provider id
 * @param token         provider token; never in logs or {@link #toString()}
 * @param componentType component type of the registered components
 * @param typeMap       quantity to Sentilo sensor type
 * @param defaultType   sensor type of quantities not in the map
 * @param timeout       connect and request timeout
 * @param caFile        PEM CA certificates trusted for https; empty: the JDK trust store
 */
public record UplinkSettings(URI url, String provider, String token, String componentType,
                             Map<String, String> typeMap, String defaultType, Duration timeout,
                             Optional<Path> caFile) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");

    public UplinkSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(caFile, "caFile");
        if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
            throw new IllegalArgumentException("url must be an http or https URL with a host: " + url);
        }
        url = URI.create(url.toString().replaceAll("/+$", ""));
        requireId("provider", provider);
        requireId("component.type", componentType);
        requireId("default.type", defaultType);
        if (token.isBlank() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("token must be non-empty printable ASCII without spaces");
        }
        typeMap = Map.copyOf(typeMap);
        typeMap.forEach((quantity, type) -> requireId("type of " + quantity, type));
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /** Settings with the default type map, component type, timeout and trust store. */
    public static UplinkSettings of(URI url, String provider, String token) {
        return new UplinkSettings(url, provider, token, "generic", parseTypeMap(defaultTypeMap()), "other",
                Duration.ofSeconds(10), Optional.empty());
    }

    /** Settings from the component configuration. */
    public static UplinkSettings from(SentiloUplinkConfig config) {
        return new UplinkSettings(URI.create(config.url().trim()), config.provider().trim(), config._token(),
                config.component_type().trim(), parseTypeMap(config.type_map()), config.default_type().trim(),
                Duration.ofMillis(config.timeout_ms()),
                config.ca_file().isBlank() ? Optional.empty() : Optional.of(Path.of(config.ca_file().trim())));
    }

    /** The Sentilo sensor type of a reading quantity. */
    public String typeFor(String quantity) {
        return typeMap.getOrDefault(quantity, defaultType);
    }

    /** The same settings with another timeout. */
    public UplinkSettings withTimeout(Duration newTimeout) {
        return new UplinkSettings(url, provider, token, componentType, typeMap, defaultType, newTimeout, caFile);
    }

    /** The same settings trusting the CAs of a PEM file. */
    public UplinkSettings withCaFile(Path pem) {
        return new UplinkSettings(url, provider, token, componentType, typeMap, defaultType, timeout,
                Optional.of(pem));
    }

    @Override
    public String toString() {
        return "UplinkSettings[url=" + url + ", provider=" + provider + ", token=***, componentType="
                + componentType + ", types=" + typeMap.size() + ", defaultType=" + defaultType
                + ", timeout=" + timeout + ", caFile=" + caFile.map(Path::toString).orElse("JDK trust store") + "]";
    }

    static String[] defaultTypeMap() {
        try {
            return (String[]) SentiloUplinkConfig.class.getMethod("type_map").getDefaultValue();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> parseTypeMap(String[] pairs) {
        Map<String, String> map = new HashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException("type.map entries must be quantity=sentiloType, got '" + pair + "'");
            }
            map.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return map;
    }

    private static void requireId(String what, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be 1 or more of A-Z a-z 0-9 _ -, got '" + value + "'");
        }
    }
}
