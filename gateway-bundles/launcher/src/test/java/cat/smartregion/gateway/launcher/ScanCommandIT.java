package cat.smartregion.gateway.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.simulator.devices.MeterServer;
import cat.smartregion.gateway.simulator.devices.ModbusSlave;
import cat.smartregion.gateway.simulator.devices.SimulatedMeter;
import cat.smartregion.gateway.simulator.devices.SocatPair;
import cat.smartregion.gateway.simulator.devices.Wire;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gateway scan} from the built distribution: the units that answer on Modbus TCP (absent
 * ones get 0x0B from the simulated TCP gateway) and on Modbus RTU over a socat pseudo-terminal pair
 * (absent ones are silent), one probe per unit, and the usage errors an installer can make.
 */
class ScanCommandIT {

    @TempDir
    Path work;

    @Test
    void findsTheUnitsBehindAModbusTcpGateway() throws Exception {
        try (MeterServer meters = MeterServer.start(InetAddress.getLoopbackAddress(), 0)) {
            meters.add(1, SimulatedMeter.sdm630());
            meters.add(7, SimulatedMeter.sdm120());
            GatewayProcess.Outcome scan = GatewayProcess.run(work, 60, "scan", "modbus-tcp://127.0.0.1:" + meters.port(),
                    "--units", "1-10", "--timeout", "300ms");

            assertEquals(0, scan.exit(), scan.out() + scan.err());
            assertTrue(scan.out().contains("2 unit(s) answered on modbus-tcp://127.0.0.1:" + meters.port() + ": 1, 7"), scan.out());
            // The meters keep their values in input registers: holding register 0 is refused, which proves the unit is there.
            assertTrue(scan.out().contains("unit   7             function 03: exception 02"), scan.out());

            GatewayProcess.Outcome nobody = GatewayProcess.run(work, 60, "scan", "modbus-tcp://127.0.0.1:" + meters.port(),
                    "--units", "20-22", "--timeout", "300ms");
            assertEquals(Main.NO_ANSWER, nobody.exit(), nobody.out() + nobody.err());
            assertTrue(nobody.out().contains("0 unit(s) answered"), nobody.out());
        }
    }

    @Test
    void findsAUnitOnAnRtuBusAskingEachUnitOnce() throws Exception {
        try (SocatPair pair = SocatPair.open(work);
             ModbusSlave bus = ModbusSlave.serial(pair.b(), 9600, 'N', Wire.RTU).add(3, SimulatedMeter.sdm120())) {
            GatewayProcess.Outcome scan = GatewayProcess.run(work, 60, "scan", "modbus-rtu://" + pair.a() + "?baud=9600",
                    "--units", "1-5", "--timeout", "200ms");

            assertEquals(0, scan.exit(), scan.out() + scan.err());
            assertTrue(scan.out().contains("1 unit(s) answered on modbus-rtu://" + pair.a() + ": 3"), scan.out());
            assertEquals(1, bus.requests(3), "one probe for the unit that answered");
        }
    }

    @Test
    void refusesUnitsAndSettingsTheLineCannotHave() throws Exception {
        GatewayProcess.Outcome broadcast = GatewayProcess.run(work, 60, "scan", "modbus-rtu:///dev/ttyUSB0", "--units", "0-5");
        assertEquals(Main.USAGE, broadcast.exit(), broadcast.out() + broadcast.err());
        assertTrue(broadcast.err().contains("1-247 on a serial line (0 is broadcast"), broadcast.err());
        GatewayProcess.Outcome serialServer = GatewayProcess.run(work, 60, "scan", "modbus-rtutcp://127.0.0.1:1", "--units", "248");
        assertEquals(Main.USAGE, serialServer.exit(), "behind a serial server the bus is RS-485 too: " + serialServer.err());

        GatewayProcess.Outcome bauds = GatewayProcess.run(work, 60, "scan", "modbus-tcp://127.0.0.1:1", "--bauds", "9600");
        assertEquals(Main.USAGE, bauds.exit());
        assertTrue(bauds.err().contains("serial lines only"), bauds.err());

        for (List<String> args : List.of(List.of("--units", "1-x"), List.of("--units", "9-3"))) {
            GatewayProcess.Outcome bad = GatewayProcess.run(work, 60, "scan", "modbus-tcp://127.0.0.1:1", args.get(0), args.get(1));
            assertEquals(Main.USAGE, bad.exit(), args + ": " + bad.err());
            assertTrue(bad.err().startsWith("gateway scan: "), bad.err());
        }
    }
}
