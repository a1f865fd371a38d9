package cat.smartregion.gateway.core.internal.decode;

import cat.smartregion.gateway.api.profile.Derivation;
import cat.smartregion.gateway.api.profile.DeviceProfile;
import cat.smartregion.gateway.core.internal.quantity.Quantities;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container's distances from the sensor to the surface when empty and when full, in metres: the
 * parameters {@code emptyDistance} and {@code fullDistance}, a number of metres or a number with a
 * length unit ({@code 1.2}, {@code 120 cm}, {@code 1200mm}); empty above full, full not negative.
 */
record FillDistances(double empty, double full) {

    static final String EMPTY = "emptyDistance";
    static final String FULL = "fullDistance";
    private static final Pattern LENGTH = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)\\s*([A-Za-z]*)");

    /** The distances, when the profile derives a filling level; empty otherwise. */
    static Optional<FillDistances> of(Params p, DeviceProfile profile) {
        boolean needed = profile.points().stream()
                .anyMatch(point -> point.derivation().method() == Derivation.Method.FILLING_LEVEL);
        if (!needed) {
            for (String key : new String[] {EMPTY, FULL}) {
                if (p.text(key).isPresent()) {
                    throw p.error(key, "profile " + profile.id() + " derives no fillingLevel");
                }
            }
            return Optional.empty();
        }
        double empty = metres(p, EMPTY);
        double full = metres(p, FULL);
        if (!(empty > full)) {
            throw p.error(EMPTY, "the distance when empty (" + empty + " m) must be greater than when full ("
                    + full + " m): the sensor looks down at the surface");
        }
        return Optional.of(new FillDistances(empty, full));
    }

    private static double metres(Params p, String key) {
        String text = p.text(key).orElseThrow(() -> p.error(key, "missing: the fillingLevel is derived from the "
                + "container's " + EMPTY + " and " + FULL + " (metres, or a number with a unit: 1.2, 120 cm)"));
        Matcher m = LENGTH.matcher(text);
        String unit = m.matches() ? (m.group(2).isEmpty() ? "m" : m.group(2)) : "";
        return Quantities.conversion("length", unit).map(c -> c.apply(Double.parseDouble(m.group(1))))
                .orElseThrow(() -> p.error(key, "'" + text + "' is not a length: write metres or a number with one of "
                        + String.join(", ", Quantities.deviceUnits("length"))));
    }
}
