package cat.smartregion.gateway.core.internal.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.Quality;
import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.Value;
import cat.smartregion.gateway.api.device.DeviceConfig;
import cat.smartregion.gateway.api.device.GatewayIdentity;
import cat.smartregion.gateway.api.device.ReadResult;
import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.api.driver.RawValue;
import cat.smartregion.gateway.api.profile.DeviceProfile;
import cat.smartregion.gateway.api.profile.ProfileException;
import cat.smartregion.gateway.core.internal.profile.ProfileLoader;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Installation parameters and derived points applied by the poll plan, on commented register bytes. */
class PollPlanTest {

    private static final long TIME = 1_800_000_000_000L;
    private static final GatewayIdentity GW = new GatewayIdentity("t", "g");

    /** A fill sensor: distance in mm (uint16), and its filling level derived from it. */
    private static final DeviceProfile BIN = profile("""
            id: bin
            manufacturer: Acme
            model: B1
            protocol: modbus
            source: test
            points:
              - name: distance
                description: Distance to the surface
                quantity: length
                address: input:0
                type: uint16
                unit: mm
                range: [0, 4]
                platform: {sentilo: {type: distance, dataType: NUMBER, unit: m}}
              - name: fillingLevel
                description: Filling level
                quantity: ratio
                derived: {method: fillingLevel, from: distance}
                range: [0, 1]
                platform: {sentilo: {type: filling_level, dataType: NUMBER, unit: /}, sdm: fillingLevel}
            """);

    /** A meter: voltage V*10 and current A*100 through a current transformer (uint16), a pulse counter (uint32). */
    private static final DeviceProfile METER = profile("""
            id: meter
            manufacturer: Acme
            model: M1
            protocol: modbus
            source: test
            points:
              - name: voltage
                description: Voltage
                quantity: voltage
                address: input:0
                type: uint16
                scale: 0.1
                unit: V
                range: [180, 265]
                platform: {sentilo: {type: voltage, dataType: NUMBER, unit: V}}
              - name: current
                description: Current
                quantity: current
                address: input:1
                type: uint16
                scale: 0.01
                unit: A
                range: [0, 5]
                ct: true
                platform: {sentilo: {type: current, dataType: NUMBER, unit: A}}
              - name: pulses
                description: Pulses counted
                quantity: ratio
                address: input:2
                type: uint32
                unit: /
                platform: {sentilo: {type: pulses, dataType: NUMBER, unit: /}}
              - name: energy
                description: Energy from the pulses
                quantity: activeEnergy
                unit: kWh
                derived: {method: pulses, from: pulses, pulsesPerUnit: 1000}
                platform: {sentilo: {type: energy, dataType: NUMBER, unit: Wh}}
            """);

