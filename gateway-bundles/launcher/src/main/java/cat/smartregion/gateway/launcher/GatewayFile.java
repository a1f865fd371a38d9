package cat.smartregion.gateway.launcher;

import cat.smartregion.gateway.api.device.DeviceConfig;
import cat.smartregion.gateway.api.device.GatewayIdentity;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.TypeConversionException;

/**
 * The gateway's configuration file ({@code gateway.yaml}): identity, buffer, uplink and devices.
 * Every error names the file and, where it comes from the YAML, the line and column.
 */
record GatewayFile(String tenant, String gateway, Buffer buffer, String profiles, Sentilo sentilo, Mqtt mqtt,
                   Map<String, Object> sync, CoapServer coapServer, List<Device> devices) {

    record Buffer(@JsonProperty(required = true) String path, String synchronous) {
    }

    /**
     * The Sentilo uplink; {@code alarmAlerts} maps gateway alarm key prefixes to alert ids of the
     * platform's catalog ({@code "buffer.=GW_BUFFER_ALERT"}, {@code "*=GW_ALERT"}).
     */
    record Sentilo(@JsonProperty(required = true) String url, @JsonProperty(required = true) String provider,
                   @JsonProperty(required = true) String tokenFile, List<String> alarmAlerts) {
        Sentilo {
            alarmAlerts = alarmAlerts == null ? List.of() : List.copyOf(alarmAlerts);
        }
    }

    /**
     * The MQTT uplink: broker URI ({@code ssl://host:8883}), the broker's CA, a client certificate
     * and key or a user name with a password in its own 0600 file, and any further attribute of
     * the uplink's configuration in {@code options} (e.g. {@code encoding: senml-cbor}).
     */
    record Mqtt(@JsonProperty(required = true) String broker, String caFile, String clientCertificate,
                String clientKey, String username, String passwordFile, Map<String, Object> options) {
        Mqtt {
            options = options == null ? Map.of() : Map.copyOf(options);
        }
    }

    /**
     * The CoAP server that devices with {@code coap-push:IDENTITY?keyFile=FILE} endpoints push SenML
     * to, over DTLS with each device's pre-shared key; absent, no port is opened.
     */
    record CoapServer(String host, Integer port, String path, Integer maxPayloadBytes) {

        /** The push server's configuration; what is not given keeps the server's default. */
        Map<String, Object> configuration() {
            Map<String, Object> config = new java.util.LinkedHashMap<>();
            if (host != null) {
                config.put("host", host);
            }
            if (port != null) {
                config.put("port", port);
            }
            if (path != null) {
                config.put("path", path);
            }
            if (maxPayloadBytes != null) {
                config.put("maxPayloadBytes", maxPayloadBytes);
            }
            return config;
        }
    }

    /**
     * A device; {@code params} are per-installation parameters ({@code location: "41.39 2.17"},
     * {@code ctRatio: "40"}), {@code pointIntervals} points read less often ({@code totalActiveEnergyImport: 15m}).
     */
    record Device(@JsonProperty(required = true) String id, @JsonProperty(required = true) String profile,
                  @JsonProperty(required = true) String endpoint, String interval, Map<String, String> params,
                  Map<String, String> pointIntervals) {
        Device {
            params = params == null ? Map.of() : Map.copyOf(params);
            pointIntervals = pointIntervals == null ? Map.of() : Map.copyOf(pointIntervals);
        }

        /** The factory configuration of the device's poller. */
        Map<String, Object> configuration() {
            DurationConverter durations = new DurationConverter();
            return Map.of("id", id, "profile", profile, "endpoint", endpoint, "interval.ms", GatewayFile.interval(this).toMillis(),
                    "params", params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().toArray(String[]::new),
                    "pointIntervals", pointIntervals.entrySet().stream()
                            .map(e -> e.getKey() + "=" + durations.convert(e.getValue()).toMillis()).sorted().toArray(String[]::new));
        }
    }

    GatewayFile {
        devices = devices == null ? List.of() : List.copyOf(devices);
        sync = sync == null ? Map.of() : Map.copyOf(sync);
    }

    /**
     * Reads and checks the file.
     *
     * @throws ConfigException naming the file, line and column of what is wrong
     */
    static GatewayFile read(Path file) throws ConfigException {
        GatewayFile config = parse(file, GatewayFile.class);
        config.check(file);
        return config;
    }

    /**
     * Reads a YAML file into {@code type} without the checks of {@link #read}.
     *
     * @throws ConfigException naming the file, line and column of what is wrong
     */
    static <T> T parse(Path file, Class<T> type) throws ConfigException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        T config;
        try {
            config = yaml.readValue(file.toFile(), type);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? file.toString() : file + ":" + at.getLineNr() + ":" + at.getColumnNr();
            throw new ConfigException(where + ": " + message(e));
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage());
        }
        if (config == null) {
            throw new ConfigException(file + ": the file is empty");
        }
        return config;
    }

    /** This configuration with {@code more} devices (from a configuration folder's devices/). */
    GatewayFile withDevices(List<Device> more) {
        List<Device> all = new java.util.ArrayList<>(devices);
        all.addAll(more);
        return new GatewayFile(tenant, gateway, buffer, profiles, sentilo, mqtt, sync, coapServer, all);
    }

    /** The checks the gateway's components would make, made before anything starts. */
    private static String message(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException u) {
            return "unknown key '" + u.getPropertyName() + "' (expected one of "
                    + u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList() + ")";
        }
        return e.getOriginalMessage().lines().findFirst().orElse("");
    }

    void check(Path file) throws ConfigException {
        require(file, tenant, "tenant");
        require(file, gateway, "gateway");
        require(file, buffer, "buffer");
        if ((sentilo == null) == (mqtt == null)) {
            throw new ConfigException(file + ": name one uplink, 'sentilo' or 'mqtt'");
        }
        try {
            new GatewayIdentity(tenant, gateway);
            if (sentilo != null) {
                URI url = URI.create(sentilo.url());
                if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
                    throw new IllegalArgumentException("sentilo url must be https:// (or http:// on a closed network), got " + url);
                }
                if (!sentilo.provider().matches("[A-Za-z0-9_-]+")) {
                    throw new IllegalArgumentException("sentilo provider must be A-Z a-z 0-9 _ -, got '" + sentilo.provider() + "'");
                }
            } else {
                String scheme = URI.create(mqtt.broker()).getScheme();
                if (!"ssl".equals(scheme) && !"tcp".equals(scheme)) {
                    throw new IllegalArgumentException("mqtt broker must be ssl://host:port (or tcp:// on a closed network), got "
                            + mqtt.broker());
                }
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException(file + ": " + e.getMessage());
        }
        for (Device d : devices) {
            try {
                new DeviceConfig(d.id(), d.profile(), URI.create(d.endpoint()), interval(d), d.params());
                d.configuration();
                checkPointIntervals(d);
            } catch (IllegalArgumentException | TypeConversionException e) {
                throw new ConfigException(file + ": device " + d.id() + ": " + e.getMessage());
            }
        }
        Optional<String> push = PushChecks.problem(devices, coapServer);
        if (push.isPresent()) {
            throw new ConfigException(file + ": " + push.get());
        }
        if (devices.stream().map(Device::id).distinct().count() != devices.size()) {
            throw new ConfigException(file + ": two devices have the same id");
        }
        if (profiles != null && !Files.isDirectory(folder(file).resolve(profiles))) {
            throw new ConfigException(file + ": profiles folder " + folder(file).resolve(profiles) + " does not exist");
        }
    }

    /** A point's interval is a multiple of its device's, so that its reads fall on the device's cycles. */
    private static void checkPointIntervals(Device d) {
        long device = interval(d).toMillis();
        d.pointIntervals().forEach((point, text) -> {
            long ms = new DurationConverter().convert(text).toMillis();
            if (ms < device || ms % device != 0) {
                throw new IllegalArgumentException("point " + point + ": interval " + text + " must be a multiple of the device's "
                        + device + " ms");
            }
        });
    }

    /** The folder relative paths of the file are read from: the file's own. */
    static Path folder(Path configFile) {
        return configFile.toAbsolutePath().getParent();
    }

    private static void require(Path file, Object value, String key) throws ConfigException {
        if (value == null) {
            throw new ConfigException(file + ": '" + key + "' is missing");
        }
    }

    static Duration interval(Device d) {
        return d.interval() == null ? Duration.ofSeconds(5) : new DurationConverter().convert(d.interval());
    }

    /**
     * The Sentilo token, from its own file that only the gateway's user may read (mode 0600 or 0400).
     *
     * @throws ConfigException when the file is missing, empty or readable by others
     */
    String sentiloToken(Path configFile) throws ConfigException {
        return secret(folder(configFile).resolve(sentilo.tokenFile()), "the Sentilo token");
    }

    /** The MQTT password, from its own 0600 file; empty when the uplink uses a client certificate. */
    String mqttPassword(Path configFile) throws ConfigException {
        return mqtt.passwordFile() == null ? "" : secret(folder(configFile).resolve(mqtt.passwordFile()), "the MQTT password");
    }

    private static String secret(Path tokenFile, String what) throws ConfigException {
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(tokenFile);
            if (mode.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                throw new ConfigException(tokenFile + ": holds a secret but others may read it; run: chmod 600 " + tokenFile);
            }
            String token = Files.readString(tokenFile).strip();
            if (token.isEmpty()) {
                throw new ConfigException(tokenFile + ": " + what + " file is empty");
            }
            return token;
        } catch (IOException e) {
            throw new ConfigException(tokenFile + ": cannot read " + what + ": " + e.getMessage());
        }
    }

    /** The configuration is wrong; the message says where and what. */
    static final class ConfigException extends Exception {
        private static final long serialVersionUID = 1L;

        ConfigException(String message) {
            super(Objects.requireNonNull(message));
        }
    }
}
