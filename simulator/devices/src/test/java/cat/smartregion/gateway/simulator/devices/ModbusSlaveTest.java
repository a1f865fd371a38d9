package cat.smartregion.gateway.simulator.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.io.ModbusTCPTransaction;
import com.ghgande.j2mod.modbus.msg.ReadInputRegistersRequest;
import com.ghgande.j2mod.modbus.msg.ReadInputRegistersResponse;
import com.ghgande.j2mod.modbus.net.TCPMasterConnection;
import java.net.InetAddress;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The scriptable slave read by j2mod's master: holes refused or read as zeros, faults counted, threads stopped. */
class ModbusSlaveTest {

    private final SimulatedMeter meter = SimulatedMeter.of(MeterModel.SDM630, 3, Instant.parse("2026-11-27T08:00:00Z"));

    @Test
    void holesAreRefusedOrReadAsZerosAsAsked() throws Exception {
        try (ModbusSlave strict = ModbusSlave.tcp(InetAddress.getLoopbackAddress(), 0, Wire.TCP).add(1, meter);
             ModbusSlave eastron = ModbusSlave.tcp(InetAddress.getLoopbackAddress(), 0, Wire.TCP)
                     .add(1, meter, UndefinedRegisters.ZERO_IN_HOLES)) {
            ModbusSlaveException refused = assertThrows(ModbusSlaveException.class, () -> read(strict.port(), 0x0000, 0x4C));
            assertEquals(2, refused.getType());
            ReadInputRegistersResponse all = read(eastron.port(), 0x0000, 0x4C);
            assertEquals(0x4C, all.getWordCount());
            assertEquals(0, all.getRegisterValue(0x24), "a hole of the map reads as zero");
            assertEquals(Float.floatToIntBits(meter.value(0x46)) >>> 16, all.getRegisterValue(0x46));
            assertThrows(ModbusSlaveException.class, () -> read(eastron.port(), 0x0100, 2), "beyond the map: refused");
            assertEquals(2, eastron.requests(1));
        }
        assertEquals(0, Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("modbus-slave-")).count());
    }

    @Test
    void queuedFaultsAreUsedUpThenTheUnitAnswersAgain() throws Exception {
        try (ModbusSlave slave = ModbusSlave.tcp(InetAddress.getLoopbackAddress(), 0, Wire.TCP).add(1, meter)) {
            slave.inject(1, Fault.exception(6), 2);
            assertEquals(6, assertThrows(ModbusSlaveException.class, () -> read(slave.port(), 0, 2)).getType());
            assertEquals(6, assertThrows(ModbusSlaveException.class, () -> read(slave.port(), 0, 2)).getType());
            assertEquals(2, read(slave.port(), 0, 2).getWordCount());
            slave.always(1, Fault.exception(4));
            assertEquals(4, assertThrows(ModbusSlaveException.class, () -> read(slave.port(), 0, 2)).getType());
            slave.heal(1);
            assertEquals(2, read(slave.port(), 0, 2).getWordCount());
            assertEquals(11, assertThrows(ModbusSlaveException.class, () -> read(slave.port(), 0, 2, 9)).getType(),
                    "a unit the TCP slave does not serve: gateway target failed to respond");
        }
    }

    private static ReadInputRegistersResponse read(int port, int start, int count) throws Exception {
        return read(port, start, count, 1);
    }

    private static ReadInputRegistersResponse read(int port, int start, int count, int unit) throws Exception {
        TCPMasterConnection connection = new TCPMasterConnection(InetAddress.getLoopbackAddress());
        connection.setPort(port);
        connection.setTimeout(2000);
        connection.connect();
        try {
            ModbusTCPTransaction transaction = new ModbusTCPTransaction(connection);
            ReadInputRegistersRequest request = new ReadInputRegistersRequest(start, count);
            request.setUnitID(unit);
            transaction.setRequest(request);
            transaction.execute();
            return (ReadInputRegistersResponse) transaction.getResponse();
        } finally {
            connection.close();
        }
    }
}
