package cat.smartregion.gateway.core.internal.profile;

import cat.smartregion.gateway.api.Priority;
import cat.smartregion.gateway.api.profile.DataType;
import cat.smartregion.gateway.api.profile.Derivation;
import cat.smartregion.gateway.api.profile.PointSpec;
import cat.smartregion.gateway.api.profile.Range;
import cat.smartregion.gateway.api.profile.WordOrder;
import java.util.List;

/**
 * A {@code bit} or {@code string} point: no unit, scale, offset or range; its quantity names what
 * it tells ({@code state} for bits and {@code text} for strings when not given). A string gives its
 * {@code length} in registers (1-125), two characters each.
 */
final class NonNumericPoint {

    private static final List<String> NUMERIC_ONLY = List.of("scale", "offset", "unit", "range", "scaleFactor", "ct");
    private static final String QUANTITY_SYNTAX = "[A-Za-z][A-Za-z0-9]{0,63}";

    private NonNumericPoint() {
    }

    static PointSpec read(Fields fields, String name, DataType type, WordOrder order, String protocol, String context) {
        for (String key : NUMERIC_ONLY) {
            if (fields.node(key).isPresent()) {
                throw fields.error(fields.required(key).where(), "'" + key + "' applies to numbers, not to a "
                        + type.name().toLowerCase() + " point");
            }
        }
        String quantity = fields.optionalText("quantity").orElse(type == DataType.BIT ? "state" : "text");
        if (!quantity.matches(QUANTITY_SYNTAX)) {
            throw fields.error(fields.required("quantity").where(), "quantity '" + quantity + "' must match " + QUANTITY_SYNTAX);
        }
        int length = length(fields, type);
        String address = fields.text("address");
        if ("modbus".equals(protocol)) {
            ShapeCheck.address(fields, address, type, length);
        }
        Priority priority = fields.optionalText("priority")
                .map(p -> Enums.parse(Priority.class, p, fields, fields.required("priority").where(), "priority"))
                .orElse(Priority.STATE);
        return new PointSpec(name, fields.text("description"), quantity, address, type, order, 1, 0, "", Range.ANY,
                priority, length, "", PlatformReader.read(fields, context, type, quantity), false, Derivation.NONE);
    }

    private static int length(Fields fields, DataType type) {
        if (type == DataType.BIT) {
            if (fields.node("length").isPresent()) {
                throw fields.error(fields.required("length").where(), "a bit point takes no 'length'");
            }
            return 1;
        }
        double length = fields.number("length", fields.required("length"));
        if (length != Math.rint(length) || length < 1 || length > 125) {
            throw fields.error(fields.required("length").where(), "'length' of a string is 1-125 registers, got " + length);
        }
        return (int) length;
    }
}
