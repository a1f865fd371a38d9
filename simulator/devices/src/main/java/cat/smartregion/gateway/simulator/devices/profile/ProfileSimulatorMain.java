package cat.smartregion.gateway.simulator.devices.profile;

import cat.smartregion.gateway.simulator.devices.ModbusSlave;
import cat.smartregion.gateway.simulator.devices.Wire;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

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
    private record Options(InetAddress address, int port, String serial, int baud, char parity, Wire wire, List<Path> profiles) {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Options options = options(args);
        List<ProfileDevice> devices = new ArrayList<>();
        for (Path file : options.profiles()) {
            devices.add(ProfileDevice.of(file));
        }
        ModbusSlave slave = options.serial() == null ? ModbusSlave.tcp(options.address(), options.port(), options.wire())
                : ModbusSlave.serial(options.serial(), options.baud(), options.parity(), options.wire());
        for (int i = 0; i < devices.size(); i++) {
            slave.add(i + 1, devices.get(i).bank());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            slave.close();
            stopped.countDown();
        }, "profile-simulator-shutdown"));
        System.out.println("port=" + slave.port());
        for (int i = 0; i < devices.size(); i++) {
            ProfileDevice device = devices.get(i);
            for (ServedPoint point : device.served()) {
                System.out.println(point.json(i + 1, device.id()));
            }
        }
        System.out.flush();
        stopped.await();
    }

    private static Options options(String[] args) throws IOException {
        InetAddress address = InetAddress.getLoopbackAddress();
        int port = 5020;
        String serial = null;
        int baud = 9600;
        char parity = 'N';
        Wire wire = Wire.TCP;
        Path folder = Paths.get("device-profiles", "profiles");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (!option.startsWith("--")) {
                names.add(option);
            } else if (option.equals("--rtutcp") || option.equals("--ascii")) {
                wire = option.equals("--ascii") ? Wire.ASCII : Wire.RTU;
            } else {
                String value = i + 1 < args.length ? args[++i] : usage("missing value after " + option);
                switch (option) {
                    case "--address" -> address = InetAddress.getByName(value);
                    case "--port" -> port = Integer.parseInt(value);
                    case "--serial" -> serial = value;
                    case "--baud" -> baud = Integer.parseInt(value);
                    case "--parity" -> parity = value.isEmpty() ? 'N' : Character.toUpperCase(value.charAt(0));
                    case "--profiles" -> folder = Paths.get(value);
                    default -> usage("unknown option " + option);
                }
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
        return new Options(address, port, serial, baud, parity, serial != null && wire == Wire.TCP ? Wire.RTU : wire, files);
    }

    private static <T> T usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: ProfileSimulatorMain [--address 127.0.0.1] [--port 5020] [--rtutcp] "
                + "[--serial PATH [--baud 9600] [--parity N] [--ascii]] [--profiles DIR] PROFILE...");
        System.exit(2);
        throw new IllegalStateException(problem);
    }
}
