package cat.smartregion.gateway.core.internal.profile;

import cat.smartregion.gateway.api.profile.DataType;
import cat.smartregion.gateway.api.profile.PlatformMapping;
import cat.smartregion.gateway.core.internal.quantity.Quantities;
import cat.smartregion.gateway.core.internal.quantity.UnitConversion;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a point's required {@code platform} mapping:
 * {@code platform: {sentilo: {type: voltage, dataType: NUMBER, unit: V}, sdm: phaseVoltage.L1}}. The data
 * type must be the one the point's readings have (NUMBER, BOOLEAN for a bit, TEXT for a string) and a
 * number's unit must name its canonical unit, in the canonical spelling or another that needs no conversion
 * ({@code °C} for {@code Cel}): the catalog never shows a unit the values are not in.
 */
final class PlatformReader {

    static final String EXAMPLE = "platform: {sentilo: {type: <Sentilo sensor type>, dataType: NUMBER, unit: <unit>}, "
            + "sdm: <Smart Data Models attribute>}";
    private static final String ID_SYNTAX = "[A-Za-z0-9_-]{1,64}";
    private static final String SDM_SYNTAX = "[A-Za-z][A-Za-z0-9_]{0,63}(\\.[A-Za-z0-9_]{1,32})?";

    private PlatformReader() {
    }

    /** @param quantity the point's quantity; {@code type} its data type (a derived point's is a number) */
    static PlatformMapping read(Fields point, String context, DataType type, String quantity) {
        YamlNode node = point.node("platform").orElseThrow(() -> point.error(point.where(),
                "missing platform mapping 'platform' (" + EXAMPLE + ")"));
        Fields platform = Fields.of(node, context + ": platform", List.of("sentilo", "sdm"));
        String sdm = platform.optionalText("sdm").orElse("");
        if (!sdm.isEmpty() && !sdm.matches(SDM_SYNTAX)) {
            throw platform.error(platform.required("sdm").where(), "Smart Data Models attribute '" + sdm
                    + "' must match " + SDM_SYNTAX + " (an attribute, or attribute.subproperty such as phaseVoltage.L1)");
        }
        YamlNode sentiloNode = platform.node("sentilo").orElseThrow(() -> platform.error(platform.where(),
                "missing 'sentilo' (the Sentilo sensor's type, dataType and unit)"));
        Fields sentilo = Fields.of(sentiloNode, context + ": platform: sentilo", List.of("type", "dataType", "unit"));
        String sensorType = sentilo.text("type");
        if (!sensorType.matches(ID_SYNTAX)) {
            throw sentilo.error(sentilo.required("type").where(), "Sentilo type '" + sensorType + "' must match " + ID_SYNTAX);
        }
        return new PlatformMapping(sensorType, dataType(sentilo, type), unit(sentilo, type, quantity), sdm);
    }

    private static String dataType(Fields sentilo, DataType type) {
        String expected = type == DataType.BIT ? "BOOLEAN" : type == DataType.STRING ? "TEXT" : "NUMBER";
        String given = sentilo.text("dataType");
        if (!given.equals(expected)) {
            throw sentilo.error(sentilo.required("dataType").where(), "dataType '" + given + "' does not fit a "
                    + type.name().toLowerCase(Locale.ROOT) + " point: its readings are " + expected);
        }
        return given;
    }

    private static String unit(Fields sentilo, DataType type, String quantity) {
        if (!type.numeric()) {
            sentilo.node("unit").ifPresent(n -> {
                throw sentilo.error(n.where(), "a " + type.name().toLowerCase(Locale.ROOT) + " point has no unit");
            });
            return "";
        }
        String unit = sentilo.text("unit");
        String canonical = Quantities.canonicalUnit(quantity).orElseThrow();
        if (!Quantities.conversion(quantity, unit).filter(UnitConversion.IDENTITY::equals).isPresent()) {
            throw sentilo.error(sentilo.required("unit").where(), "unit '" + unit + "' is not the unit of the readings: "
                    + quantity + " is sent in " + canonical + " (write one of " + String.join(", ", spellings(quantity)) + ")");
        }
        return unit;
    }

    /** The units that name the canonical unit of a quantity without conversion. */
    private static Set<String> spellings(String quantity) {
        Set<String> units = new TreeSet<>();
        for (String unit : Quantities.deviceUnits(quantity)) {
            Quantities.conversion(quantity, unit).filter(UnitConversion.IDENTITY::equals).ifPresent(c -> units.add(unit));
        }
        return units;
    }
}
