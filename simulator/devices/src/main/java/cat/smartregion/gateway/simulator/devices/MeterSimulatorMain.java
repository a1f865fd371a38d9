package cat.smartregion.gateway.simulator.devices;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Serves simulated meters until killed, e.g. {@code MeterSimulatorMain --port 5020 --sdm630 1 --sdm120 2}
 * (Modbus TCP; port 0 picks a free port), {@code --rtutcp} (RTU frames over TCP, as a serial server),
 * or {@code --serial /dev/pts/3 --baud 9600 --parity N [--ascii]} (RTU or ASCII on a serial line).
 * Prints {@code port=N} (0 on a serial line) on the first line once it serves.
 */
public final class MeterSimulatorMain {

    private MeterSimulatorMain() {
    }

    /** A meter to serve under a unit id. */
    private record Unit(int id, MeterModel model) {
    }

    /** Where and how to serve. */
    private record Options(InetAddress address, int port, String serial, int baud, char parity, Wire wire, List<Unit> units) {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        serve(options(args));
    }

    private static Options options(String[] args) throws IOException {
        InetAddress address = InetAddress.getLoopbackAddress();
        int port = 5020;
        String serial = null;
        int baud = 9600;
        char parity = 'N';
        Wire wire = Wire.TCP;
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--rtutcp") || option.equals("--ascii")) {
                wire = option.equals("--ascii") ? Wire.ASCII : Wire.RTU;
                continue;
            }
            String value = i + 1 < args.length ? args[++i] : usage("missing value after " + option);
            switch (option) {
                case "--address" -> address = InetAddress.getByName(value);
                case "--port" -> port = number(option, value);
                case "--serial" -> serial = value;
                case "--baud" -> baud = number(option, value);
                case "--parity" -> parity = value.isEmpty() ? 'N' : Character.toUpperCase(value.charAt(0));
                case "--sdm630" -> units.add(new Unit(number(option, value), MeterModel.SDM630));
                case "--sdm120" -> units.add(new Unit(number(option, value), MeterModel.SDM120));
                default -> usage("unknown option " + option);
            }
        }
        if (units.isEmpty()) {
            units.add(new Unit(1, MeterModel.SDM630));
        }
        if (serial != null && wire == Wire.TCP) {
            wire = Wire.RTU;
        }
        return new Options(address, port, serial, baud, parity, wire, units);
    }

    private static void serve(Options o) throws IOException, InterruptedException {
        AutoCloseable server;
        int port;
        if (o.serial() == null && o.wire() == Wire.TCP) {
            MeterServer meters = MeterServer.start(o.address(), o.port());
            o.units().forEach(u -> meters.add(u.id(), meter(u)));
            server = meters;
            port = meters.port();
        } else {
            ModbusSlave slave = o.serial() == null ? ModbusSlave.tcp(o.address(), o.port(), o.wire())
                    : ModbusSlave.serial(o.serial(), o.baud(), o.parity(), o.wire());
            o.units().forEach(u -> slave.add(u.id(), meter(u)));
            server = slave;
            port = slave.port();
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("closing the simulator: " + e);
            }
            stopped.countDown();
        }, "meter-simulator-shutdown"));
        System.out.println("port=" + port);
        String where = o.serial() != null ? o.serial() + " " + o.wire() + " " + o.baud() + " " + o.parity()
                : o.address().getHostAddress() + ":" + port + " " + o.wire();
        o.units().forEach(u -> System.out.println("unit " + u.id() + ": " + u.model().title() + " on " + where));
        System.out.flush();
        stopped.await();
    }

    private static SimulatedMeter meter(Unit unit) {
        return unit.model() == MeterModel.SDM630 ? SimulatedMeter.sdm630() : SimulatedMeter.sdm120();
    }

    private static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return usage(option + " needs a number, got " + value);
        }
    }

    private static <T> T usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: MeterSimulatorMain [--address 127.0.0.1] [--port 5020] [--rtutcp] "
                + "[--serial PATH [--baud 9600] [--parity N] [--ascii]] [--sdm630 UNIT]... [--sdm120 UNIT]...");
        System.exit(2);
        throw new IllegalStateException(problem);
    }
}
