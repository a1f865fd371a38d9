package cat.smartregion.gateway.simulator.devices;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Serves simulated meters until killed, e.g.
 * {@code MeterSimulatorMain --port 5020 --sdm630 1 --sdm120 2} (port 0 picks a free port).
 * Prints {@code port=N} on the first line once it accepts connections.
 */
public final class MeterSimulatorMain {

    private MeterSimulatorMain() {
    }

    /** A meter to serve under a unit id. */
    private record Unit(int id, MeterModel model) {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        InetAddress address = InetAddress.getLoopbackAddress();
        int port = 5020;
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            String value = i + 1 < args.length ? args[++i] : usage("missing value after " + option);
            switch (option) {
                case "--address" -> address = InetAddress.getByName(value);
                case "--port" -> port = number(option, value);
                case "--sdm630" -> units.add(new Unit(number(option, value), MeterModel.SDM630));
                case "--sdm120" -> units.add(new Unit(number(option, value), MeterModel.SDM120));
                default -> usage("unknown option " + option);
            }
        }
        if (units.isEmpty()) {
            units.add(new Unit(1, MeterModel.SDM630));
        }
        serve(address, port, units);
    }

    private static void serve(InetAddress address, int port, List<Unit> units) throws IOException, InterruptedException {
        MeterServer server = MeterServer.start(address, port);
        for (Unit unit : units) {
            server.add(unit.id(), unit.model() == MeterModel.SDM630 ? SimulatedMeter.sdm630() : SimulatedMeter.sdm120());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "meter-simulator-shutdown"));
        System.out.println("port=" + server.port());
        units.forEach(u -> System.out.println("unit " + u.id() + ": " + u.model().title()
                + " on " + server.address().getHostAddress() + ":" + server.port()));
        System.out.flush();
        stopped.await();
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
        System.err.println("usage: MeterSimulatorMain [--address 127.0.0.1] [--port 5020] [--sdm630 UNIT]... [--sdm120 UNIT]...");
        System.exit(2);
        throw new IllegalStateException(problem);
    }
}
