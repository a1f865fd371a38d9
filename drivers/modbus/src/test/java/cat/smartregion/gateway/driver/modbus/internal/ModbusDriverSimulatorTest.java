package cat.smartregion.gateway.driver.modbus.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.driver.Connection;
import cat.smartregion.gateway.api.driver.PointRequest;
import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.api.driver.RawValue;
import cat.smartregion.gateway.simulator.devices.MeterModel;
import cat.smartregion.gateway.simulator.devices.MeterRegister;
import cat.smartregion.gateway.simulator.devices.MeterServer;
import cat.smartregion.gateway.simulator.devices.MeterSnapshot;
import cat.smartregion.gateway.simulator.devices.SimulatedMeter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModbusDriverSimulatorTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    private static final Instant START = Instant.parse("2026-11-27T08:00:00Z");

    private final ModbusDriver driver = new ModbusDriver(DriverSettings.DEFAULTS);
    private final SimulatedMeter sdm630 = SimulatedMeter.of(MeterModel.SDM630, 11, START);
    private final SimulatedMeter sdm120 = SimulatedMeter.of(MeterModel.SDM120, 12, START);
    private MeterServer server;
    private Connection connection;

    @BeforeEach
    void startSimulator() throws IOException {
        server = MeterServer.start(LOOPBACK, 0, Duration.ZERO).add(1, sdm630).add(2, sdm120);
        sdm630.tick(START.plusSeconds(1));
    }

    @AfterEach
    void stop() {
        if (connection != null) {
            connection.close();
        }
        server.close();
    }

    @Test
    void readsEverySdm630ValueInCoalescedRequests() throws IOException {
        List<PointRequest> points = floats(MeterModel.SDM630);
        connection = connect(1);
        List<RawValue> values = connection.read(points);
        MeterSnapshot served = sdm630.snapshot();
        for (int i = 0; i < points.size(); i++) {
            RawValue value = values.get(i);
            assertEquals(points.get(i).point(), value.point());
            assertEquals(PointStatus.OK, value.status(), value.toString());
            int address = MeterModel.SDM630.registers().get(i).address();
            assertEquals(served.value(address), ByteBuffer.wrap(value.data()).getFloat(), "register " + address);
        }
        assertEquals(contiguousRuns(MeterModel.SDM630), figures().requests(), "one request per contiguous run");
        assertEquals(10, figures().requests());
        assertEquals(0, figures().fallbacks());
    }

    @Test
    void resultsComeInTheOrderAsked() throws IOException {
        connection = connect(2);
        List<RawValue> values = connection.read(List.of(point("f", "input:0x0046"), point("v", "input:0x0000"), point("e", "input:0x0048")));
        assertEquals(List.of("f", "v", "e"), values.stream().map(RawValue::point).toList());
        assertEquals(sdm120.value(0x0046), ByteBuffer.wrap(values.get(0).data()).getFloat());
        assertEquals(sdm120.value(0x0000), ByteBuffer.wrap(values.get(1).data()).getFloat());
        assertEquals(2, figures().requests());
    }

    @Test
    void aMissingRegisterFailsOnlyItsOwnPoint() throws IOException {
        connection = connect(1);
        List<RawValue> values = connection.read(List.of(point("pf2", "input:0x0020"), point("pf3", "input:0x0022"),
                point("nothing", "input:0x0024"), point("hz", "input:0x0046")));
        assertEquals(List.of(PointStatus.OK, PointStatus.OK, PointStatus.EXCEPTION, PointStatus.OK),
                values.stream().map(RawValue::status).toList());
        assertEquals(2, values.get(2).exceptionCode());
        assertEquals(sdm630.value(0x0022), ByteBuffer.wrap(values.get(1).data()).getFloat());
        assertEquals(new ReadFigures(4, 5, 3, figures().nanos()), figures(), "block, 3 fallbacks, frequency");
    }

    @Test
    void anUnknownUnitAnswersGatewayExceptionForEveryPoint() throws IOException {
        connection = connect(9);
        List<RawValue> values = connection.read(List.of(point("v", "input:0x0000"), point("i", "input:0x0006")));
        assertTrue(values.stream().allMatch(v -> v.status() == PointStatus.EXCEPTION && v.exceptionCode() == 11), values.toString());
    }

    @Test
    void aDeadPortFailsToConnectNamingHostAndPort() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, LOOPBACK)) {
            port = probe.getLocalPort();
        }
        int deadPort = port;
        IOException e = assertThrows(IOException.class, () -> driver.connect(URI.create("modbus-tcp://127.0.0.1:" + deadPort)));
        assertTrue(e.getMessage().contains("127.0.0.1:" + deadPort), e.getMessage());
    }

    @Test
    void aServerStoppingMidwayGivesUnreachableAndANewConnectWorksAfterRestart() throws IOException {
        connection = connect(1);
        List<PointRequest> points = List.of(point("v1", "input:0x0000"), point("hz", "input:0x0046"));
        assertTrue(connection.read(points).stream().allMatch(RawValue::isOk));
        int port = server.port();
        server.close();
        List<RawValue> values = connection.read(points);
        assertTrue(values.stream().allMatch(v -> v.status() == PointStatus.UNREACHABLE), values.toString());
        assertEquals(1, figures().requests(), "no request after the socket broke");
        connection.close();
        server = MeterServer.start(LOOPBACK, port, Duration.ZERO).add(1, sdm630);
        connection = driver.connect(URI.create("modbus-tcp://127.0.0.1:" + port + "?unit=1"));
        assertTrue(connection.read(points).stream().allMatch(RawValue::isOk));
    }

    @Test
    void aSilentDeviceTimesOut() throws Exception {
        try (ScriptedPeer peer = ScriptedPeer.silent()) {
            connection = driver.connect(URI.create("modbus-tcp://127.0.0.1:" + peer.port() + "?timeout=200"));
            List<RawValue> values = connection.read(List.of(point("a", "input:0"), point("b", "holding:0")));
            assertTrue(values.stream().allMatch(v -> v.status() == PointStatus.TIMEOUT), values.toString());
            assertEquals(1, figures().requests(), "a silent unit costs one timeout per read, the rest is not sent");
            assertEquals(1, values.stream().filter(v -> v.detail().startsWith("not sent")).count(), values.toString());
        }
    }

    @Test
    void aShortOrMismatchedAnswerIsABadFrame() throws Exception {
        try (ScriptedPeer peer = new ScriptedPeer(ModbusDriverSimulatorTest::wrongAnswer)) {
            connection = driver.connect(URI.create("modbus-tcp://127.0.0.1:" + peer.port() + "?timeout=2000"));
            List<RawValue> values = connection.read(List.of(point("short", "input:0"), point("wrong-function", "holding:0")));
            assertEquals(List.of(PointStatus.BAD_FRAME, PointStatus.BAD_FRAME), values.stream().map(RawValue::status).toList(), values.toString());
        }
    }

    /** Answers input registers with one register too few, holding registers with function 04. */
    private static Optional<byte[]> wrongAnswer(byte[] request) {
        boolean input = request[7] == 0x04;
        return Optional.of(new byte[] {
            request[0], request[1],     // transaction id echoed
            0x00, 0x00,                 // protocol
            0x00, 0x05,                 // 5 bytes follow
            request[6],                 // unit
            0x04,                       // function 04, whatever was asked
            0x02,                       // 2 data bytes: one register where two were asked
            0x12, 0x34,
        }).filter(answer -> input || request[7] == 0x03);
    }

    private Connection connect(int unit) throws IOException {
        return driver.connect(URI.create("modbus-tcp://127.0.0.1:" + server.port() + "?unit=" + unit + "&timeout=2000"));
    }

    private ReadFigures figures() {
        return ((UnitConnection) connection).lastRead();
    }

    private static PointRequest point(String name, String address) {
        return new PointRequest(name, address, 2);
    }

    private static List<PointRequest> floats(MeterModel model) {
        return model.registers().stream()
                .map(r -> new PointRequest(r.name(), String.format("input:0x%04X", r.address()), 2)).toList();
    }

    private static int contiguousRuns(MeterModel model) {
        int runs = 0;
        int next = -1;
        for (MeterRegister register : model.registers()) {
            if (register.address() != next) {
                runs++;
            }
            next = register.address() + 2;
        }
        return runs;
    }
}
