package cat.smartregion.gateway.api.device;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One installed device: which model it is and where it answers.
 *
 * @param id       device id, unique within the gateway, {@code [A-Za-z0-9_-]}
 * @param profile  profile id or file
 * @param endpoint endpoint URI, e.g. {@code modbus-tcp://10.0.0.5:502?unit=1}
 * @param interval poll interval
 * @param params   per-installation parameters the profile may use, e.g. {@code location} as
 *                 {@code "latitude longitude"}, a current transformer ratio, a container's empty and full distances
 */
public record DeviceConfig(String id, String profile, URI endpoint, Duration interval, Map<String, String> params) {

    public DeviceConfig {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(interval, "interval");
        params = Map.copyOf(params);
        if (!id.matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("device id '" + id + "' must be 1-64 of A-Z a-z 0-9 _ -");
        }
        if (interval.compareTo(Duration.ofMillis(100)) < 0) {
            throw new IllegalArgumentException("device " + id + ": poll interval must be at least 100 ms, got " + interval);
        }
    }

    /** A device with no per-installation parameters. */
    public DeviceConfig(String id, String profile, URI endpoint, Duration interval) {
        this(id, profile, endpoint, interval, Map.of());
    }

    /** Where the device is, as {@code "latitude longitude"} (Sentilo's order), when configured. */
    public Optional<String> location() {
        return Optional.ofNullable(params.get("location"));
    }

    /** The endpoint's query parameters, e.g. {@code unit=1}. */
    public Map<String, String> endpointParams() {
        return EndpointQuery.parse(endpoint);
    }
}
