package cat.smartregion.gateway.mqtt.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
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
        for (int attempt = 1; ; attempt++) {
            try {
                return startOnce(dir, listeners);
            } catch (AssertionError e) {
                // A port picked free was taken before mosquitto bound it: pick others.
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private static Mosquitto startOnce(Path dir, Map<String, String> listeners) {
        String mosquitto = Tools.require("mosquitto", "mosquitto");
        Map<String, Integer> ports = new LinkedHashMap<>();
        StringBuilder conf = new StringBuilder()
                .append("per_listener_settings true\npersistence false\nmax_queued_messages 0\n")
                .append("user ").append(System.getProperty("user.name")).append('\n')
                .append("log_dest file ").append(dir.resolve("mosquitto.log")).append('\n')
                .append("log_type all\nconnection_messages true\n");
        Map<String, String> all = new LinkedHashMap<>(listeners);
        all.putIfAbsent("plain", "allow_anonymous true\n");
        Iterator<Integer> free = freePorts(all.size()).iterator();
        all.forEach((name, settings) -> {
            int port = free.next();
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
        return freePorts(1).get(0);
    }

    /** {@code n} distinct ports free now: each socket stays open until all are picked. */
    static List<Integer> freePorts(int n) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                sockets.add(new ServerSocket(0));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // it was only held to keep the port
                }
            }
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
