package cat.smartregion.gateway.core.internal.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.profile.DataType;
import cat.smartregion.gateway.api.profile.Derivation;
import cat.smartregion.gateway.api.profile.DeviceProfile;
import cat.smartregion.gateway.api.profile.PlatformMapping;
import cat.smartregion.gateway.api.profile.PointSpec;
import cat.smartregion.gateway.api.profile.ProfileException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The platform mapping, the current transformer mark and derived points, as profiles write them. */
class PlatformAndDerivedPointsTest {

    private static final String HEAD = """
            id: bin-sensor
            manufacturer: Acme
            model: B1
            protocol: modbus
            source: "Acme B1 manual"
            points:
              - name: distance
                description: Distance to the surface
                quantity: length
                address: input:0
                type: uint16
                unit: mm
                range: [0, 4]
                platform: {sentilo: {type: distance, dataType: NUMBER, unit: m}}
            """;

    private static final String FILL = """
              - name: fillingLevel
                description: Filling level
                quantity: ratio
                derived: {method: fillingLevel, from: distance}
                range: [0, 1]
                platform: {sentilo: {type: filling_level, dataType: NUMBER, unit: /}, sdm: fillingLevel}
            """;

    private static DeviceProfile parse(String yaml) {
        return new ProfileLoader().parse("b1.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String error(String yaml) {
        return assertThrows(ProfileException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void readsThePlatformMapping() {
        PointSpec distance = parse(HEAD).points().get(0);
        assertEquals(new PlatformMapping("distance", "NUMBER", "m", ""), distance.platform());
        assertFalse(distance.ct());
    }

    @Test
    void aMissingPlatformMappingNamesTheLine() {
        String message = error(HEAD.replace("    platform: {sentilo: {type: distance, dataType: NUMBER, unit: m}}\n", ""));
        assertTrue(message.startsWith("b1.yaml:7:5: point 'distance': missing platform mapping 'platform' ("), message);
        assertEquals("b1.yaml:14:15: point 'distance': platform: missing 'sentilo' (the Sentilo sensor's type, dataType "
                + "and unit)", error(HEAD.replace("{sentilo: {type: distance, dataType: NUMBER, unit: m}}", "{sdm: x}")));
        assertTrue(error(HEAD.replace("dataType: NUMBER, ", "")).startsWith("b1.yaml:14:25: point 'distance': platform: "
                + "sentilo: missing 'dataType'"));
    }

    @Test
    void theMappingMustTellTheTruthAboutTheReadings() {
        assertEquals("b1.yaml:14:66: point 'distance': platform: sentilo: unit 'mm' is not the unit of the readings: "
                + "length is sent in m (write one of m)", error(HEAD.replace("unit: m}", "unit: mm}")));
        assertEquals("b1.yaml:14:52: point 'distance': platform: sentilo: dataType 'TEXT' does not fit a uint16 point: "
                + "its readings are NUMBER", error(HEAD.replace("NUMBER", "TEXT")));
        assertTrue(error(HEAD.replace("type: distance,", "type: 'dist ance',")).contains("Sentilo type 'dist ance' must match"));
        assertTrue(error(HEAD.replace("unit: m}}", "unit: m}, sdm: 'a b'}")).contains("Smart Data Models attribute 'a b'"));
        assertTrue(error(HEAD.replace("unit: m}", "unit: m, colour: red}")).contains("unknown key 'colour'"));
    }

    @Test
    void aCelsiusSpellingIsTheCanonicalUnit() {
        String yaml = HEAD.replace("quantity: length", "quantity: temperature").replace("unit: mm", "unit: Cel")
                .replace("unit: m}", "unit: °C}");
        assertEquals("°C", parse(yaml).points().get(0).platform().sentiloUnit());
    }

    @Test
    void readsTheCurrentTransformerMark() {
        assertTrue(parse(HEAD + "    ct: true\n").points().get(0).ct());
        assertEquals("b1.yaml:15:9: point 'distance': 'ct' must be true or false, found 'yes please'",
                error(HEAD + "    ct: yes please\n"));
    }

    @Test
    void readsAFillingLevelDerivedFromTheDistance() {
        PointSpec fill = parse(HEAD + FILL).points().get(1);
        assertEquals(Derivation.fillingLevel("distance"), fill.derivation());
        assertEquals("", fill.address());
        assertEquals(DataType.FLOAT64, fill.type());
        assertEquals("/", fill.unit());
        assertEquals("filling_level", fill.platform().sentiloType());
    }

    @Test
    void readsAQuantityCountedInPulses() {
        PointSpec energy = parse(HEAD + """
                  - name: energy
                    description: Energy from the meter's pulse output
                    quantity: activeEnergy
                    unit: kWh
                    derived: {method: pulses, from: distance, pulsesPerUnit: 1000}
                    platform: {sentilo: {type: energy, dataType: NUMBER, unit: Wh}, sdm: totalActiveEnergyImport}
                """).points().get(1);
        assertEquals(Derivation.pulses("distance", OptionalDouble.of(1000)), energy.derivation());
        assertEquals("kWh", energy.unit());
    }

    @Test
    void aDerivedPointIsCheckedAgainstItsSource() {
        assertEquals("b1.yaml:18:43: point 'fillingLevel': derived: no point 'distanse' in this profile to derive from",
                error(HEAD + FILL.replace("from: distance", "from: distanse")));
        assertTrue(error(HEAD + FILL + "    address: input:1\n").endsWith("point 'fillingLevel': 'address' does not "
                + "apply to a derived point: it is computed from point 'distance'"));
        assertTrue(error(HEAD + FILL.replace("method: fillingLevel", "method: magic")).contains("unknown method 'magic'"));
        assertTrue(error(HEAD + FILL.replace("quantity: ratio", "quantity: length")).contains("a fillingLevel is a ratio"));
        assertTrue(error(HEAD.replace("quantity: length", "quantity: temperature").replace("unit: mm", "unit: Cel")
                .replace("unit: m}", "unit: Cel}") + FILL).contains("derived from a distance (quantity length), not from "
                + "temperature 'distance'"));
        assertTrue(error(HEAD + FILL + FILL.replace("name: fillingLevel", "name: twice")
                .replace("from: distance", "from: fillingLevel")).contains("point 'fillingLevel' is not a number read"));
    }

    @Test
    void aSourceThatIsWrongItselfIsReportedOnceNotAgainByItsDerivedPoint() {
        ProfileException e = assertThrows(ProfileException.class, () -> parse(HEAD.replace("unit: mm", "unit: furlong") + FILL));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("point 'distance'") && e.getMessage().contains("furlong"), e.getMessage());
    }
}
