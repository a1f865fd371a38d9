package cat.smartregion.gateway.core.internal.profile;

import cat.smartregion.gateway.api.Priority;
import cat.smartregion.gateway.api.profile.DataType;
import cat.smartregion.gateway.api.profile.Derivation;
import cat.smartregion.gateway.api.profile.PointSpec;
import cat.smartregion.gateway.api.profile.Range;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A point computed from another point of the profile in the same cycle, written with
 * {@code derived: {method: fillingLevel, from: distance}} (quantity {@code ratio}, unit {@code /}) or
 * {@code derived: {method: pulses, from: pulseCount, pulsesPerUnit: 1000}} (the point's {@code unit} is
 * what the pulses count, e.g. {@code kWh}). It has no address, type, order, scale, offset or
 * current transformer: those belong to its source, a number read from the device.
 */
final class DerivedPointReader {

    static final String KEY = "derived";
    private static final List<String> READ_ONLY = List.of("address", "type", "order", "scale", "offset", "length",
            "scaleFactor", "ct");
    private static final List<String> KEYS = List.of("method", "from", "pulsesPerUnit");

    private DerivedPointReader() {
    }

    static PointSpec read(Fields fields, String name, String context) {
        Fields derived = Fields.of(fields.required(KEY), context + ": derived", KEYS);
        String from = derived.text("from");
        for (String key : READ_ONLY) {
            if (fields.node(key).isPresent()) {
                throw fields.error(fields.required(key).where(), "'" + key + "' does not apply to a derived point: "
                        + "it is computed from point '" + from + "'");
            }
        }
        String method = derived.text("method");
        String quantity = PointReader.quantity(fields);
        Derivation derivation;
        String unit;
        if (method.equals("fillingLevel")) {
            derivation = fillingLevel(fields, derived, from, quantity);
            unit = "/";
        } else if (method.equals("pulses")) {
            derivation = Derivation.pulses(from, pulsesPerUnit(derived));
            unit = PointReader.unit(fields, quantity);
        } else {
            throw derived.error(derived.required("method").where(), "unknown method '" + method
                    + "' (expected fillingLevel or pulses)");
        }
        Range range = PointReader.range(fields);
        Priority priority = PointReader.priority(fields, quantity);
        return PointSpec.derived(name, fields.text("description"), quantity, unit, range, priority,
                PlatformReader.read(fields, context, DataType.FLOAT64, quantity), derivation);
    }

    private static Derivation fillingLevel(Fields fields, Fields derived, String from, String quantity) {
        if (!quantity.equals("ratio")) {
            throw fields.error(fields.required("quantity").where(), "a fillingLevel is a ratio (0 empty to 1 full), not "
                    + quantity);
        }
        fields.optionalText("unit").filter(u -> !u.equals("/")).ifPresent(u -> {
            throw fields.error(fields.required("unit").where(), "a fillingLevel is computed in '/', 0 to 1; got '" + u + "'");
        });
        if (derived.node("pulsesPerUnit").isPresent()) {
            throw derived.error(derived.required("pulsesPerUnit").where(), "'pulsesPerUnit' belongs to method pulses");
        }
        return Derivation.fillingLevel(from);
    }

    private static OptionalDouble pulsesPerUnit(Fields derived) {
        return derived.optionalNumber("pulsesPerUnit").map(n -> {
            if (n <= 0) {
                throw derived.error(derived.required("pulsesPerUnit").where(), "'pulsesPerUnit' must be positive, got " + n);
            }
            return OptionalDouble.of(n);
        }).orElse(OptionalDouble.empty());
    }

    /** Checks, once every point is read, that a derived point's source is a number read from the device. */
    static void checkSource(YamlNode item, PointSpec point, Map<String, PointSpec> byName) {
        Fields derived = Fields.unchecked(Fields.unchecked(item, "").required(KEY), "point '" + point.name() + "': derived");
        Where where = derived.required("from").where();
        PointSpec source = byName.get(point.derivation().source());
        if (source == null) {
            throw derived.error(where, "no point '" + point.derivation().source() + "' in this profile to derive from");
        }
        if (source.derived() || !source.type().numeric()) {
            throw derived.error(where, "point '" + source.name() + "' is not a number read from the device");
        }
        if (point.derivation().method() == Derivation.Method.FILLING_LEVEL && !source.quantity().equals("length")) {
            throw derived.error(where, "a fillingLevel is derived from a distance (quantity length), not from "
                    + source.quantity() + " '" + source.name() + "'");
        }
    }
}
