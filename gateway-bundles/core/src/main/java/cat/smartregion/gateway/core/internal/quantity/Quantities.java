package cat.smartregion.gateway.core.internal.quantity;

import static cat.smartregion.gateway.core.internal.quantity.UnitConversion.times;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The quantity table: each quantity's canonical unit (a SenML symbol) and the device units that
 * convert to it. The one place that knows units; the module README prints the same table.
 *
 * <p>Canonical units are SenML primary units (RFC 8428, RFC 8798): {@code count} for people and
 * vehicles; {@code deg} (registered by RFC 8798) for a direction such as the wind's, since no
 * station nor the platform speaks radians; {@code m} and {@code m/s} for precipitation and its
 * intensity, of which {@code mm} and {@code mm/h} are RFC 8798's secondary units; {@code S/m} for
 * electrical conductivity. A gas concentration is a quantity of its own with the canonical unit
 * {@code /}, because RFC 8798 registers {@code ppm} as a secondary unit of {@code /} (scale 1e-6):
 * 415 ppm of CO2 is the reading 4.15e-4. It is not filed under {@code ratio} so that the platform
 * mapping and the ranges can tell a gas fraction from a power factor or a water content.
 */
public final class Quantities {

    private static final Map<String, String> CANONICAL = sorted(Map.ofEntries(
            Map.entry("voltage", "V"),
            Map.entry("current", "A"),
            Map.entry("activePower", "W"),
            Map.entry("apparentPower", "VA"),
            Map.entry("reactivePower", "var"),
            Map.entry("powerFactor", "/"),
            Map.entry("frequency", "Hz"),
            Map.entry("activeEnergy", "Wh"),
            Map.entry("reactiveEnergy", "varh"),
            Map.entry("apparentEnergy", "VAh"),
            Map.entry("temperature", "Cel"),
            Map.entry("relativeHumidity", "%RH"),
            Map.entry("pressure", "Pa"),
            Map.entry("soundLevel", "dB"),
            Map.entry("volume", "m3"),
            Map.entry("volumeFlow", "m3/s"),
            Map.entry("ratio", "/"),
            Map.entry("massConcentration", "kg/m3"),
            Map.entry("length", "m"),
            Map.entry("speed", "m/s"),
            Map.entry("illuminance", "lx"),
            Map.entry("irradiance", "W/m2"),
            Map.entry("mass", "kg"),
            Map.entry("count", "count"),
            Map.entry("gasConcentration", "/"),
            Map.entry("angle", "deg"),
            Map.entry("precipitation", "m"),
            Map.entry("precipitationIntensity", "m/s"),
            Map.entry("electricalConductivity", "S/m")));

    private static final Set<String> CUMULATIVE = Set.of("activeEnergy", "reactiveEnergy", "apparentEnergy", "volume");

    /**
     * Quantities that share a canonical unit with another but accept other device units: a rain
     * gauge's millimetres are metres, but a precipitation is not given in kilometres, and an intensity
     * is not a wind speed. Looked up before {@link #FROM_DEVICE_UNIT}.
     */
    private static final Map<String, Map<String, UnitConversion>> OWN_DEVICE_UNITS = Map.of(
            "precipitation", Map.of("m", times(1), "mm", times(1e-3), "l/m2", times(1e-3), "L/m2", times(1e-3)),
            "precipitationIntensity", Map.of("m/s", times(1), "mm/h", times(1e-3 / 3600), "mm/min", times(1e-3 / 60)));

