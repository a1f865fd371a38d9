package cat.smartregion.gateway.simulator.devices;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * Where a simulator's main serves, from the options they share: {@code --address} and {@code --port}
 * (Modbus TCP; port 0 picks a free one), {@code --rtutcp} (RTU frames over TCP, as a serial server),
 * or {@code --serial PATH --baud N --parity P [--ascii]} (RTU, or ASCII, on a serial line).
 */
public final class ServedLine {

    private InetAddress address = InetAddress.getLoopbackAddress();
    private int port = 5020;
    private String serial;
    private int baud = 9600;
    private char parity = 'N';
    private Wire wire = Wire.TCP;

    /**
     * Takes {@code option} when it is one of the line's; {@code value} gives its value.
     *
     * @return false when the option is not the line's
     * @throws IllegalArgumentException naming the option when its value is not a number or an address
     */
    public boolean option(String option, Supplier<String> value) {
        switch (option) {
            case "--rtutcp" -> wire = Wire.RTU;
            case "--ascii" -> wire = Wire.ASCII;
            case "--address" -> address = address(value.get());
            case "--port" -> port = number(option, value.get());
            case "--serial" -> serial = value.get();
            case "--baud" -> baud = number(option, value.get());
            case "--parity" -> {
                String text = value.get();
                parity = text.isEmpty() ? 'N' : Character.toUpperCase(text.charAt(0));
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The framing: RTU on a serial line unless ASCII was asked. */
    public Wire wire() {
        return serial != null && wire == Wire.TCP ? Wire.RTU : wire;
    }

    /** Modbus TCP on a port, the case {@link MeterServer} serves. */
    public boolean plainTcp() {
        return serial == null && wire == Wire.TCP;
    }

    public InetAddress address() {
        return address;
    }

    public int port() {
        return port;
    }

    /** A scriptable slave on this line, serving nothing yet. */
    public ModbusSlave open() throws IOException {
        return serial == null ? ModbusSlave.tcp(address, port, wire()) : ModbusSlave.serial(serial, baud, parity, wire());
    }

    /** The line as people read it, e.g. {@code 127.0.0.1:5020 TCP} or {@code /dev/pts/3 RTU 9600 N}. */
    public String describe(int servedPort) {
        return serial != null ? serial + " " + wire() + " " + baud + " " + parity
                : address.getHostAddress() + ":" + servedPort + " " + wire();
    }

    /** Prints {@code lines} (the first {@code port=N}), then blocks until the process is killed, closing {@code server} on the way out. */
    public static void serveUntilKilled(AutoCloseable server, String name, List<String> lines) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("closing the simulator: " + e);
            }
            stopped.countDown();
        }, name + "-shutdown"));
        lines.forEach(System.out::println);
        System.out.flush();
        stopped.await();
    }

    /** @throws IllegalArgumentException naming the option when the value is not a number */
    public static int number(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got " + value, e);
        }
    }

    private static InetAddress address(String value) {
        try {
            return InetAddress.getByName(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("--address: " + e.getMessage(), e);
        }
    }
}
