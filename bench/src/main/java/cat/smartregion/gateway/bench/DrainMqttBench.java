package cat.smartregion.gateway.bench;

import cat.smartregion.gateway.api.Priority;
import cat.smartregion.gateway.api.Quality;
import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.Value;
import cat.smartregion.gateway.api.buffer.Batch;
import cat.smartregion.gateway.buffer.internal.BufferConfig;
import cat.smartregion.gateway.buffer.internal.SqliteBuffer;
import cat.smartregion.gateway.core.internal.sync.SyncAgent;
import cat.smartregion.gateway.core.internal.sync.SyncSettings;
import cat.smartregion.gateway.mqtt.internal.Encoding;
import cat.smartregion.gateway.mqtt.internal.MqttSettings;
import cat.smartregion.gateway.mqtt.internal.MqttUplink;
import cat.smartregion.gateway.mqtt.internal.Peers;
import cat.smartregion.gateway.mqtt.internal.ReadingMessages;
import cat.smartregion.gateway.mqtt.internal.Security;
import cat.smartregion.gateway.api.uplink.SendResult;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import javax.net.SocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * Drains a pre-filled SQLite buffer through the sync agent and the MQTT uplink to a local Mosquitto
 * (plain TCP on loopback), and, in the same run, publishes the same payloads (same messages, same user
 * properties) with a bare Paho client keeping as many QoS 1 publishes in flight (the raw baseline).
 * Bytes on the wire are what Mosquitto read from its sockets (/proc/PID/io rchar): MQTT packets, no
 * TCP/IP headers. A third figure times the uplink's send() alone on the same batches, without the buffer.
 */
public final class DrainMqttBench implements Benchmark {

    private static final String TOPIC = "smartregion/bench/gw1/readings";
    private static final int MESSAGE_READINGS = 1000;
    private static final int IN_FLIGHT = 20;
    private static final long T0 = 1_795_737_600_000L;
    private static final String[][] POINTS = {
        {"voltageL1", "voltage", "V"}, {"voltageL2", "voltage", "V"}, {"voltageL3", "voltage", "V"},
        {"currentL1", "current", "A"}, {"currentL2", "current", "A"}, {"activePower", "activePower", "W"},
        {"powerFactor", "powerFactor", "/"}, {"frequency", "frequency", "Hz"},
        {"totalActiveEnergyImport", "activeEnergy", "Wh"}, {"totalReactiveEnergyImport", "reactiveEnergy", "varh"}};

    @Override
    public String description() {
        return "SQLite backlog -> sync agent -> MQTT uplink -> local Mosquitto vs raw Paho; "
                + "args: readings (1000000) encoding (senml-cbor|senml-json) batch (20000)";
    }

