package cat.smartregion.gateway.api.profile;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How a derived point is computed, in the same cycle, from the reading of another point of the
 * profile (its source). A derived point has no address of its own.
 *
 * @param method        how, or {@link Method#NONE} for a point read from the device
 * @param source        the point it is computed from; empty for {@link Method#NONE}
 * @param pulsesPerUnit for {@link Method#PULSES}: pulses per unit of the point's {@code unit} as the profile
 *                      gives it; empty when the installation's parameter gives it
 */
public record Derivation(Method method, String source, OptionalDouble pulsesPerUnit) {

    /** What a derived point computes. */
    public enum Method {
        /** Not derived: read from the device. */
        NONE,
        /**
         * A container's filling level, 0 empty to 1 full, from a distance point (sensor to surface) and the
         * installation's {@code emptyDistance} and {@code fullDistance}: (empty - distance) / (empty - full).
         */
        FILLING_LEVEL,
        /** A quantity counted in pulses (energy, volume): the source's count divided by the pulses per unit. */
        PULSES
    }

    /** A point read from the device. */
    public static final Derivation NONE = new Derivation(Method.NONE, "", OptionalDouble.empty());

    public Derivation {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(pulsesPerUnit, "pulsesPerUnit");
        if (method == Method.NONE != source.isEmpty()) {
            throw new IllegalArgumentException("a derived point names its source point, a read point none");
        }
        if (method != Method.PULSES && pulsesPerUnit.isPresent()) {
            throw new IllegalArgumentException("pulses per unit belong to a point derived from pulses");
        }
        if (pulsesPerUnit.isPresent() && !(pulsesPerUnit.getAsDouble() > 0 && Double.isFinite(pulsesPerUnit.getAsDouble()))) {
            throw new IllegalArgumentException("pulses per unit must be a positive number, got " + pulsesPerUnit.getAsDouble());
        }
    }

    /** A filling level from the distance point {@code source}. */
    public static Derivation fillingLevel(String source) {
        return new Derivation(Method.FILLING_LEVEL, source, OptionalDouble.empty());
    }

    /** A count of pulses from point {@code source}, with the profile's pulses per unit, if it gives one. */
    public static Derivation pulses(String source, OptionalDouble pulsesPerUnit) {
        return new Derivation(Method.PULSES, source, pulsesPerUnit);
    }

    /** Whether the point is computed rather than read. */
    public boolean derived() {
        return method != Method.NONE;
    }
}
