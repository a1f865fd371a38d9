package cat.smartregion.gateway.simulator.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our simulator checked by an independent master, Debian's {@code mbpoll}: over Modbus TCP (the
 * meter server and the scriptable slave) and over RTU on a socat pseudo-terminal pair. Needs
 * {@code apt-get install -y mbpoll socat}.
 */
class MbpollCheckTest {

    private static final Instant START = Instant.parse("2026-11-27T08:00:00Z");
    private static final Pattern VALUE = Pattern.compile("\\[(\\d+)]:\\s+(-?[0-9.]+)");

    @TempDir
    Path dir;
    private final SimulatedMeter meter = SimulatedMeter.of(MeterModel.SDM630, 5, START);

    @Test
    void mbpollReadsTheMeterServerOverTcp() throws Exception {
        try (MeterServer server = MeterServer.start(InetAddress.getLoopbackAddress(), 0, java.time.Duration.ZERO).add(3, meter)) {
            assertFloats(mbpoll("-m", "tcp", "-p", Integer.toString(server.port()), "-a", "3", "-t", "3:float", "-B",
                    "-0", "-r", "0", "-c", "6", "-1", "127.0.0.1"));
        }
    }

    @Test
    void mbpollReadsTheSlaveOverTcpAndSeesItsExceptions() throws Exception {
        try (ModbusSlave slave = ModbusSlave.tcp(InetAddress.getLoopbackAddress(), 0, Wire.TCP).add(3, meter)) {
            assertFloats(mbpoll("-m", "tcp", "-p", Integer.toString(slave.port()), "-a", "3", "-t", "3:float", "-B",
                    "-0", "-r", "0", "-c", "6", "-1", "127.0.0.1"));
            slave.inject(3, Fault.exception(4), 1);
            String failed = mbpollFailing("-m", "tcp", "-p", Integer.toString(slave.port()), "-a", "3", "-t", "3:float",
                    "-B", "-0", "-r", "0", "-c", "2", "-1", "127.0.0.1");
            assertTrue(failed.toLowerCase().contains("slave device or server failure"), failed);
        }
    }

    @Test
    void mbpollReadsTheSlaveOverRtuOnAPseudoTerminal() throws Exception {
        try (SocatPair pair = SocatPair.open(dir); ModbusSlave slave = ModbusSlave.serial(pair.b(), 9600, 'N', Wire.RTU).add(3, meter)) {
            assertFloats(mbpoll("-m", "rtu", "-b", "9600", "-P", "none", "-a", "3", "-t", "3:float", "-B", "-0", "-r", "0",
                    "-c", "6", "-1", pair.a()));
            assertEquals(1, slave.requests(3));
        }
    }

    /** mbpoll prints one line per value, {@code [0]: 229.87}; they must be the meter's phase voltages and currents. */
    private void assertFloats(String output) {
        Matcher m = VALUE.matcher(output);
        List<Float> values = new ArrayList<>();
        while (m.find()) {
            values.add(Float.parseFloat(m.group(2)));
        }
        assertEquals(6, values.size(), output);
        for (int i = 0; i < 6; i++) {
            assertEquals(meter.value(2 * i), values.get(i), Math.abs(meter.value(2 * i)) * 1e-5, output);
        }
    }

    private String mbpoll(String... args) throws Exception {
        Result r = run(args);
        assertEquals(0, r.exit(), r.output());
        return r.output();
    }

    private String mbpollFailing(String... args) throws Exception {
        return run(args).output();
    }

    private record Result(int exit, String output) {
    }

    private Result run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("mbpoll"));
        command.addAll(List.of(args));
        Path log = Files.createTempFile(dir, "mbpoll", ".log");
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            return fail("mbpoll is missing: install it with 'apt-get install -y mbpoll' (CI installs it): " + e.getMessage());
        }
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            fail("mbpoll did not end within 30 s: " + Files.readString(log));
        }
        return new Result(p.exitValue(), Files.readString(log));
    }
}
