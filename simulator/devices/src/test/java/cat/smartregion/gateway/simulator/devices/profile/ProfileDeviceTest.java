package cat.smartregion.gateway.simulator.devices.profile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileDeviceTest {

    private static final String PROFILE = """
            id: example
            manufacturer: Example
            model: X1
            protocol: modbus
            source: "test"
            platform: {ignored: true}
            defaults: {type: int32, order: CDAB}
            points:
              - name: voltage
                description: int32 low word first, V*10
                quantity: voltage
                address: input:0x0000
                scale: 0.1
                unit: V
                range: [230, 230]
              - name: power
                description: float32 big-endian in kW
                quantity: activePower
                address: holding:10
                type: float32
                order: ABCD
                unit: kW
                range: [2500, 2500]
              - name: temperature
                description: uint16 bytes swapped, kelvin
                quantity: temperature
                address: input:20
                type: uint16
                order: BADC
                unit: K
                range: [26.85, 26.85]
              - name: co2
                description: ppm
                quantity: gasConcentration
                address: input:30
                type: int16
                unit: ppm
                range: [0.000415, 0.000415]
              - name: current
                description: SunSpec style
                quantity: current
                address: holding:40073
                type: uint16
                scaleFactor: holding:40076
                unit: A
                range: [10, 20]
              - name: status
                description: a bit, not served
                quantity: ratio
                address: holding:5.3
                type: bit
                unit: /
            """;

    @TempDir
    Path dir;

    @Test
    void encodesEachPointPerTypeOrderScaleAndUnit() throws IOException {
        ProfileDevice device = ProfileDevice.of(write(PROFILE));
        Map<String, ServedPoint> served = device.served().stream().collect(Collectors.toMap(ServedPoint::point, Function.identity()));

        // 2300 = 0x000008FC, CDAB: low word first
        assertArrayEquals(new int[] {0x08FC, 0x0000}, served.get("voltage").words());
        assertEquals(230.0, served.get("voltage").value(), 1e-9);
        assertEquals(0.05, served.get("voltage").tolerance(), 1e-12);
        // 2.5 kW as float32 0x40200000, high word first; canonical 2500 W
        assertArrayEquals(new int[] {0x4020, 0x0000}, served.get("power").words());
        assertEquals(2500.0, served.get("power").value(), 1e-9);
        assertEquals("W", served.get("power").unit());
        // 300 K = 0x012C with its bytes swapped: 26.85 Cel
        assertArrayEquals(new int[] {0x2C01}, served.get("temperature").words());
        assertEquals(26.85, served.get("temperature").value(), 1e-9);
        // 415 ppm = 0x019F, canonical 4.15e-4 /
        assertArrayEquals(new int[] {0x019F}, served.get("co2").words());
        assertEquals("/", served.get("co2").unit());
        assertEquals(List.of("status"), device.skipped());
    }

    @Test
    void servesTheScaleFactorRegisterThatScalesThePoint() throws IOException {
        ProfileDevice device = ProfileDevice.of(write(PROFILE));
        ServedPoint current = device.served().stream().filter(p -> p.point().equals("current")).findFirst().orElseThrow();
        int exponent = device.scaleFactors().get(40076);

        assertTrue(exponent >= -2 && exponent <= 0, "exponent " + exponent);
        assertEquals(current.words()[0] * Math.pow(10, exponent), current.value(), 1e-9);
        assertTrue(current.value() >= 10 && current.value() <= 20, current.toString());
    }

    @Test
    void aRangeNoValueOfTheTypeReachesIsRefusedNamingThePoint() throws IOException {
        String tooBig = PROFILE.replace("range: [230, 230]", "range: [4000, 5000]").replace("type: int32, order: CDAB", "type: int16, order: ABCD");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProfileDevice.of(write(tooBig)));
        assertTrue(e.getMessage().contains("voltage"), e.getMessage());
    }

    @Test
    void everyValueLiesInsideItsRangeAndMatchesItself() throws IOException {
        for (ServedPoint point : ProfileDevice.of(write(PROFILE)).served()) {
            assertTrue(point.matches(point.value()), point.toString());
            assertTrue(!point.matches(point.value() + 2 * point.tolerance()), point.toString());
        }
    }

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("example.yaml"), text);
    }
}