    private static DeviceProfile profile(String yaml) {
        return new ProfileLoader().parse("test.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static PollPlan plan(DeviceProfile profile, Map<String, String> params) {
        return new PollPlan(profile, GW, new DeviceConfig("dev-1", profile.id(), URI.create("modbus-tcp://127.0.0.1:1502"),
                Duration.ofSeconds(5), params));
    }

    private static Reading reading(ReadResult result, String point) {
        return result.readings().stream().filter(r -> r.point().equals(point)).findFirst().orElseThrow();
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }

    @Test
    void fillingLevelFromTheDistanceAndTheContainersDistances() {
        PollPlan plan = plan(BIN, Map.of("emptyDistance", "1.2", "fullDistance", "20 cm"));
        assertEquals(List.of("distance"), plan.requests().stream().map(r -> r.point()).toList(), "nothing to read for it");
        ReadResult result = plan.decode(List.of(RawValue.ok("distance", bytes(0x03, 0xE8))), TIME); // 1000 mm
        Reading fill = reading(result, "fillingLevel");
        assertEquals(Value.of(0.2), fill.value(), "(1.2 - 1.0) / (1.2 - 0.2)");
        assertEquals("/", fill.unit());
        assertEquals("ratio", fill.quantity());
        assertEquals(Quality.GOOD, fill.quality());
    }

    @Test
    void aDerivedValueOutsideItsRangeIsKeptAndFlagged() {
        PollPlan plan = plan(BIN, Map.of("emptyDistance", "1200mm", "fullDistance", "0.2"));
        ReadResult result = plan.decode(List.of(RawValue.ok("distance", bytes(0x04, 0xE2))), TIME); // 1250 mm
        Reading fill = reading(result, "fillingLevel");
        assertEquals(Value.of(-0.05), fill.value(), "a little below the empty distance");
        assertEquals(Quality.OUT_OF_RANGE, fill.quality());
        assertEquals(Quality.GOOD, reading(result, "distance").quality());
    }

    @Test
    void aDerivedPointFailsWithItsSource() {
        PollPlan plan = plan(BIN, Map.of("emptyDistance", "1.2", "fullDistance", "0.2"));
        ReadResult result = plan.decode(List.of(RawValue.exception("distance", 2, "illegal address")), TIME);
        assertTrue(result.readings().isEmpty());
        assertEquals(List.of("distance", "fillingLevel"), result.failures().stream().map(RawValue::point).toList());
        assertEquals(PointStatus.EXCEPTION, result.failures().get(1).status());
        assertEquals(List.of("distance", "fillingLevel"),
                plan.unreachable("no route").failures().stream().map(RawValue::point).toList());
    }

    @Test
    void theCurrentTransformerRatioMultipliesValueAndRange() {
        PollPlan plan = plan(METER, Map.of("ctRatio", "40"));
        ReadResult result = plan.decode(List.of(
                RawValue.ok("voltage", bytes(0x08, 0xFD)),                // 2301 * 0.1 = 230.1 V, no transformer
                RawValue.ok("current", bytes(0x01, 0xC2)),                // 450 * 0.01 = 4.5 A on the secondary
                RawValue.ok("pulses", bytes(0x00, 0x00, 0x00, 0x00))), TIME);
        assertEquals(Value.of(230.1), reading(result, "voltage").value());
        assertEquals(Value.of(180.0), reading(result, "current").value(), "4.5 A * 40");
        assertEquals(Quality.GOOD, reading(result, "current").quality(), "the range [0, 5] became [0, 200]");
    }

    @Test
    void theScaleOverrideCorrectsFirmwareThatReportsTenTimesMore() {
        List<RawValue> raws = List.of(
                RawValue.ok("voltage", bytes(0x59, 0xE2)),                // 23010: this firmware sends V*100
                RawValue.ok("current", bytes(0x01, 0xC2)),                // 450 * 0.01 = 4.5 A
                RawValue.ok("pulses", bytes(0x00, 0x00, 0x00, 0x00)));
        ReadResult one = plan(METER, Map.of("scale.voltage", "0.1")).decode(raws, TIME);
        assertEquals(Value.of(230.1), reading(one, "voltage").value());
        assertEquals(Value.of(4.5), reading(one, "current").value(), "only the point named");
        ReadResult all = plan(METER, Map.of("scale", "0.1", "scale.voltage", "0.1")).decode(raws, TIME);
        assertEquals(Value.of(230.1), reading(all, "voltage").value(), "the point's own scale wins");
        assertEquals(Value.of(0.45), reading(all, "current").value());
    }

    @Test
    void energyFromPulses() {
        List<RawValue> raws = List.of(
                RawValue.ok("voltage", bytes(0x08, 0xFD)),
                RawValue.ok("current", bytes(0x00, 0x00)),
                RawValue.ok("pulses", bytes(0x00, 0x01, 0x86, 0xA0)));   // 100000 pulses
        Reading energy = reading(plan(METER, Map.of()).decode(raws, TIME), "energy");
        assertEquals(Value.of(100000.0), energy.value(), "100000 / 1000 per kWh = 100 kWh = 100000 Wh");
        assertEquals("Wh", energy.unit());
        Reading own = reading(plan(METER, Map.of("pulsesPerUnit.energy", "800")).decode(raws, TIME), "energy");
        assertEquals(Value.of(125000.0), own.value(), "the installation's 800 pulses per kWh win");
    }

    @Test
    void wrongParametersNameTheDeviceAndTheParameter() {
        assertEquals("device dev-1: parameter 'emptyDistance': missing: the fillingLevel is derived from the container's "
                + "emptyDistance and fullDistance (metres, or a number with a unit: 1.2, 120 cm)", error(BIN, Map.of()));
        assertEquals("device dev-1: parameter 'fullDistance': '1,2' is not a length: write metres or a number with one "
                + "of cm, km, m, mm", error(BIN, Map.of("emptyDistance", "2", "fullDistance", "1,2")));
        assertTrue(error(BIN, Map.of("emptyDistance", "0.2", "fullDistance", "1.2"))
                .startsWith("device dev-1: parameter 'emptyDistance': the distance when empty (0.2 m) must be greater"));
        assertEquals("device dev-1: parameter 'ctRatio': profile bin marks no point as measured through a current "
                + "transformer (ct: true)", error(BIN, Map.of("ctRatio", "40", "emptyDistance", "2", "fullDistance", "1")));
        assertEquals("device dev-1: parameter 'ctRatio': 'forty' is not a positive number",
                error(METER, Map.of("ctRatio", "forty")));
        assertEquals("device dev-1: parameter 'scale.volts': profile meter has no number read from the device named "
                + "'volts'", error(METER, Map.of("scale.volts", "10")));
        assertTrue(error(METER, Map.of("ctratio", "40")).startsWith("device dev-1: parameter 'ctratio': unknown parameter"));
        assertEquals("device dev-1: parameter 'emptyDistance': profile meter derives no fillingLevel",
                error(METER, Map.of("emptyDistance", "1")));
    }

    private static String error(DeviceProfile profile, Map<String, String> params) {
        return assertThrows(ProfileException.class, () -> plan(profile, params)).getMessage();
    }

    /** A polled SenML resource with the generic profile's option and one named point. */
    private static final DeviceProfile SENML = profile("""
            id: senml-node
            manufacturer: Any
            model: N1
            protocol: coap
            source: test
            options: {path: /senml, records: any}
            points:
              - name: pm10
                description: PM10
                quantity: massConcentration
                address: pm10;u=ug/m3
                type: decimal
                unit: ug/m3
                range: [0, 0.001]
                platform: {sentilo: {type: pm10, dataType: NUMBER, unit: kg/m3}}
            """);

    @Test
    void aProfileThatTakesAnyRecordAsksForEveryRecordAndTurnsTheOthersIntoReadings() {
        PollPlan plan = new PollPlan(SENML, GW, new DeviceConfig("n1", "senml-node", URI.create("coap://127.0.0.1/senml"),
                Duration.ofSeconds(5)));
        assertEquals(List.of("pm10", "records"), plan.requests().stream().map(r -> r.point()).toList());
        assertEquals(Map.of("path", "/senml"), plan.options(), "records is the core's option, not the driver's");

        // The CoAP driver's answer to address '*': every record of the pack, pm10 too (its own point takes it).
        String records = """
                [{"bn":"n1:","n":"pm10","u":"ug/m3","v":"12"},
                 {"bn":"n1:","n":"temperature","u":"Cel","v":"21.5","t":1799999999000},
                 {"bn":"n1:","n":"noise","u":"dB","v":"61"},
                 {"bn":"n1:","n":"odd","u":"furlong","v":"3"},
                 {"bn":"n1:","n":"firmware","u":"","v":"v1.2"}]""";
        ReadResult result = plan.decode(List.of(RawValue.ok("pm10", "12".getBytes(StandardCharsets.UTF_8)),
                RawValue.ok("records", records.getBytes(StandardCharsets.UTF_8))), TIME);

        assertEquals(List.of("pm10", "temperature", "noise"), result.readings().stream().map(Reading::point).toList());
        assertEquals(List.of("massConcentration", "temperature", "soundLevel"),
                result.readings().stream().map(Reading::quantity).toList());
        assertEquals(List.of(TIME, 1_799_999_999_000L, TIME), result.readings().stream().map(Reading::time).toList(),
                "a record's own time, else the cycle's");
        assertEquals(1, result.failures().size(), "the record in an unknown unit fails alone: " + result.failures());
        assertTrue(result.failures().get(0).detail().contains("furlong"), result.failures().toString());
    }

    @Test
    void onlyCoapProfilesTakeAnyRecord() {
        ProfileException e = assertThrows(ProfileException.class, () -> profile("""
                id: any-modbus
                manufacturer: Any
                model: M
                protocol: modbus
                source: test
                options: {records: any}
                """));
        assertTrue(e.getMessage().contains("protocol coap, not modbus"), e.getMessage());
    }
}
