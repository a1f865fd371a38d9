package cat.smartregion.gateway.core.internal.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.Value;
import cat.smartregion.gateway.api.device.DeviceConfig;
import cat.smartregion.gateway.api.device.GatewayIdentity;
import cat.smartregion.gateway.api.device.ReadResult;
import cat.smartregion.gateway.core.internal.profile.ProfileLibraryImpl;
import cat.smartregion.gateway.simulator.devices.ModbusSlave;
import cat.smartregion.gateway.simulator.devices.RegisterBank;
import cat.smartregion.gateway.simulator.devices.Wire;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SunSpec-like inverter (strings, a status bit, values with scale-factor registers beside them,
 * a coil, word orders) read once through the real Modbus driver, profile loader and decoder.
 */
class TypesThroughTheDriverTest {

    private static final String PROFILE = """
            id: sunspec-like
            manufacturer: Acme
            model: Inverter
            protocol: modbus
            source: "SunSpec common model 1 and inverter model 103, as a test bank"
            points:
              - {name: manufacturer, description: Manufacturer, address: "holding:40004", type: string, length: 16,
                 platform: {sentilo: {type: text, dataType: TEXT}}}
              - {name: serialNumber, description: Serial, address: "holding:40052", type: string, length: 4, order: BADC,
                 platform: {sentilo: {type: text, dataType: TEXT}}}
              - {name: acCurrent, description: AC current, quantity: current, address: "holding:40071", type: uint16,
                 scaleFactor: "holding:40075", unit: A,
                 platform: {sentilo: {type: current, dataType: NUMBER, unit: A}}}
              - {name: acPower, description: AC power, quantity: activePower, address: "holding:40083", type: int16,
                 scaleFactor: "holding:40084", unit: W,
                 platform: {sentilo: {type: activepower, dataType: NUMBER, unit: W}}}
              - {name: energy, description: Lifetime energy, quantity: activeEnergy, address: "holding:40093", type: uint32,
                 scaleFactor: "holding:40095", unit: Wh,
                 platform: {sentilo: {type: activeenergy, dataType: NUMBER, unit: Wh}}}
              - {name: running, description: Operating, address: "holding:40107.2", type: bit,
                 platform: {sentilo: {type: status, dataType: BOOLEAN}}}
              - {name: faulted, description: Fault, address: "holding:40107.3", type: bit,
                 platform: {sentilo: {type: status, dataType: BOOLEAN}}}
              - {name: breakerClosed, description: AC breaker, address: "coil:0", type: bit,
                 platform: {sentilo: {type: status, dataType: BOOLEAN}}}
              - {name: temperature, description: Cabinet, quantity: temperature, address: "input:10", type: float32,
                 order: CDAB, unit: Cel,
                 platform: {sentilo: {type: temperature, dataType: NUMBER, unit: Cel}}}
              - {name: counter64, description: Pulses, quantity: volume, address: "input:20", type: uint64, order: DCBA, unit: l,
                 platform: {sentilo: {type: volume, dataType: NUMBER, unit: m3}}}
            """;

    @TempDir
    Path dir;

    @Test
    void everyTypeComesThroughTheDriver() throws Exception {
        Files.writeString(dir.resolve("sunspec-like.yaml"), PROFILE);
        RegisterBank bank = new RegisterBank()
                .holdingText(40004, "Fronius", 16)
                .holding(40052, 0x3231, 0x3433, 0x3635, 0)        // "123456" with bytes swapped in each register
                .holding(40071, 1234, 0, 0, 0, 0xFFFE)            // 1234 x 10^-2 A; 40075 = -2
                .holding(40083, 0xFF9C, 1)                        // -100 x 10^1 W
                .holding(40093, 0x0001, 0x86A0, 3)                // 100000 x 10^3 Wh
                .holding(40107, 0b0100)                           // bit 2 set, bit 3 clear
                .coils(0, true)
                .input(10, 0x0000, 0x41C8)                        // 25.0f with words swapped
                .input(20, 0x0100, 0, 0, 0);                      // 1 little-endian: bytes 01 00 00 .. 00
        try (ModbusSlave slave = ModbusSlave.tcp(InetAddress.getLoopbackAddress(), 0, Wire.TCP).add(1, bank)) {
            DeviceReaderImpl reader = new DeviceReaderImpl(new ProfileLibraryImpl(dir), new GatewayIdentity("t", "g"),
                    Clock.systemUTC());
            reader.addDriver(RealPeers.modbusDriver());
            ReadResult result = reader.read(new DeviceConfig("inv-1", dir.resolve("sunspec-like.yaml").toString(),
                    URI.create("modbus-tcp://127.0.0.1:" + slave.port() + "?unit=1&timeout=2000&gap=16"), Duration.ofSeconds(5)));
            assertEquals(0, result.failures().size(), result.failures().toString());
            Map<String, Value> values = result.readings().stream().collect(Collectors.toMap(Reading::point, Reading::value));
            assertEquals(Value.of("Fronius"), values.get("manufacturer"));
            assertEquals(Value.of("123456"), values.get("serialNumber"));
            assertEquals(Value.of(12.34), values.get("acCurrent"));
            assertEquals(Value.of(-1000.0), values.get("acPower"));
            assertEquals(Value.of(100_000_000.0), values.get("energy"));
            assertEquals(Value.of(true), values.get("running"));
            assertEquals(Value.of(false), values.get("faulted"));
            assertEquals(Value.of(true), values.get("breakerClosed"));
            assertEquals(Value.of(25.0), values.get("temperature"));
            assertEquals(Value.of(0.001), values.get("counter64"), "1 l in m3");
            Reading serial = result.readings().stream().filter(r -> r.point().equals("serialNumber")).findFirst().orElseThrow();
            assertEquals("text", serial.quantity());
            assertEquals("", serial.unit());
        }
    }
}
