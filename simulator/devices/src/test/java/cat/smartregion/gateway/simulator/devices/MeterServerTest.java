package cat.smartregion.gateway.simulator.devices;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.InputRegister;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MeterServerTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Instant START = Instant.parse("2026-11-27T08:00:00Z");

    private final SimulatedMeter sdm630 = SimulatedMeter.of(MeterModel.SDM630, 1, START);
    private final SimulatedMeter sdm120 = SimulatedMeter.of(MeterModel.SDM120, 2, START);
    private MeterServer server;
    private ModbusTCPMaster master;

    @AfterEach
    void stop() {
        if (master != null) {
            master.disconnect();
        }
        if (server != null) {
            server.close();
        }
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("meter-server-")),
                "server threads stopped");
    }

    @Test
    void servesEveryValueOfBothMetersOnOnePort() throws Exception {
        startServer();
        sdm630.tick(START.plusSeconds(1));
        for (Map.Entry<Integer, SimulatedMeter> unit : Map.of(1, sdm630, 2, sdm120).entrySet()) {
            MeterSnapshot snapshot = unit.getValue().snapshot();
            for (Map.Entry<Integer, Float> value : snapshot.values().entrySet()) {
                InputRegister[] registers = master.readInputRegisters(unit.getKey(), value.getKey(), 2);
                int bits = registers[0].getValue() << 16 | registers[1].getValue();
                assertEquals(value.getValue(), Float.intBitsToFloat(bits), "unit " + unit.getKey() + " register " + value.getKey());
            }
        }
    }

    @Test
    void contiguousRegistersComeInOneRequest() throws Exception {
        startServer();
        InputRegister[] registers = master.readInputRegisters(1, 0x0000, 36);
        for (int i = 0; i < 36; i += 2) {
            float value = Float.intBitsToFloat(registers[i].getValue() << 16 | registers[i + 1].getValue());
            assertEquals(sdm630.value(i), value);
        }
    }

    @Test
    void undefinedRegistersAnswerIllegalDataAddress() throws Exception {
        startServer();
        assertEquals(2, slaveException(() -> master.readInputRegisters(1, 0x0024, 2)));
        assertEquals(2, slaveException(() -> master.readInputRegisters(1, 0x0034, 6)), "a range over a hole");
        assertEquals(2, slaveException(() -> master.readInputRegisters(2, 0x0002, 2)), "SDM120 has one phase");
        assertEquals(2, slaveException(() -> master.readMultipleRegisters(1, 0x0000, 2)), "no holding registers");
        assertEquals(11, slaveException(() -> master.readInputRegisters(9, 0x0000, 2)), "unknown unit");
    }

    @Test
    void answersOnTheWireAsTheSpecificationSays() throws Exception {
        startServer();
        try (Socket socket = new Socket(LOOPBACK, server.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(new byte[] {
                0x12, 0x34,       // transaction id
                0x00, 0x00,       // protocol id: Modbus
                0x00, 0x06,       // 6 bytes follow
                0x02,             // unit 2 (SDM120)
                0x04,             // read input registers
                0x00, 0x46,       // from 0x0046 (frequency)
                0x00, 0x02,       // 2 registers
            });
            byte[] answer = readBytes(socket.getInputStream(), 13);
            int bits = Float.floatToIntBits(sdm120.value(0x0046));
            assertArrayEquals(new byte[] {
                0x12, 0x34, 0x00, 0x00, // same transaction, protocol
                0x00, 0x07,             // 7 bytes follow
                0x02, 0x04,             // unit, function
                0x04,                   // 4 data bytes
                (byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits, // float32 big-endian
            }, answer);
            socket.getOutputStream().write(new byte[] {0x12, 0x35, 0, 0, 0, 6, 0x02, 0x04, 0x00, 0x02, 0x00, 0x02});
            assertArrayEquals(new byte[] {
                0x12, 0x35, 0x00, 0x00, 0x00, 0x03, 0x02,
                (byte) 0x84,            // function 04 with the exception bit
                0x02,                   // illegal data address
            }, readBytes(socket.getInputStream(), 9));
        }
    }

    @Test
    void closeDropsClientsAndFreesThePort() throws Exception {
        startServer();
        int port = server.port();
        try (Socket client = new Socket(LOOPBACK, port)) {
            client.setSoTimeout(5000);
            client.getOutputStream().write(new byte[] {0, 1, 0, 0, 0, 6, 0x01, 0x04, 0x00, 0x00, 0x00, 0x02});
            readBytes(client.getInputStream(), 13);
            server.close();
            assertEquals(-1, client.getInputStream().read(), "client connection closed by the server");
        }
        try (ServerSocket again = new ServerSocket(port, 50, LOOPBACK)) {
            assertEquals(port, again.getLocalPort());
        }
        server = MeterServer.start(LOOPBACK, port, Duration.ZERO).add(1, sdm630);
        assertEquals(port, server.port());
    }

    @Test
    void tickerMovesTheMetersOn() throws Exception {
        server = MeterServer.start(LOOPBACK, 0, Duration.ofMillis(20)).add(1, sdm630);
        Instant first = sdm630.snapshot().time();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!sdm630.snapshot().time().isAfter(first) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(sdm630.snapshot().time().isAfter(first), "ticked");
    }

    @Test
    void aUnitIdIsServedOnce() throws Exception {
        startServer();
        assertThrows(IllegalArgumentException.class, () -> server.add(1, SimulatedMeter.sdm120()));
        assertThrows(IllegalArgumentException.class, () -> server.add(0, SimulatedMeter.sdm120()));
    }

    private void startServer() throws Exception {
        server = MeterServer.start(LOOPBACK, 0, Duration.ZERO).add(1, sdm630).add(2, sdm120);
        master = new ModbusTCPMaster(LOOPBACK.getHostAddress(), server.port(), 2000, false);
        master.setRetries(1);
        master.connect();
    }

    private interface Call {
        void run() throws Exception;
    }

    private static int slaveException(Call call) {
        return assertThrows(ModbusSlaveException.class, call::run).getType();
    }

    private static byte[] readBytes(InputStream in, int count) throws IOException {
        byte[] bytes = new byte[count];
        new DataInputStream(in).readFully(bytes);
        return bytes;
    }
}
