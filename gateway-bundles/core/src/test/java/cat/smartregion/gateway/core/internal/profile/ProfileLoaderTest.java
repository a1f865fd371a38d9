package cat.smartregion.gateway.core.internal.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.Priority;
import cat.smartregion.gateway.api.profile.DataType;
import cat.smartregion.gateway.api.profile.Derivation;
import cat.smartregion.gateway.api.profile.DeviceProfile;
import cat.smartregion.gateway.api.profile.PlatformMapping;
import cat.smartregion.gateway.api.profile.PointSpec;
import cat.smartregion.gateway.api.profile.ProfileException;
import cat.smartregion.gateway.api.profile.Range;
import cat.smartregion.gateway.api.profile.WordOrder;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileLoaderTest {

    private static final String HEAD = """
            id: test-meter
            manufacturer: Acme
            model: M1
            protocol: modbus
            source: "Acme M1 manual"
            defaults: {type: float32, order: CDAB, scale: 0.1}
            points:
            """;

    private static final String GOOD_POINT = """
              - name: phaseVoltageL1
                description: Line 1 to neutral voltage
                quantity: voltage
                address: input:0x0000
                unit: V
                range: [180, 265]
                platform: {sentilo: {type: voltage, dataType: NUMBER, unit: V}, sdm: phaseVoltage.L1}
            """;

    private final ProfileLoader loader = new ProfileLoader();

    private DeviceProfile parse(String yaml) {
        return loader.parse("m1.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private String error(String yaml) {
        return assertThrows(ProfileException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void readsAProfileWithDefaults() {
        DeviceProfile profile = parse(HEAD + GOOD_POINT + """
                  - name: totalActiveEnergyImport
                    description: Imported energy
                    quantity: activeEnergy
                    address: holding:40001
                    type: uint32
                    order: ABCD
                    scale: 1
                    offset: 5
                    unit: kWh
                    platform: {sentilo: {type: energy, dataType: NUMBER, unit: Wh}, sdm: totalActiveEnergyImport}
                """);
        assertEquals("test-meter", profile.id());
        assertEquals("Acme M1 manual", profile.source());
        PointSpec voltage = profile.points().get(0);
        assertEquals(new PointSpec("phaseVoltageL1", "Line 1 to neutral voltage", "voltage", "input:0x0000",
                DataType.FLOAT32, WordOrder.CDAB, 0.1, 0, "V", new Range(180, 265), Priority.SAMPLE, 2, "",
                new PlatformMapping("voltage", "NUMBER", "V", "phaseVoltage.L1"), false, Derivation.NONE), voltage);
        PointSpec energy = profile.points().get(1);
        assertEquals(DataType.UINT32, energy.type());
        assertEquals(WordOrder.ABCD, energy.order());
        assertEquals(1, energy.scale());
        assertEquals(Priority.COUNTER, energy.priority(), "a cumulative quantity is kept longest");
        assertEquals(5, energy.offset());
        assertEquals(Range.ANY, energy.range());
    }

    @Test
    void unknownTypeNamesFileLineAndColumn() {
        String message = error(HEAD + GOOD_POINT.replace("range: [180, 265]", "type: float33"));
        assertEquals("m1.yaml:13:11: point 'phaseVoltageL1': unknown type 'float33' (expected one of "
                + "int16, uint16, int32, uint32, int64, uint64, float32, float64, bit, string, decimal)", message);
    }

    @Test
    void unknownKeyIsAnError() {
        String message = error(HEAD + GOOD_POINT + "    colour: red\n");
        assertEquals("m1.yaml:15:5: point 'phaseVoltageL1': unknown key 'colour' (expected one of name, "
                + "description, quantity, address, type, order, scale, offset, unit, range, priority, length, scaleFactor, "
                + "platform, ct, derived)", message);
    }

    @Test
    void unknownTopLevelKeyIsAnError() {
        assertTrue(error("vendor: Acme\n" + HEAD + GOOD_POINT).startsWith("m1.yaml:1:1: unknown key 'vendor'"));
    }

    @Test
    void duplicatePointNames() {
        String message = error(HEAD + GOOD_POINT + GOOD_POINT);
        assertEquals("m1.yaml:15:5: duplicate point name 'phaseVoltageL1' (first at line 8)", message);
    }

    @Test
    void everyBadPointIsReportedOneALine() {
        String second = GOOD_POINT.replace("phaseVoltageL1", "phaseVoltageL2").replace("input:0x0000", "input:0x0010");
        ProfileException e = assertThrows(ProfileException.class, () -> parse(HEAD
                + GOOD_POINT.replace("quantity: voltage", "quantity: voltaje") + GOOD_POINT
                + second.replace("quantity: voltage", "quantity: presure")));
        List<String> lines = e.problems();
        assertEquals(2, lines.size(), e.getMessage());
        assertEquals(String.join("; ", lines), e.getMessage(), "one line for logs and a device's last error");
        assertTrue(lines.get(0).startsWith("m1.yaml:10:15: point 'phaseVoltageL1': unknown quantity 'voltaje'"), lines.get(0));
        assertTrue(lines.get(1).startsWith("m1.yaml:24:15: point 'phaseVoltageL2': unknown quantity 'presure'"), lines.get(1));
    }

    @Test
    void overlappingRegistersNameBothPoints() {
        String second = GOOD_POINT.replace("phaseVoltageL1", "phaseVoltageL2").replace("input:0x0000", "input:0x0001");
        String message = error(HEAD + GOOD_POINT + second);
        assertEquals("m1.yaml:15:5: point 'phaseVoltageL2' reads input:1, which point 'phaseVoltageL1' (line 8) reads too: "
                + "check the address and the type's length", message);
        String otherTable = second.replace("input:0x0001", "holding:0x0001");
        assertEquals(2, parse(HEAD + GOOD_POINT + otherTable).points().size(), "the same address in another table is no overlap");
    }

    @Test
    void unknownQuantity() {
        String message = error(HEAD + GOOD_POINT.replace("quantity: voltage", "quantity: voltaje"));
        assertTrue(message.startsWith("m1.yaml:10:15: point 'phaseVoltageL1': unknown quantity 'voltaje' "
                + "(expected one of "), message);
    }

    @Test
    void unitThatDoesNotConvert() {
        String message = error(HEAD + GOOD_POINT.replace("unit: V", "unit: A"));
        assertEquals("m1.yaml:12:11: point 'phaseVoltageL1': unit 'A' cannot be converted to 'V', the canonical "
                + "unit of voltage (known units: V, kV, mV)", message);
    }

    @Test
    void registerCountMustFitTheAddressSpace() {
        String message = error(HEAD + GOOD_POINT.replace("input:0x0000", "input:0xFFFF"));
        assertEquals("m1.yaml:11:14: point 'phaseVoltageL1': address 'input:0xFFFF' cannot hold float32 "
                + "(2 registers): it runs past register 0xFFFF", message);
    }

    @Test
    void badAddressSyntax() {
        String message = error(HEAD + GOOD_POINT.replace("input:0x0000", "input:0x10000"));
        assertTrue(message.startsWith("m1.yaml:11:14: point 'phaseVoltageL1': address 'input:0x10000' must be"),
                message);
    }

    @Test
    void missingTypeWithoutDefault() {
        String message = error(HEAD.replace("type: float32, ", "") + GOOD_POINT);
        assertEquals("m1.yaml:8:5: point 'phaseVoltageL1': missing 'type' and no default type in 'defaults'",
                message);
    }

    @Test
    void missingRequiredKey() {
        String message = error(HEAD + GOOD_POINT.replace("    description: Line 1 to neutral voltage\n", ""));
        assertEquals("m1.yaml:8:5: point 'phaseVoltageL1': missing 'description'", message);
    }

    @Test
    void rangeMustBeOrderedNumbers() {
        assertEquals("m1.yaml:13:12: point 'phaseVoltageL1': 'range' needs min <= max, got [265.0, 180.0]",
                error(HEAD + GOOD_POINT.replace("[180, 265]", "[265, 180]")));
        assertEquals("m1.yaml:13:18: point 'phaseVoltageL1': 'range' must be a number, found 'high'",
                error(HEAD + GOOD_POINT.replace("[180, 265]", "[180, high]")));
    }

    @Test
    void unknownWordOrderInDefaults() {
        assertEquals("m1.yaml:6:34: defaults: unknown order 'ACBD' (expected one of ABCD, CDAB, BADC, DCBA)",
                error(HEAD.replace("order: CDAB", "order: ACBD") + GOOD_POINT));
    }

    @Test
    void syntaxErrorNamesTheLocation() {
        String message = error(HEAD + GOOD_POINT + "  - name: [unclosed\n");
        assertTrue(message.startsWith("m1.yaml:15:20: while parsing a flow sequence"), message);
        assertTrue(!message.contains("\n"), message);
    }

    @Test
    void duplicateKey() {
        assertEquals("m1.yaml:2:1: key 'id' given twice (first at line 1)", error("id: a\nid: b\n"));
    }

    @Test
    void emptyFile() {
        assertEquals("m1.yaml:1:1: the file is empty", error(""));
    }

    @Test
    void loadsFromAFileAndNamesItInErrors(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sdm630.yaml");
        Files.writeString(file, HEAD + GOOD_POINT.replace("range: [180, 265]", "type: float33"));
        ProfileException e = assertThrows(ProfileException.class, () -> loader.load(file));
        assertTrue(e.getMessage().startsWith("sdm630.yaml:13:11: point 'phaseVoltageL1': unknown type 'float33'"));
        Files.writeString(file, HEAD + GOOD_POINT);
        assertEquals("test-meter", loader.load(file).id());
    }

    @Test
    void readsBitsStringsAndScaleFactors() {
        DeviceProfile profile = parse("""
                id: inverter
                manufacturer: Acme
                model: I1
                protocol: modbus
                source: "SunSpec models 1 and 103"
                points:
                  - name: serialNumber
                    description: Serial number
                    address: holding:40052
                    type: string
                    length: 16
                    platform: {sentilo: {type: serial, dataType: TEXT}}
                  - name: running
                    description: Operating state bit
                    address: holding:40108.3
                    type: bit
                    platform: {sentilo: {type: status, dataType: BOOLEAN}}
                  - name: doorOpen
                    description: Door contact
                    quantity: contact
                    address: discrete:0x10
                    type: bit
                    platform: {sentilo: {type: status, dataType: BOOLEAN}}
                  - name: activePower
                    description: AC power
                    quantity: activePower
                    address: holding:40083
                    type: int16
                    scaleFactor: holding:40084
                    unit: W
                    platform: {sentilo: {type: power, dataType: NUMBER, unit: W}, sdm: totalActivePower}
                """);
        PointSpec serial = profile.points().get(0);
        assertEquals(DataType.STRING, serial.type());
        assertEquals(16, serial.length());
        assertEquals("text", serial.quantity());
        assertEquals("", serial.unit());
        assertEquals(Priority.STATE, serial.priority());
        assertEquals("state", profile.points().get(1).quantity());
        assertEquals("contact", profile.points().get(2).quantity());
        assertEquals(1, profile.points().get(2).length());
        assertEquals("holding:40084", profile.points().get(3).scaleFactor());
        assertEquals(new PlatformMapping("serial", "TEXT", "", ""), serial.platform());
        assertEquals("BOOLEAN", profile.points().get(1).platform().sentiloDataType());
    }

    @Test
    void bitsAndStringsRefuseWhatOnlyNumbersTake() {
        String head = HEAD.replace("defaults: {type: float32, order: CDAB, scale: 0.1}\n", "");
        assertEquals("m1.yaml:11:13: point 'name': 'length' of a string is 1-125 registers, got 0.0", error(head + """
                  - name: name
                    description: Name
                    address: holding:0
                    type: string
                    length: 0
                """));
        assertTrue(error(head + """
                  - name: flag
                    description: Flag
                    address: holding:0.3
                    type: bit
                    unit: V
                """).contains("'unit' applies to numbers, not to a bit point"));
        assertTrue(error(head + """
                  - name: power
                    description: Power
                    quantity: activePower
                    address: holding:0.3
                    type: int16
                    unit: W
                """).contains("names one bit: the type must be bit"));
        assertTrue(error(head + """
                  - name: power
                    description: Power
                    quantity: activePower
                    address: coil:3
                    type: int16
                    unit: W
                """).contains("holds single bits: the type must be bit"));
        assertTrue(error(head + """
                  - name: power
                    description: Power
                    quantity: activePower
                    address: holding:3
                    type: int16
                    unit: W
                    scaleFactor: coil:4
                """).contains("scaleFactor 'coil:4' must be the address of an int16 register"));
    }

    @Test
    void aSerialProfileCarriesItsProtocolOptionsAndDecimalPoints() {
        DeviceProfile profile = parse("""
                id: sound-meter
                manufacturer: Acme
                model: SL-1
                protocol: serial
                source: "Acme SL-1 manual"
                options:
                  frame: line
                  pattern: "LAeq=(?<LAeq>[0-9.]+)"
                points:
                  - name: LAeq
                    description: Equivalent continuous sound level
                    quantity: soundLevel
                    address: LAeq
                    type: decimal
                    unit: dB
                    platform: {sentilo: {type: noise, dataType: NUMBER, unit: dB}, sdm: LAeq}
                """);
        assertEquals(java.util.Map.of("frame", "line", "pattern", "LAeq=(?<LAeq>[0-9.]+)"), profile.options());
        assertEquals(DataType.DECIMAL, profile.points().get(0).type());
        assertEquals(1, profile.points().get(0).length());
    }

    @Test
    void decimalIsNotAModbusType() {
        String message = error(HEAD + GOOD_POINT + "    type: decimal\n");
        assertTrue(message.contains("not a Modbus type"), message);
    }
}
