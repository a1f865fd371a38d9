package cat.smartregion.gateway.api.push;

import java.util.Objects;

/**
 * One value a device pushed, as its protocol adapter parsed it, before any decoding.
 *
 * @param baseName the name prefix the value came with (SenML {@code bn}), empty when none
 * @param name     the value's own name (SenML {@code n}), empty when none
 * @param unit     the device's unit symbol, empty when none
 * @param value    the value as written: a number's digits, a string, {@code true}/{@code false}
 * @param time     UTC time of the observation, ms since the epoch
 */
public record PushedRecord(String baseName, String name, String unit, String value, long time) {

    public PushedRecord {
        Objects.requireNonNull(baseName, "baseName");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(value, "value");
        if (baseName.isEmpty() && name.isEmpty()) {
            throw new IllegalArgumentException("a pushed record needs a name or a base name");
        }
    }

    /** The base name followed by the name, as SenML resolves them. */
    public String fullName() {
        return baseName + name;
    }
}
