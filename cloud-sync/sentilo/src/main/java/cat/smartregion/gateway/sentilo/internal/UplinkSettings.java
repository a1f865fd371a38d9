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
 * @param url             base URL of the API (http or https), without trailing slash
 * @param provider        provider id
 * @param token           provider token; never in logs or {@link #toString()}
 * @param gateway         gateway id naming the inventory's components; empty: learnt from the first reading
 * @param componentType   component type of the registered components
 * @param typeMap         the administrator's override: point name or quantity to Sentilo sensor type
 * @param defaultType     sensor type of points neither the map, a profile nor {@link BuiltInTypes} name
 * @param unitMap         the administrator's override: quantity to the unit registered for the inventory's sensors
 * @param requestReadings most observations per data request
 * @param requestBytes    most bytes per data request body
 * @param authRetry       how long to send nothing after the platform refused the credentials
 * @param alerts          alarm key prefix to Sentilo alert id
 * @param timeout         connect and request timeout
 * @param caFile          PEM CA certificates trusted for https; empty: the JDK trust store
 */
public record UplinkSettings(URI url, String provider, String token, String gateway, String componentType,
                             Map<String, String> typeMap, String defaultType, Map<String, String> unitMap,
                             int requestReadings, int requestBytes, Duration authRetry, Map<String, String> alerts,
                             Duration timeout, Optional<Path> caFile) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");
    /** The smallest body limit: room for one observation of an ordinary sensor. */
    private static final int MIN_REQUEST_BYTES = 1024;

    public UplinkSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(authRetry, "authRetry");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(caFile, "caFile");
        if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
            throw new IllegalArgumentException("url must be an http or https URL with a host: " + url);
        }
        url = URI.create(url.toString().replaceAll("/+$", ""));
        requireId("provider", provider);
        requireId("component.type", componentType);
        requireId("default.type", defaultType);
        if (!gateway.isEmpty()) {
            requireId("gateway", gateway);
        }
        if (token.isBlank() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new IllegalArgumentException("token must be non-empty printable ASCII without spaces");
        }
        typeMap = Map.copyOf(typeMap);
        typeMap.forEach((name, type) -> requireId("type of " + name, type));
        unitMap = Map.copyOf(unitMap);
        alerts = Map.copyOf(alerts);
        alerts.forEach((prefix, alert) -> requireId("alert of " + prefix, alert));
        if (requestReadings < 1 || requestBytes < MIN_REQUEST_BYTES) {
            throw new IllegalArgumentException("request.readings must be at least 1 and request.bytes at least "
                    + MIN_REQUEST_BYTES + ", got " + requestReadings + ", " + requestBytes);
        }
        if (authRetry.isNegative() || authRetry.isZero() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("auth.retry.ms and timeout.ms must be positive");
        }
    }

    /** Settings with every default: no override of the profiles' mapping, batching, pauses, trust store; no alerts. */
    public static UplinkSettings of(URI url, String provider, String token) {
        return new UplinkSettings(url, provider, token, "", "generic", pairs(defaults("type_map")), "other",
                pairs(defaults("unit_map")), 100, 65536, Duration.ofMinutes(10), Map.of(), Duration.ofSeconds(10),
                Optional.empty());
    }

    /** Settings from the component configuration and the gateway id (empty: learnt from the readings). */
    public static UplinkSettings from(SentiloUplinkConfig config, String gateway) {
        return new UplinkSettings(URI.create(config.url().trim()), config.provider().trim(), config._token(),
                gateway.trim(), config.component_type().trim(), pairs(config.type_map()),
                config.default_type().trim(), pairs(config.unit_map()), config.request_readings(),
                config.request_bytes(), Duration.ofMillis(config.auth_retry_ms()), pairs(config.alarm_alerts()),
                Duration.ofMillis(config.timeout_ms()),
                config.ca_file().isBlank() ? Optional.empty() : Optional.of(Path.of(config.ca_file().trim())));
    }

    /**
     * The Sentilo sensor type of a point no profile maps: the override by its name, else by its quantity, else the
     * built-in table likewise, else the default.
     */
    public String typeFor(String point, String quantity) {
        return typeOverride(point, quantity).orElseGet(() -> BuiltInTypes.TYPES.getOrDefault(point,
                BuiltInTypes.TYPES.getOrDefault(quantity, defaultType)));
    }

    /** The administrator's sensor type of a point, by its name, else by its quantity, when the type map gives one. */
    public Optional<String> typeOverride(String point, String quantity) {
        return Optional.ofNullable(typeMap.getOrDefault(point, typeMap.get(quantity)));
    }

    /** The unit of a quantity no profile maps: the override, else the built-in table of canonical units. */
    public Optional<String> unitOf(String quantity) {
        return unitOverride(quantity).or(() -> Optional.ofNullable(BuiltInTypes.UNITS.get(quantity)));
    }

    /** The administrator's unit for the sensors of a quantity, when the unit map gives one. */
    public Optional<String> unitOverride(String quantity) {
        return Optional.ofNullable(unitMap.get(quantity));
    }

    public UplinkSettings withTimeout(Duration newTimeout) {
        return new UplinkSettings(url, provider, token, gateway, componentType, typeMap, defaultType, unitMap,
                requestReadings, requestBytes, authRetry, alerts, newTimeout, caFile);
    }

    /** The same settings trusting the CAs of a PEM file. */
    public UplinkSettings withCaFile(Path pem) {
        return new UplinkSettings(url, provider, token, gateway, componentType, typeMap, defaultType, unitMap,
                requestReadings, requestBytes, authRetry, alerts, timeout, Optional.of(pem));
    }

    public UplinkSettings withGateway(String newGateway) {
        return new UplinkSettings(url, provider, token, newGateway, componentType, typeMap, defaultType, unitMap,
                requestReadings, requestBytes, authRetry, alerts, timeout, caFile);
    }

    /** The same settings with other limits per data request. */
    public UplinkSettings withRequestLimits(int readings, int bytes) {
        return new UplinkSettings(url, provider, token, gateway, componentType, typeMap, defaultType, unitMap,
                readings, bytes, authRetry, alerts, timeout, caFile);
    }

    public UplinkSettings withAuthRetry(Duration pause) {
        return new UplinkSettings(url, provider, token, gateway, componentType, typeMap, defaultType, unitMap,
                requestReadings, requestBytes, pause, alerts, timeout, caFile);
    }

    public UplinkSettings withAlerts(Map<String, String> newAlerts) {
        return new UplinkSettings(url, provider, token, gateway, componentType, typeMap, defaultType, unitMap,
                requestReadings, requestBytes, authRetry, newAlerts, timeout, caFile);
    }

    @Override
    public String toString() {
        return "UplinkSettings[url=" + url + ", provider=" + provider + ", token=***, gateway=" + gateway
                + ", componentType=" + componentType + ", types=" + typeMap.size() + ", defaultType=" + defaultType
                + ", units=" + unitMap.size() + ", request=" + requestReadings + " readings/" + requestBytes
                + " bytes, authRetry=" + authRetry + ", alerts=" + alerts + ", timeout=" + timeout
                + ", caFile=" + caFile.map(Path::toString).orElse("JDK trust store") + "]";
    }

    static String[] defaults(String attribute) {
        try {
            return (String[]) SentiloUplinkConfig.class.getMethod(attribute).getDefaultValue();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code key=value} pairs as a map. */
    static Map<String, String> pairs(String[] pairs) {
        Map<String, String> map = new HashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException("map entries must be key=value, got '" + pair + "'");
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
