package cat.smartregion.gateway.simulator.devices.profile;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A value the simulator serves for one point, and what the gateway must normalize it to.
 *
 * @param point     the point name
 * @param quantity  the point's quantity
 * @param value     the value in the canonical unit
 * @param unit      the canonical unit (SenML symbol)
 * @param tolerance how far a correct reading may be off: half a register count in the canonical
 *                  unit for integers, one part in a million for floats
 * @param holding   holding (03) or input (04) register
 * @param address   the first register
 * @param words     the register words served
 */
public record ServedPoint(String point, String quantity, double value, String unit, double tolerance,
                          boolean holding, int address, int[] words) {

    public ServedPoint {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(unit, "unit");
        if (!Double.isFinite(value) || !(tolerance > 0)) {
            throw new IllegalArgumentException("point " + point + ": value " + value + ", tolerance " + tolerance);
        }
        words = words.clone();
    }

    @Override
    public int[] words() {
        return words.clone();
    }

    /** Whether a normalized reading of this point is right. */
    public boolean matches(double reading) {
        return Math.abs(reading - value) <= tolerance;
    }

    /** One JSON line, as the command line prints it. */
    public String json(int unitId, String profile) {
        String hex = Arrays.stream(words).mapToObj(w -> String.format("%04X", w)).collect(Collectors.joining(" "));
        return String.format(java.util.Locale.ROOT,
                "{\"unit\":%d,\"profile\":\"%s\",\"point\":\"%s\",\"quantity\":\"%s\",\"value\":%s,\"canonicalUnit\":\"%s\","
                        + "\"tolerance\":%s,\"register\":\"%s:%d\",\"words\":\"%s\"}",
                unitId, profile, point, quantity, value, unit, tolerance, holding ? "holding" : "input", address, hex);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ServedPoint p && p.point.equals(point) && p.value == value && p.holding == holding
                && p.address == address && Arrays.equals(p.words, words);
    }

    @Override
    public int hashCode() {
        return Objects.hash(point, value, holding, address, Arrays.hashCode(words));
    }
}
