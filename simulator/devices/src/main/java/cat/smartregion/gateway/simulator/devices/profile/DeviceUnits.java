package cat.smartregion.gateway.simulator.devices.profile;

import java.util.Map;

/**
 * The simulator's own table of canonical units (SenML symbols) and how a device unit converts to
 * them: canonical = device x factor + offset. Written from docs/profiles.md, independently of the
 * gateway's quantity table, so that a wrong conversion in either shows in the end-to-end test.
 */
final class DeviceUnits {

    /** canonical = device x factor + offset. */
    record Conversion(String canonicalUnit, double factor, double offset) {

        double toCanonical(double device) {
            return device * factor + offset;
        }

        double toDevice(double canonical) {
            return (canonical - offset) / factor;
        }
    }

    private static final Map<String, String> CANONICAL = Map.ofEntries(
            Map.entry("voltage", "V"), Map.entry("current", "A"), Map.entry("activePower", "W"),
            Map.entry("apparentPower", "VA"), Map.entry("reactivePower", "var"), Map.entry("powerFactor", "/"),
            Map.entry("ratio", "/"), Map.entry("gasConcentration", "/"), Map.entry("frequency", "Hz"),
            Map.entry("activeEnergy", "Wh"), Map.entry("reactiveEnergy", "varh"), Map.entry("apparentEnergy", "VAh"),
            Map.entry("temperature", "Cel"), Map.entry("relativeHumidity", "%RH"), Map.entry("pressure", "Pa"),
            Map.entry("soundLevel", "dB"), Map.entry("volume", "m3"), Map.entry("volumeFlow", "m3/s"),
            Map.entry("massConcentration", "kg/m3"), Map.entry("length", "m"), Map.entry("speed", "m/s"),
            Map.entry("illuminance", "lx"), Map.entry("irradiance", "W/m2"), Map.entry("mass", "kg"),
            Map.entry("count", "count"), Map.entry("angle", "deg"), Map.entry("precipitation", "m"),
            Map.entry("precipitationIntensity", "m/s"), Map.entry("electricalConductivity", "S/m"));

    /** Factors of the device units that are not the canonical unit itself; the same for every quantity. */
    private static final Map<String, Double> FACTOR = Map.ofEntries(
            Map.entry("mV", 1e-3), Map.entry("kV", 1e3), Map.entry("mA", 1e-3), Map.entry("kA", 1e3),
            Map.entry("kW", 1e3), Map.entry("MW", 1e6), Map.entry("kVA", 1e3), Map.entry("MVA", 1e6),
            Map.entry("VAr", 1.0), Map.entry("kvar", 1e3), Map.entry("kVAr", 1e3), Map.entry("Mvar", 1e6),
            Map.entry("ppm", 1e-6), Map.entry("ppb", 1e-9), Map.entry("kHz", 1e3),
            Map.entry("kWh", 1e3), Map.entry("MWh", 1e6), Map.entry("J", 1 / 3600.0), Map.entry("kJ", 1 / 3.6),
            Map.entry("MJ", 1e6 / 3600), Map.entry("kvarh", 1e3), Map.entry("kVArh", 1e3), Map.entry("Mvarh", 1e6),
            Map.entry("kVAh", 1e3), Map.entry("MVAh", 1e6), Map.entry("degC", 1.0), Map.entry("°C", 1.0),
            Map.entry("hPa", 100.0), Map.entry("mbar", 100.0), Map.entry("kPa", 1e3), Map.entry("bar", 1e5),
            Map.entry("dBA", 1.0), Map.entry("dB(A)", 1.0), Map.entry("l", 1e-3), Map.entry("L", 1e-3),
            Map.entry("dm3", 1e-3), Map.entry("m3/h", 1 / 3600.0), Map.entry("l/s", 1e-3), Map.entry("l/min", 1e-3 / 60),
            Map.entry("l/h", 1e-3 / 3600), Map.entry("g/m3", 1e-3), Map.entry("mg/m3", 1e-6), Map.entry("ug/m3", 1e-9),
            Map.entry("µg/m3", 1e-9), Map.entry("mm", 1e-3), Map.entry("cm", 1e-2), Map.entry("km", 1e3),
            Map.entry("km/h", 1 / 3.6), Map.entry("g", 1e-3), Map.entry("t", 1e3), Map.entry("°", 1.0),
            Map.entry("rad", 180 / Math.PI), Map.entry("l/m2", 1e-3), Map.entry("L/m2", 1e-3),
            Map.entry("mm/h", 1e-3 / 3600), Map.entry("mm/min", 1e-3 / 60), Map.entry("mS/m", 1e-3),
            Map.entry("dS/m", 0.1), Map.entry("mS/cm", 0.1), Map.entry("uS/cm", 1e-4), Map.entry("µS/cm", 1e-4));

    private DeviceUnits() {
    }

    /** How a value of the quantity in the device unit becomes canonical. */
    static Conversion of(String quantity, String unit) {
        String canonical = CANONICAL.get(quantity);
        if (canonical == null) {
            throw new IllegalArgumentException("unknown quantity " + quantity);
        }
        if (unit.equals(canonical)) {
            return new Conversion(canonical, 1, 0);
        }
        return switch (unit) {
            case "%" -> new Conversion(canonical, canonical.equals("%RH") ? 1 : 0.01, 0);
            case "K" -> new Conversion(canonical, 1, -273.15);
            case "degF" -> new Conversion(canonical, 5 / 9.0, -160 / 9.0);
            default -> new Conversion(canonical, factor(quantity, unit), 0);
        };
    }

    private static double factor(String quantity, String unit) {
        Double factor = FACTOR.get(unit);
        if (factor == null) {
            throw new IllegalArgumentException("quantity " + quantity + ": unknown device unit " + unit);
        }
        return factor;
    }
}
