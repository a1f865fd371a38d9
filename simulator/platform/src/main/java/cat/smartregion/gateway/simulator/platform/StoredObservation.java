package cat.smartregion.gateway.simulator.platform;

import java.util.Objects;

/**
 * One observation the stand-in platform has stored.
 *
 * @param provider provider id
 * @param sensor   sensor id
 * @param value    the value exactly as received (Sentilo values are strings)
 * @param time     observation time, UTC ms (arrival time when the request had no timestamp)
 * @param location {@code "latitude longitude"} as received, empty when none
 * @param received arrival time of the request, UTC ms
 */
public record StoredObservation(String provider, String sensor, String value, long time,
                                String location, long received) {

    public StoredObservation {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(sensor, "sensor");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(location, "location");
    }
}
