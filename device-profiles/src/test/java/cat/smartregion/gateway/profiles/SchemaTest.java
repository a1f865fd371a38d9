package cat.smartregion.gateway.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.profile.ProfileException;
import cat.smartregion.gateway.core.internal.profile.ProfileLoader;
import cat.smartregion.gateway.core.internal.quantity.Quantities;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code profile.schema.json} accepts every profile of the library, rejects what the loader rejects
 * (for the cases a schema can express), and lists exactly the quantities and units of the core's table.
 */
class SchemaTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String GOOD = """
            id: example
            manufacturer: Example
            model: X1
            protocol: modbus
            source: "Example manual v1, table 3"
            points:
              - name: phaseVoltageL1
                description: Line 1 voltage
                quantity: voltage
                address: input:0x0000
                type: float32
                unit: V
                range: [180, 265]
                platform: {sentilo: {type: voltage, dataType: NUMBER, unit: V}, sdm: phaseVoltage.L1}
            """;

    private static JsonSchema schema() throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(ProfileFiles.SCHEMA.toFile()));
    }

    private static Set<ValidationMessage> validate(String yaml) throws IOException {
        return schema().validate(YAML.readTree(yaml));
    }

    @Test
    void everyProfileOfTheLibraryIsValid() throws IOException {
        JsonSchema schema = schema();
        for (Path file : ProfileFiles.all()) {
            Set<ValidationMessage> errors = schema.validate(YAML.readTree(file.toFile()));
            assertTrue(errors.isEmpty(), file + ": " + errors);
        }
    }

    @Test
    void theExampleIsValidForBothSchemaAndLoader() throws IOException {
        assertTrue(validate(GOOD).isEmpty(), validate(GOOD).toString());
        new ProfileLoader().parse("example.yaml", stream(GOOD));
    }

    /** Each case breaks the good example in one way that both the schema and the loader refuse. */
    @ParameterizedTest
    @ValueSource(strings = {
        "address: input:0x0000|address: coil:0",
        "type: float32|type: float33",
        "unit: V|unit: W",
        "quantity: voltage|quantity: volts",
        "range: [180, 265]|range: [180]",
        "    type: float32\n|",
        "description: Line 1 voltage|colour: red",
        "name: phaseVoltageL1|name: phase voltage",
        "id: example|id: -example",
        "source: \"Example manual v1, table 3\"\n|",
        "range: [180, 265]|scale: 0",
        "    platform: {sentilo: {type: voltage, dataType: NUMBER, unit: V}, sdm: phaseVoltage.L1}\n|",
        "{sentilo: {type: voltage, dataType: NUMBER, unit: V}, |{",
        "dataType: NUMBER|dataType: NUMERIC",
        "sdm: phaseVoltage.L1|sdm: phase voltage",
        "type: voltage,|type: 'volt age',",
        "range: [180, 265]|ct: maybe",
        "range: [180, 265]|derived: {method: fillingLevel, from: phaseVoltageL1}",
        "    address: input:0x0000\n|    derived: {method: magic, from: x}\n",
    })
    void schemaAndLoaderRefuseTheSameMistakes(String edit) throws IOException {
        String[] parts = edit.split("\\|", -1);
        String bad = GOOD.replace(parts[0], parts[1]);
        assertFalse(bad.equals(GOOD), "edit did not apply: " + edit);
        assertFalse(validate(bad).isEmpty(), "schema accepted: " + bad);
        assertThrows(ProfileException.class, () -> new ProfileLoader().parse("bad.yaml", stream(bad)));
    }

    @Test
    void aDerivedPointIsValidForBothSchemaAndLoader() throws IOException {
        String derived = GOOD.replace("range: [180, 265]", "range: [180, 265]\n    ct: true") + """
                  - name: energy
                    description: Energy counted by the pulse output
                    quantity: activeEnergy
                    unit: kWh
                    derived: {method: pulses, from: phaseVoltageL1, pulsesPerUnit: 1000}
                    platform: {sentilo: {type: energy, dataType: NUMBER, unit: Wh}, sdm: totalActiveEnergyImport}
                """;
        assertTrue(validate(derived).isEmpty(), validate(derived).toString());
        new ProfileLoader().parse("example.yaml", stream(derived));
    }

    @Test
    void schemaListsTheQuantityTableOfTheCore() throws IOException {
        JsonNode point = JSON.readTree(ProfileFiles.SCHEMA.toFile()).path("$defs").path("point");
        Set<String> quantities = new TreeSet<>();
        point.path("properties").path("quantity").path("enum").forEach(q -> quantities.add(q.asText()));
        assertEquals(new TreeSet<>(Quantities.names()), quantities);
        Map<String, Set<String>> units = new TreeMap<>();
        for (JsonNode rule : point.path("allOf")) {
            Set<String> u = new TreeSet<>();
            rule.path("then").path("properties").path("unit").path("enum").forEach(n -> u.add(n.asText()));
            units.put(rule.path("if").path("properties").path("quantity").path("const").asText(), u);
        }
        for (String q : Quantities.names()) {
            assertEquals(Quantities.deviceUnits(q), units.get(q), "units of " + q);
        }
        assertEquals(quantities, units.keySet());
    }

    @Test
    void schemaIsDraft202012() throws IOException {
        assertEquals("https://json-schema.org/draft/2020-12/schema",
                JSON.readTree(Files.readString(ProfileFiles.SCHEMA)).path("$schema").asText());
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