    @Override
    public Summary run(List<String> args, PrintStream out) throws Exception {
        int readings = args.size() > 0 ? Integer.parseInt(args.get(0)) : 1_000_000;
        Encoding encoding = args.size() > 1 && args.get(1).equals("senml-json") ? Encoding.SENML_JSON : Encoding.SENML_CBOR;
        int batch = args.size() > 2 ? Integer.parseInt(args.get(2)) : 20_000;
        Path dir = Files.createTempDirectory("drain-mqtt");
        try (Broker broker = Broker.start(dir)) {
            out.printf("%,d readings of 100 meters x 10 points, %s + gzip, batches of %,d, messages of %,d, "
                    + "%d in flight, Mosquitto on tcp://127.0.0.1:%d (plain TCP on loopback)%n",
                    readings, encoding.label(), batch, MESSAGE_READINGS, IN_FLIGHT, broker.port);
            MqttSettings settings = MqttSettings.of(URI.create("tcp://127.0.0.1:" + broker.port), Security.none())
                    .withTopics("smartregion", "bench", "gw1").withEncoding(encoding, true).withFlow(IN_FLIGHT, MESSAGE_READINGS);
            drain(dir.resolve("warm-up.db"), broker, settings.withClientId("warm-up"), Math.min(readings, 100_000), batch);
            Figures ours = ours(dir, broker, settings, readings, batch, out);
            Figures raw = raw(broker, encoding, readings, batch, out);
            Figures alone = uplinkAlone(broker, settings.withClientId("alone"), readings, batch, out);
            double bufferAlone = bufferAlone(dir, readings, batch, out);
            double ratio = ours.rate / raw.rate;
            out.printf("ratio ours/raw %.3f (uplink alone / raw %.3f; the sync loop claims, sends and acks in turn, "
                    + "so 1/ours ~ 1/uplink alone + 1/buffer alone)%n", ratio, alone.rate / raw.rate);
            return new Summary("drain-mqtt", ratio).put("readings", readings).put("encoding", encoding.label() + "+gzip")
                    .put("oursReadingsPerS", Math.round(ours.rate)).put("rawReadingsPerS", Math.round(raw.rate))
                    .put("uplinkAloneReadingsPerS", Math.round(alone.rate))
                    .put("bufferClaimAckReadingsPerS", Math.round(bufferAlone))
                    .put("oursWireBytesPerReading", round(ours.bytesPerReading))
                    .put("rawWireBytesPerReading", round(raw.bytesPerReading));
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private record Figures(double rate, double bytesPerReading) {
    }

    private static Figures ours(Path dir, Broker broker, MqttSettings settings, int readings, int batch, PrintStream out) {
        long bytes = broker.bytesRead();
        double seconds = drain(dir.resolve("buffer.db"), broker, settings, readings, batch);
        Figures figures = new Figures(readings / seconds, (broker.bytesRead() - bytes) / (double) readings);
        out.printf("ours: drained in %.2f s: %,.0f readings/s, %.2f bytes on the wire per reading%n",
                seconds, figures.rate, figures.bytesPerReading);
        return figures;
    }

    /** Fills a buffer, then times the sync agent draining it through the uplink; returns seconds. */
    private static double drain(Path file, Broker broker, MqttSettings settings, int readings, int batch) {
        try (SqliteBuffer buffer = SqliteBuffer.open(BufferConfig.of(file))) {
            fill(buffer, readings);
            MqttUplink uplink = new MqttUplink(settings, Peers.Fixed.none(), "bench");
            long start = System.nanoTime();
            SyncAgent agent = new SyncAgent(buffer, uplink,
                    new SyncSettings(batch, 1L << 30, Duration.ofMillis(100), Duration.ofSeconds(1)));
            while (buffer.figures().backlog() > 0) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            agent.stop();
            uplink.close();
            return seconds;
        }
    }

    private static Figures raw(Broker broker, Encoding encoding, int readings, int batch, PrintStream out) throws Exception {
        ReadingMessages messages = new ReadingMessages(encoding, true);
        List<MqttMessage> payloads = new ArrayList<>();
        for (int from = 0; from < readings; from += batch) {
            Batch b = new Batch(readings(from, Math.min(batch, readings - from), from + 1));
            for (int i = 0; i < b.size(); i += MESSAGE_READINGS) {
                payloads.add(messages.of(b, b.readings().subList(i, Math.min(b.size(), i + MESSAGE_READINGS))));
            }
        }
        MqttAsyncClient client = new MqttAsyncClient("tcp://127.0.0.1:" + broker.port, "raw", new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setSocketFactory(new NoDelay());
        IMqttToken connected = client.connect(options);
        connected.waitForCompletion(10_000);
        Integer receiveMaximum = connected.getResponseProperties().getReceiveMaximum();
        Semaphore window = new Semaphore(Math.min(IN_FLIGHT, receiveMaximum == null ? 65535 : receiveMaximum));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        MqttActionListener done = new MqttActionListener() {
            @Override
            public void onSuccess(IMqttToken token) {
                window.release();
            }

            @Override
            public void onFailure(IMqttToken token, Throwable error) {
                failure.set(error);
                window.release();
            }
        };
        long bytes = broker.bytesRead();
        long start = System.nanoTime();
        for (MqttMessage message : payloads) {
            window.acquire();
            client.publish(TOPIC, message, null, done);
        }
        window.acquire(Math.min(IN_FLIGHT, receiveMaximum == null ? 65535 : receiveMaximum));
        double seconds = (System.nanoTime() - start) / 1e9;
        client.disconnect().waitForCompletion(5000);
        client.close();
        if (failure.get() != null) {
            throw new IllegalStateException("raw publish failed", failure.get());
        }
        Figures figures = new Figures(readings / seconds, (broker.bytesRead() - bytes) / (double) readings);
        out.printf("raw Paho, same %,d messages: %.2f s: %,.0f readings/s, %.2f bytes on the wire per reading%n",
                payloads.size(), seconds, figures.rate, figures.bytesPerReading);
        return figures;
    }

    private static Figures uplinkAlone(Broker broker, MqttSettings settings, int readings, int batch, PrintStream out) {
        MqttUplink uplink = new MqttUplink(settings, Peers.Fixed.none(), "bench");
        long nanos = 0;
        long bytes = broker.bytesRead();
        for (int from = 0; from < readings; from += batch) {
            Batch b = new Batch(readings(from, Math.min(batch, readings - from), from + 1));
            long start = System.nanoTime();
            SendResult result = uplink.send(b);
            nanos += System.nanoTime() - start;
            if (!(result instanceof SendResult.Delivered)) {
                throw new IllegalStateException("send failed: " + result);
            }
        }
        uplink.close();
        Figures figures = new Figures(readings / (nanos / 1e9), (broker.bytesRead() - bytes) / (double) readings);
        out.printf("uplink alone (send() on batches in memory, no buffer): %,.0f readings/s%n", figures.rate);
        return figures;
    }

    /** The buffer's own pace: claim and ack the same backlog without sending anything. */
    private static double bufferAlone(Path dir, int readings, int batch, PrintStream out) {
        try (SqliteBuffer buffer = SqliteBuffer.open(BufferConfig.of(dir.resolve("buffer-alone.db")))) {
            fill(buffer, readings);
            long start = System.nanoTime();
            for (Batch b = buffer.claim(batch, 1L << 30); !b.isEmpty(); b = buffer.claim(batch, 1L << 30)) {
                buffer.ack(b);
            }
            double rate = readings / ((System.nanoTime() - start) / 1e9);
            out.printf("buffer alone (claim + ack, nothing sent): %,.0f readings/s%n", rate);
            return rate;
        }
    }

    private static void fill(SqliteBuffer buffer, int readings) {
        for (int from = 0; from < readings; from += 1000) {
            buffer.append(readings(from, Math.min(1000, readings - from), 0));
        }
    }

    /** 100 meters x 10 points read every second; seq from {@code firstSeq} (0: not stored yet). */
    static List<Reading> readings(int from, int count, long firstSeq) {
        List<Reading> readings = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            String[] point = POINTS[i % 10];
            int meter = i / 10 % 100;
            long second = i / 1000;
            double value = switch (i % 10) {
                case 0, 1, 2 -> 229 + (second * 7 + meter) % 30 / 10.0;
                case 3, 4 -> 5 + (second + meter) % 100 / 100.0;
                case 5 -> 1000 + (second * 13 + meter) % 500;
                case 6 -> 0.9 + (second + meter) % 10 / 100.0;
                case 7 -> 49.95 + (second + meter) % 10 / 100.0;
                case 8 -> 4_206_097L + meter * 1000L + second * 3;
                default -> 120_334L + meter * 100L + second;
            };
            Reading r = new Reading("bench", "gw1", String.format("meter-%03d", meter), point[0], point[1],
                    Value.of(Math.round(value * 100) / 100.0), point[2], T0 + second * 1000, Quality.GOOD,
                    i % 10 >= 8 ? Priority.COUNTER : Priority.SAMPLE, 0);
            readings.add(firstSeq == 0 ? r : r.withSeq(firstSeq + i - from));
        }
        return readings;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** Plain sockets with TCP_NODELAY, as the uplink uses. */
    private static final class NoDelay extends SocketFactory {
        @Override
        public Socket createSocket() throws IOException {
            Socket socket = new Socket();
            socket.setTcpNoDelay(true);
            return socket;
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            throw new UnsupportedOperationException("Paho connects unconnected sockets");
        }

        @Override
        public Socket createSocket(String host, int port, java.net.InetAddress local, int localPort) {
            throw new UnsupportedOperationException("Paho connects unconnected sockets");
        }

        @Override
        public Socket createSocket(java.net.InetAddress host, int port) {
            throw new UnsupportedOperationException("Paho connects unconnected sockets");
        }

        @Override
        public Socket createSocket(java.net.InetAddress host, int port, java.net.InetAddress local, int localPort) {
            throw new UnsupportedOperationException("Paho connects unconnected sockets");
        }
    }

    /** A Mosquitto process on a free loopback port, anonymous, nothing persisted. */
    private static final class Broker implements AutoCloseable {
        private final Process process;
        private final int port;

        private Broker(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static Broker start(Path dir) throws IOException {
            int port;
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            Path conf = dir.resolve("mosquitto.conf");
            Files.writeString(conf, "persistence false\nuser " + System.getProperty("user.name")
                    + "\nlog_dest none\nlistener " + port + " 127.0.0.1\nallow_anonymous true\n");
            Process process;
            try {
                process = new ProcessBuilder("mosquitto", "-c", conf.toString()).redirectErrorStream(true)
                        .redirectOutput(dir.resolve("mosquitto.out").toFile()).start();
            } catch (IOException e) {
                throw new IOException("drain-mqtt needs mosquitto: apt-get install -y mosquitto", e);
            }
            Broker broker = new Broker(process, port);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!broker.accepts()) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    broker.close();
                    throw new IOException("mosquitto did not start: " + Files.readString(dir.resolve("mosquitto.out")));
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            return broker;
        }

        private boolean accepts() {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        /** Bytes the broker has read from its sockets so far. */
        long bytesRead() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "io"))) {
                    if (line.startsWith("rchar:")) {
                        return Long.parseLong(line.substring(6).trim());
                    }
                }
                throw new IllegalStateException("no rchar in /proc/" + process.pid() + "/io");
            } catch (IOException e) {
                throw new IllegalStateException("cannot read /proc/" + process.pid() + "/io", e);
            }
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
