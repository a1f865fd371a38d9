package cat.smartregion.gateway.simulator.devices;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

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

    /** Where and what to serve. */
    private record Options(ServedLine line, List<Unit> units) {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        serve(options(args));
    }

    private static Options options(String[] args) {
        ServedLine line = new ServedLine();
        List<Unit> units = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            int next = i + 1;
            Supplier<String> value = () -> next < args.length ? args[next] : usage("missing value after " + option);
            try {
                if (option.equals("--sdm630") || option.equals("--sdm120")) {
                    units.add(new Unit(ServedLine.number(option, value.get()), option.equals("--sdm630") ? MeterModel.SDM630 : MeterModel.SDM120));
                } else if (!line.option(option, value)) {
                    usage("unknown option " + option);
                }
            } catch (IllegalArgumentException e) {
                usage(e.getMessage());
            }
            if (!option.equals("--rtutcp") && !option.equals("--ascii")) {
                i++;
            }
        }
        if (units.isEmpty()) {
            units.add(new Unit(1, MeterModel.SDM630));
        }
        return new Options(line, units);
    }

    private static void serve(Options o) throws IOException, InterruptedException {
        AutoCloseable server;
        int port;
        if (o.line().plainTcp()) {
            MeterServer meters = MeterServer.start(o.line().address(), o.line().port());
            o.units().forEach(u -> meters.add(u.id(), meter(u)));
            server = meters;
            port = meters.port();
        } else {
            ModbusSlave slave = o.line().open();
            o.units().forEach(u -> slave.add(u.id(), meter(u)));
            server = slave;
            port = slave.port();
        }
        List<String> lines = new ArrayList<>(List.of("port=" + port));
        o.units().forEach(u -> lines.add("unit " + u.id() + ": " + u.model().title() + " on " + o.line().describe(port)));
        ServedLine.serveUntilKilled(server, "meter-simulator", lines);
    }

    private static SimulatedMeter meter(Unit unit) {
        return unit.model() == MeterModel.SDM630 ? SimulatedMeter.sdm630() : SimulatedMeter.sdm120();
    }

    private static <T> T usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: MeterSimulatorMain [--address 127.0.0.1] [--port 5020] [--rtutcp] "
                + "[--serial PATH [--baud 9600] [--parity N] [--ascii]] [--sdm630 UNIT]... [--sdm120 UNIT]...");
        System.exit(2);
        throw new IllegalStateException(problem);
    }
}
