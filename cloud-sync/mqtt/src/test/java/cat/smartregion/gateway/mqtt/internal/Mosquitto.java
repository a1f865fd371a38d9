package cat.smartregion.gateway.mqtt.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto broker (Debian package {@code mosquitto}) started by a test on free loopback ports
 * with a generated configuration, stopped by {@link #close()}. Each listener has its own settings;
 * the listener named {@code plain} takes anonymous clients without ACL (for test subscribers).
 */
final class Mosquitto implements AutoCloseable {

    private final Process process;
    private final Map<String, Integer> ports;
    private final Path log;

    private Mosquitto(Process process, Map<String, Integer> ports, Path log) {
        this.process = process;
        this.ports = ports;
        this.log = log;
    }

    /** Listener settings by name, each without its {@code listener} line. */
    static Mosquitto start(Path dir, Map<String, String> listeners) {
        String mosquitto = Tools.require("mosquitto", "mosquitto");
        Map<String, Integer> ports = new LinkedHashMap<>();
        StringBuilder conf = new StringBuilder()
                .append("per_listener_settings true\npersistence false\nmax_queued_messages 0\n")
                .append("user ").append(System.getProperty("user.name")).append('\n')
                .append("log_dest file ").append(dir.resolve("mosquitto.log")).append('\n')
                .append("log_type all\nconnection_messages true\n");
        Map<String, String> all = new LinkedHashMap<>(listeners);
        all.putIfAbsent("plain", "allow_anonymous true\n");
        all.forEach((name, settings) -> {
            int port = freePort();
            ports.put(name, port);
            conf.append("\nlistener ").append(port).append(" 127.0.0.1\n").append(settings);
        });
        try {
            Path file = dir.resolve("mosquitto.conf");
            Files.writeString(file, conf);
            Process process = new ProcessBuilder(mosquitto, "-c", file.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.out").toFile()).start();
            Mosquitto broker = new Mosquitto(process, ports, dir.resolve("mosquitto.log"));
            broker.awaitListening();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port(String listener) {
        return ports.get(listener);
    }

    /** The broker's log so far, for failure messages. */
    String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "(no log)";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (int port : ports.values()) {
            while (!accepts(port)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    close();
                    throw new AssertionError("mosquitto did not listen on " + port + ": " + log());
                }
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
