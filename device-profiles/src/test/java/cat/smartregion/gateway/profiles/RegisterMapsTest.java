package cat.smartregion.gateway.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cat.smartregion.gateway.api.profile.DataType;
import cat.smartregion.gateway.api.profile.DeviceProfile;
import cat.smartregion.gateway.api.profile.PointSpec;
import cat.smartregion.gateway.api.profile.WordOrder;
import cat.smartregion.gateway.core.internal.profile.ProfileLoader;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The new profiles against the vendors' tables, written here a second time by hand as
 * {@code name -> address type order scale unit} so a slip in either place shows.
 */
class RegisterMapsTest {

    private static Map<String, String> map(String id) {
        DeviceProfile profile = new ProfileLoader().load(ProfileFiles.named(id));
        return profile.points().stream().collect(Collectors.toMap(PointSpec::name, RegisterMapsTest::describe));
    }

    private static String describe(PointSpec p) {
        String order = p.type().registers() > 1 ? " " + p.order() : "";
        return p.address() + " " + p.type().name().toLowerCase() + order + " x" + p.scale() + " " + p.unit();
    }

    @Test
    void carloGavazziEm340() {
        Map<String, String> m = map("carlogavazzi-em340");
        assertEquals("input:0x0000 int32 CDAB x0.1 V", m.get("phaseVoltageL1"));
        assertEquals("input:0x000C int32 CDAB x0.001 A", m.get("currentL1"));
        assertEquals("input:0x0012 int32 CDAB x0.1 W", m.get("activePowerL1"));
        assertEquals("input:0x0028 int32 CDAB x0.1 W", m.get("totalActivePower"));
        assertEquals("input:0x0031 int16 x0.001 /", m.get("totalPowerFactor"));
        assertEquals("input:0x0033 int16 x0.1 Hz", m.get("frequency"));
        assertEquals("input:0x0034 int32 CDAB x0.1 kWh", m.get("totalActiveEnergyImport"));
        assertEquals("input:0x004E int32 CDAB x0.1 kWh", m.get("totalActiveEnergyExport"));
        assertEquals(20, m.size());
    }

    @Test
    void schneiderIem3155ReadsRegisterNumbersMinusOne() {
        Map<String, String> m = map("schneider-iem3155");
        assertEquals("holding:2999 float32 ABCD x1.0 A", m.get("currentL1"));
        assertEquals("holding:3027 float32 ABCD x1.0 V", m.get("phaseVoltageL1"));
        assertEquals("holding:3059 float32 ABCD x1.0 kW", m.get("totalActivePower"));
        assertEquals("holding:3109 float32 ABCD x1.0 Hz", m.get("frequency"));
        assertEquals("holding:3203 int64 ABCD x1.0 Wh", m.get("totalActiveEnergyImport"));
        assertEquals("holding:3207 int64 ABCD x1.0 Wh", m.get("totalActiveEnergyExport"));
    }

    @Test
    void sunSpecModel103FollowsACommonModelOf66Registers() {
        Map<String, String> m = map("sunspec-inverter-103");
        assertEquals("holding:40073 uint16 x1.0 A", m.get("currentL1"));
        assertEquals("holding:40080 uint16 x1.0 V", m.get("phaseVoltageL1"));
        assertEquals("holding:40084 int16 x1.0 W", m.get("totalActivePower"));
        assertEquals("holding:40086 uint16 x1.0 Hz", m.get("frequency"));
        assertEquals("holding:40094 uint32 ABCD x1.0 Wh", m.get("totalActiveEnergyExport"));
    }

    @Test
    void sensorsOnModbusRtu() {
        assertEquals("input:0x0001 int16 x0.1 Cel", map("xy-md02").get("temperature"));
        assertEquals("input:0x0002 uint16 x0.1 %RH", map("xy-md02").get("relativeHumidity"));
        assertEquals("input:0x001F int16 x0.1 Cel", map("vaisala-wxt530").get("temperature"));
        assertEquals("input:0x000E int16 x0.1 hPa", map("vaisala-wxt530").get("atmosphericPressure"));
        assertEquals("input:0x0003 int16 x1.0 ppm", map("senseair-s8").get("co2"));
        assertEquals("input:0x0001 uint16 x0.01 %", map("sensecap-s-soil-mtec-02").get("soilMoistureVwc"));
        assertEquals("input:299 uint16 x1.0 mm", map("apg-mnu").get("distance"));
        assertEquals("holding:0x0006 float32 ABCD x1.0 Cel", map("kamstrup-multical-403").get("flowTemperature"));
    }

    @Test
    void everyMultiRegisterValueDeclaresItsOrder() {
        for (var file : ProfileFiles.all()) {
            for (PointSpec p : new ProfileLoader().load(file).points()) {
                if (p.type() != DataType.INT16 && p.type() != DataType.UINT16) {
                    assertEquals(true, p.order() == WordOrder.ABCD || p.order() == WordOrder.CDAB,
                            file + ": " + p.name() + " uses an unusual order " + p.order());
                }
            }
        }
    }
}
