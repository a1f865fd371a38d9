package cat.smartregion.gateway.simulator.serial;

import cat.smartregion.gateway.simulator.devices.SocatPair;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a simulated serial device by hand until interrupted:
 * {@code pms5003 PTY}, {@code sound-push PTY} or {@code sound-poll PTY}; with {@code PTY} = {@code pair}
 * it starts its own socat pair in a temporary folder and prints the end to give the gateway.
 */
public final class SerialSimulatorMain {

    private SerialSimulatorMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: SerialSimulatorMain pms5003|sound-push|sound-poll PTY|pair");
            System.exit(2);
        }
        SocatPair pair = "pair".equals(args[1]) ? SocatPair.open(Files.createTempDirectory("serial-sim")) : null;
        String path = pair != null ? pair.b() : args[1];
        AutoCloseable device = switch (args[0]) {
            case "pms5003" -> Pms5003Simulator.start(path, Duration.ofSeconds(1));
            case "sound-push" -> SoundMeterSimulator.pushing(path, 1000);
            case "sound-poll" -> SoundMeterSimulator.answering(path);
            default -> throw new IllegalArgumentException("unknown device " + args[0]);
        };
        if (pair != null) {
            System.out.println("device on " + path + "; read it on serial://" + pair.a());
        }
        CountDownLatch forever = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            close(device);
            if (pair != null) {
                pair.close();
            }
            forever.countDown();
        }));
        forever.await();
    }

    private static void close(AutoCloseable device) {
        try {
            device.close();
        } catch (Exception e) {
            System.err.println("closing the simulator: " + e.getMessage());
        }
    }
}