    private static final Map<String, Map<String, UnitConversion>> FROM_DEVICE_UNIT = Map.ofEntries(
            Map.entry("V", Map.of("V", times(1), "mV", times(1e-3), "kV", times(1e3))),
            Map.entry("A", Map.of("A", times(1), "mA", times(1e-3), "kA", times(1e3))),
            Map.entry("W", Map.of("W", times(1), "kW", times(1e3), "MW", times(1e6))),
            Map.entry("VA", Map.of("VA", times(1), "kVA", times(1e3), "MVA", times(1e6))),
            Map.entry("var", Map.of("var", times(1), "VAr", times(1), "kvar", times(1e3), "kVAr", times(1e3),
                    "Mvar", times(1e6))),
            Map.entry("/", Map.of("/", times(1), "%", times(1e-2), "ppm", times(1e-6), "ppb", times(1e-9))),
            Map.entry("Hz", Map.of("Hz", times(1), "kHz", times(1e3))),
            Map.entry("Wh", Map.of("Wh", times(1), "kWh", times(1e3), "MWh", times(1e6), "J", times(1 / 3600.0),
                    "kJ", times(1 / 3.6), "MJ", times(1e6 / 3600.0))),
            Map.entry("varh", Map.of("varh", times(1), "kvarh", times(1e3), "kVArh", times(1e3),
                    "Mvarh", times(1e6))),
            Map.entry("VAh", Map.of("VAh", times(1), "kVAh", times(1e3), "MVAh", times(1e6))),
            Map.entry("Cel", Map.of("Cel", times(1), "degC", times(1), "°C", times(1),
                    "K", new UnitConversion(1, -273.15), "degF", new UnitConversion(5 / 9.0, -160 / 9.0))),
            Map.entry("%RH", Map.of("%RH", times(1), "%", times(1))),
            Map.entry("Pa", Map.of("Pa", times(1), "hPa", times(100), "mbar", times(100), "kPa", times(1e3),
                    "bar", times(1e5))),
            Map.entry("dB", Map.of("dB", times(1), "dBA", times(1), "dB(A)", times(1))),
            Map.entry("m3", Map.of("m3", times(1), "l", times(1e-3), "L", times(1e-3), "dm3", times(1e-3))),
            Map.entry("m3/s", Map.of("m3/s", times(1), "m3/h", times(1 / 3600.0), "l/s", times(1e-3),
                    "l/min", times(1e-3 / 60), "l/h", times(1e-3 / 3600))),
            Map.entry("kg/m3", Map.of("kg/m3", times(1), "g/m3", times(1e-3), "mg/m3", times(1e-6),
                    "ug/m3", times(1e-9), "µg/m3", times(1e-9))),
            Map.entry("m", Map.of("m", times(1), "mm", times(1e-3), "cm", times(1e-2), "km", times(1e3))),
            Map.entry("m/s", Map.of("m/s", times(1), "km/h", times(1 / 3.6))),
            Map.entry("lx", Map.of("lx", times(1))),
            Map.entry("W/m2", Map.of("W/m2", times(1))),
            Map.entry("kg", Map.of("kg", times(1), "g", times(1e-3), "t", times(1e3))),
            Map.entry("count", Map.of("count", times(1))),
            Map.entry("deg", Map.of("deg", times(1), "°", times(1), "rad", times(180 / Math.PI))),
            Map.entry("S/m", Map.of("S/m", times(1), "mS/m", times(1e-3), "dS/m", times(0.1), "mS/cm", times(0.1),
                    "uS/cm", times(1e-4), "µS/cm", times(1e-4))));

    private Quantities() {
    }

    /** Whether the quantity only grows, like an energy or volume register: such readings are kept longest. */
    public static boolean isCumulative(String quantity) {
        return CUMULATIVE.contains(quantity);
    }

    /** Known quantity names, sorted. */
    public static Set<String> names() {
        return CANONICAL.keySet();
    }

    public static Optional<String> canonicalUnit(String quantity) {
        return Optional.ofNullable(CANONICAL.get(quantity));
    }

    /** The device units a quantity accepts, sorted; empty for an unknown quantity. */
    public static Set<String> deviceUnits(String quantity) {
        return units(quantity).map(units -> Collections.unmodifiableSet(new TreeSet<>(units.keySet()))).orElse(Set.of());
    }

    /** How to convert a value of the quantity in the device's unit to the canonical unit. */
    public static Optional<UnitConversion> conversion(String quantity, String deviceUnit) {
        return units(quantity).map(units -> units.get(deviceUnit));
    }

    private static Optional<Map<String, UnitConversion>> units(String quantity) {
        return Optional.ofNullable(OWN_DEVICE_UNITS.get(quantity))
                .or(() -> canonicalUnit(quantity).map(FROM_DEVICE_UNIT::get));
    }

    private static Map<String, String> sorted(Map<String, String> map) {
        return Collections.unmodifiableMap(new TreeMap<>(map));
    }
}
