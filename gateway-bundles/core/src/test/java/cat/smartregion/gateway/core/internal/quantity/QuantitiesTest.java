package cat.smartregion.gateway.core.internal.quantity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuantitiesTest {

    @Test
    void canonicalUnitsAreSenmlSymbols() {
        Map<String, String> expected = Map.ofEntries(Map.entry("voltage", "V"), Map.entry("current", "A"),
                Map.entry("activePower", "W"), Map.entry("apparentPower", "VA"), Map.entry("reactivePower", "var"),
                Map.entry("powerFactor", "/"), Map.entry("frequency", "Hz"), Map.entry("activeEnergy", "Wh"),
                Map.entry("reactiveEnergy", "varh"), Map.entry("temperature", "Cel"),
                Map.entry("relativeHumidity", "%RH"), Map.entry("pressure", "Pa"), Map.entry("soundLevel", "dB"),
                Map.entry("volume", "m3"), Map.entry("ratio", "/"), Map.entry("count", "count"),
                Map.entry("gasConcentration", "/"), Map.entry("angle", "deg"), Map.entry("precipitation", "m"),
                Map.entry("precipitationIntensity", "m/s"), Map.entry("electricalConductivity", "S/m"));
        expected.forEach((quantity, unit) -> assertEquals(Optional.of(unit), Quantities.canonicalUnit(quantity)));
    }

    @Test
    void everyQuantityAcceptsItsCanonicalUnit() {
        for (String quantity : Quantities.names()) {
            String unit = Quantities.canonicalUnit(quantity).orElseThrow();
            assertEquals(Optional.of(UnitConversion.IDENTITY), Quantities.conversion(quantity, unit), quantity);
        }
    }

    @Test
    void convertsDeviceUnits() {
        assertConverts("voltage", "kV", 0.23, 230);
        assertConverts("current", "mA", 1500, 1.5);
        assertConverts("activePower", "kW", 2.5, 2500);
        assertConverts("apparentPower", "kVA", 1, 1000);
        assertConverts("reactivePower", "kvar", 1, 1000);
        assertConverts("activeEnergy", "kWh", 1.5, 1500);
        assertConverts("activeEnergy", "MWh", 2, 2e6);
        assertConverts("frequency", "kHz", 0.05, 50);
        assertConverts("ratio", "%", 85, 0.85);
        assertConverts("powerFactor", "%", 95, 0.95);
        assertConverts("temperature", "degC", 21.5, 21.5);
        assertConverts("temperature", "°C", 21.5, 21.5);
        assertConverts("temperature", "degF", 212, 100);
        assertConverts("pressure", "hPa", 1013.25, 101325);
        assertConverts("pressure", "mbar", 1013.25, 101325);
        assertConverts("pressure", "bar", 2, 200000);
        assertConverts("volume", "l", 1500, 1.5);
        assertConverts("relativeHumidity", "%", 45, 45);
    }

    @Test
    void convertsTheUnitsOfCountersWeatherGasAndSoil() {
        assertConverts("count", "count", 1234, 1234);
        assertConverts("gasConcentration", "ppm", 415, 415e-6);
        assertConverts("gasConcentration", "ppb", 40, 40e-9);
        assertConverts("angle", "deg", 270, 270);
        assertConverts("angle", "rad", Math.PI, 180);
        assertConverts("precipitation", "mm", 2.4, 0.0024);
        assertConverts("precipitation", "l/m2", 12, 0.012);
        assertConverts("precipitationIntensity", "mm/h", 36, 1e-5);
        assertConverts("precipitationIntensity", "mm/min", 0.6, 1e-5);
        assertConverts("electricalConductivity", "uS/cm", 1500, 0.15);
        assertConverts("electricalConductivity", "dS/m", 1.5, 0.15);
        assertConverts("electricalConductivity", "mS/cm", 1.5, 0.15);
    }

    @Test
    void precipitationIsNotALengthNorItsIntensityASpeed() {
        assertTrue(Quantities.conversion("precipitation", "km").isEmpty());
        assertTrue(Quantities.conversion("length", "mm").isPresent());
        assertTrue(Quantities.conversion("length", "l/m2").isEmpty());
        assertTrue(Quantities.conversion("precipitationIntensity", "km/h").isEmpty());
        assertTrue(Quantities.conversion("speed", "mm/h").isEmpty());
        assertEquals(java.util.Set.of("L/m2", "l/m2", "m", "mm"), Quantities.deviceUnits("precipitation"));
    }

    @Test
    void aUnitOfAnotherQuantityDoesNotConvert() {
        assertTrue(Quantities.conversion("voltage", "A").isEmpty());
        assertTrue(Quantities.conversion("activeEnergy", "kW").isEmpty());
        assertTrue(Quantities.conversion("nonsense", "V").isEmpty());
        assertTrue(Quantities.deviceUnits("nonsense").isEmpty());
    }

    private static void assertConverts(String quantity, String unit, double value, double expected) {
        UnitConversion conversion = Quantities.conversion(quantity, unit).orElseThrow();
        assertEquals(expected, conversion.apply(value), Math.abs(expected) * 1e-12 + 1e-12, quantity + " " + unit);
    }
}
