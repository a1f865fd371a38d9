package cat.smartregion.gateway.driver.modbus.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.driver.Connection;
import cat.smartregion.gateway.api.driver.PointRequest;
import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.api.driver.RawValue;
import cat.smartregion.gateway.simulator.devices.ModbusSlave;
import cat.smartregion.gateway.simulator.devices.RegisterBank;
import cat.smartregion.gateway.simulator.devices.Wire;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A profile written for SunSpec model 103 at holding 40070 (the common model 1 with 66 registers)
 * read from devices that put it elsewhere, over Modbus TCP from our simulator on loopback.
 */
class SunSpecChainTest {

    private static final Map<String, String> OPTIONS = Map.of("sunspec.model", "103", "sunspec.at", "40070");
    /** AphA and A_SF as the profile addresses them: ID at 40070, so AphA at 40073 and A_SF at 40076. */
    private static final List<PointRequest> POINTS = List.of(new PointRequest("currentL1", "holding:40073", 1),
            new PointRequest("sf:holding:40076", "holding:40076", 1));

    private final ModbusDriver driver = new ModbusDriver(DriverSettings.DEFAULTS);
    private ModbusSlave slave;
    private Connection connection;

    @BeforeEach
    void start() throws IOException {
        slave = ModbusSlave.tcp(InetAddress.getLoopbackAddress(), 0, Wire.TCP);
    }

    @AfterEach
    void stop() {
        if (connection != null) {
            connection.close();
        }
        slave.close();
    }

    /** "SunS" at base, the common model with {@code commonLength} registers, {@code extra} models, then model 103. */
    private static RegisterBank device(int base, int commonLength, int... extra) {
        RegisterBank bank = new RegisterBank().holding(base, 0x5375, 0x6E53).holding(base + 2, 1, commonLength);
        int address = base + 4 + commonLength;
        for (int id : extra) {
            bank.holding(address, id, 2, 0, 0);
            address += 4;
        }
        // model 103: ID, L=50, A, AphA=1234, AphB, AphC, A_SF=-1
        bank.holding(address, 103, 50, 3702, 1234, 1235, 1233, 0xFFFF);
        return bank.holding(address + 52, 0xFFFF, 0);
    }

    private List<RawValue> read(RegisterBank bank) throws IOException {
        slave.add(1, bank);
        connection = driver.connect(URI.create("modbus-tcp://127.0.0.1:" + slave.port() + "?unit=1"), OPTIONS);
        return connection.read(POINTS);
    }

    private static int word(RawValue value) {
        assertTrue(value.isOk(), value.toString());
        return ByteBuffer.wrap(value.data()).getShort();
    }

    @Test
    void theLayoutTheProfileWasWrittenForReadsAsWritten() throws IOException {
        List<RawValue> values = read(device(40000, 66));
        assertEquals(1234, word(values.get(0)));
        assertEquals(-1, word(values.get(1)));
    }

    @Test
    void aSixtyFiveRegisterCommonModelShiftsEveryAddressOneDown() throws IOException {
        List<RawValue> values = read(device(40000, 65));
        assertEquals(1234, word(values.get(0)), "Fronius and SolarEdge layout");
        assertEquals(-1, word(values.get(1)));
    }

    @Test
    void modelsBeforeTheInverterAndAnotherBaseAreWalked() throws IOException {
        List<RawValue> values = read(device(0, 66, 11, 12));
        assertEquals(1234, word(values.get(0)), "SunS at 0, models 11 and 12 before 103");
    }

    @Test
    void aChainWithoutTheModelFailsEveryPointWithTheModelsFound() throws IOException {
        RegisterBank bank = new RegisterBank().holding(40000, 0x5375, 0x6E53).holding(40002, 1, 2, 0, 0)
                .holding(40006, 101, 2, 0, 0).holding(40010, 0xFFFF, 0);
        List<RawValue> values = read(bank);
        assertEquals(2, values.size());
        assertEquals(PointStatus.EXCEPTION, values.get(0).status(), "the device answered: not silent");
        assertEquals(2, values.get(0).exceptionCode());
        assertTrue(values.get(0).detail().contains("model 103 is not in the device's chain (models found: [1, 101])"),
                values.get(0).detail());
        long asked = slave.requests(1);
        assertEquals(PointStatus.EXCEPTION, connection.read(POINTS).get(0).status());
        assertEquals(asked, slave.requests(1), "the verdict is kept: a wrong profile costs no more requests");
    }

    @Test
    void onlyAddressesInsideTheModelMove() throws IOException {
        // a 65-register common model: the model moves one down, a vendor register at 30000 stays
        RegisterBank bank = device(40000, 65).holding(30000, 4242);
        List<RawValue> values = read(bank);
        assertEquals(1234, word(values.get(0)));
        RawValue vendor = connection.read(List.of(new PointRequest("vendor", "holding:30000", 1))).get(0);
        assertEquals(4242, word(vendor), "outside the model: not shifted");
    }

    @Test
    void aDeviceWithoutTheMarkerIsNotSunSpec() throws IOException {
        List<RawValue> values = read(new RegisterBank().holding(40073, 1234));
        assertEquals(PointStatus.EXCEPTION, values.get(0).status());
        assertTrue(values.get(0).detail().contains("no SunSpec marker"), values.get(0).detail());
    }

    @Test
    void unknownOptionsAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> driver.connect(
                URI.create("modbus-tcp://127.0.0.1:1?unit=1"), Map.of("path", "/x")));
        assertTrue(e.getMessage().contains("sunspec.model and sunspec.at only"), e.getMessage());
    }
}
