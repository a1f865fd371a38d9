package cat.smartregion.gateway.simulator.devices.profile;

import cat.smartregion.gateway.simulator.devices.ModbusSlave;
import cat.smartregion.gateway.simulator.devices.ServedLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Serves simulated devices of Modbus profiles until killed, one unit id each from 1 on:
 * {@code ProfileSimulatorMain [--port 5020] [--rtutcp] [--profiles DIR] PROFILE...} (Modbus TCP, port 0
 * picks a free one) or {@code --serial /dev/pts/3 [--baud 9600] [--parity N] [--ascii] PROFILE...}.
 * A PROFILE is a file or an id of the profiles folder (default {@code device-profiles/profiles}).
 * Prints {@code port=N} (0 on a serial line), then one JSON line per served point: unit, profile,
 * point, value in the canonical unit, tolerance, register and words.
 */
public final class ProfileSimulatorMain {

    private ProfileSimulatorMain() {
    }

    /** Where and what to serve. */
    private record Options(ServedLine line, List<Path> profiles) {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Options options = options(args);
        List<ProfileDevice> devices = new ArrayList<>();
        for (Path file : options.profiles()) {
            devices.add(ProfileDevice.of(file));
        }
        ModbusSlave slave = options.line().open();
        List<String> lines = new ArrayList<>(List.of("port=" + slave.port()));
        for (int i = 0; i < devices.size(); i++) {
            ProfileDevice device = devices.get(i);
            slave.add(i + 1, device.bank());
            for (ServedPoint point : device.served()) {
                lines.add(point.json(i + 1, device.id()));
            }
        }
        ServedLine.serveUntilKilled(slave, "profile-simulator", lines);
    }

    private static Options options(String[] args) {
        ServedLine line = new ServedLine();
        Path folder = Paths.get("device-profiles", "profiles");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            int next = i + 1;
            Supplier<String> value = () -> next < args.length ? args[next] : usage("missing value after " + option);
            if (!option.startsWith("--")) {
                names.add(option);
                continue;
            }
            try {
                if (option.equals("--profiles")) {
                    folder = Paths.get(value.get());
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
        if (names.isEmpty()) {
            usage("name at least one profile");
        }
        List<Path> files = new ArrayList<>();
        for (String name : names) {
            Path file = Files.isRegularFile(Paths.get(name)) ? Paths.get(name) : folder.resolve(name + ".yaml");
            files.add(Files.isRegularFile(file) ? file : usage("no profile " + name + " (looked for " + file + ")"));
        }
        return new Options(line, files);
    }

    private static <T> T usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: ProfileSimulatorMain [--address 127.0.0.1] [--port 5020] [--rtutcp] "
                + "[--serial PATH [--baud 9600] [--parity N] [--ascii]] [--profiles DIR] PROFILE...");
        System.exit(2);
        throw new IllegalStateException(problem);
    }
}
