package cat.smartregion.gateway.core.internal.profile;

import cat.smartregion.gateway.api.Priority;
import cat.smartregion.gateway.api.profile.DataType;
import cat.smartregion.gateway.api.profile.Derivation;
import cat.smartregion.gateway.api.profile.PointSpec;
import cat.smartregion.gateway.api.profile.Range;
import cat.smartregion.gateway.api.profile.WordOrder;
import cat.smartregion.gateway.core.internal.profile.ProfileLoader.PointDefaults;
import cat.smartregion.gateway.core.internal.profile.YamlNode.Sequence;
import cat.smartregion.gateway.core.internal.quantity.Quantities;
import java.util.List;
import java.util.Locale;

/** Reads and checks one entry of a profile's {@code points} list. */
final class PointReader {

    static final List<String> KEYS = List.of("name", "description", "quantity", "address", "type", "order",
            "scale", "offset", "unit", "range", "priority", "length", "scaleFactor", "platform", "ct", DerivedPointReader.KEY);
    private static final String NAME_SYNTAX = "[A-Za-z0-9_-]{1,64}";

    private final YamlNode node;
    private final String protocol;
    private final PointDefaults defaults;

    PointReader(YamlNode node, String protocol, PointDefaults defaults) {
        this.node = node;
        this.protocol = protocol;
        this.defaults = defaults;
    }

    PointSpec read() {
        String name = Fields.unchecked(node, "point").text("name");
        String context = "point '" + name + "'";
        Fields fields = Fields.of(node, context, KEYS);
        if (!name.matches(NAME_SYNTAX)) {
            throw fields.error(fields.required("name").where(), "name must match " + NAME_SYNTAX);
        }
        if (fields.node(DerivedPointReader.KEY).isPresent()) {
            return DerivedPointReader.read(fields, name, context);
        }
        DataType type = type(fields);
        WordOrder order = fields.optionalText("order")
                .map(o -> Enums.parse(WordOrder.class, o, fields, fields.required("order").where(), "order"))
                .orElse(defaults.order());
        if (!type.numeric()) {
            return NonNumericPoint.read(fields, name, type, order, protocol, context);
        }
        if (fields.node("length").isPresent()) {
            throw fields.error(fields.required("length").where(), "'length' belongs to string points; "
                    + type.name().toLowerCase(Locale.ROOT) + " has " + type.registers() + " registers");
        }
        if (type == DataType.DECIMAL && "modbus".equals(protocol)) {
            throw fields.error(fields.required("type").where(), "decimal (a number written as text) is not a Modbus type");
        }
        String quantity = quantity(fields);
        double scale = fields.optionalNumber("scale").orElse(defaults.scale());
        if (scale == 0) {
            throw fields.error(fields.required("scale").where(), "scale must not be 0");
        }
        return new PointSpec(name, fields.text("description"), quantity, address(fields, type), type, order,
                scale, fields.optionalNumber("offset").orElse(0.0), unit(fields, quantity), range(fields),
                priority(fields, quantity), type.registers(), ShapeCheck.scaleFactor(fields, protocol),
                PlatformReader.read(fields, context, type, quantity), fields.flag("ct"), Derivation.NONE);
    }

    /** The buffer's eviction class: as declared, else COUNTER for cumulative quantities and SAMPLE for the rest. */
    static Priority priority(Fields fields, String quantity) {
        return fields.optionalText("priority")
                .map(p -> Enums.parse(Priority.class, p, fields, fields.required("priority").where(), "priority"))
                .orElse(Quantities.isCumulative(quantity) ? Priority.COUNTER : Priority.SAMPLE);
    }

    static String quantity(Fields fields) {
        String quantity = fields.text("quantity");
        if (Quantities.canonicalUnit(quantity).isEmpty()) {
            throw fields.error(fields.required("quantity").where(), "unknown quantity '" + quantity
                    + "' (expected one of " + String.join(", ", Quantities.names()) + ")");
        }
        return quantity;
    }

    private DataType type(Fields fields) {
        if (fields.node("type").isEmpty() && defaults.type() != null) {
            return defaults.type();
        }
        if (fields.node("type").isEmpty()) {
            throw fields.error(fields.where(), "missing 'type' and no default type in 'defaults'");
        }
        return Enums.parse(DataType.class, fields.text("type"), fields, fields.required("type").where(), "type");
    }

    private String address(Fields fields, DataType type) {
        String address = fields.text("address");
        if ("modbus".equals(protocol)) {
            ShapeCheck.address(fields, address, type, type.registers());
        }
        return address;
    }

    static String unit(Fields fields, String quantity) {
        String unit = fields.text("unit");
        if (Quantities.conversion(quantity, unit).isEmpty()) {
            throw fields.error(fields.required("unit").where(), "unit '" + unit + "' cannot be converted to '"
                    + Quantities.canonicalUnit(quantity).orElseThrow() + "', the canonical unit of " + quantity
                    + " (known units: " + String.join(", ", Quantities.deviceUnits(quantity)) + ")");
        }
        return unit;
    }

    static Range range(Fields fields) {
        return fields.optionalList("range").map(list -> range(fields, list)).orElse(Range.ANY);
    }

    private static Range range(Fields fields, Sequence list) {
        if (list.items().size() != 2) {
            throw fields.error(list.where(), "'range' must be [min, max] in the canonical unit");
        }
        double min = fields.number("range", list.items().get(0));
        double max = fields.number("range", list.items().get(1));
        if (min > max) {
            throw fields.error(list.where(), "'range' needs min <= max, got [" + min + ", " + max + "]");
        }
        return new Range(min, max);
    }
}
