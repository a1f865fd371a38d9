package cat.smartregion.gateway.bench;

import cat.smartregion.gateway.api.Priority;
import cat.smartregion.gateway.api.Quality;
import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.Value;
import cat.smartregion.gateway.buffer.internal.BufferConfig;
import cat.smartregion.gateway.buffer.internal.SqliteBuffer;
import cat.smartregion.gateway.core.internal.sync.SyncAgent;
import cat.smartregion.gateway.core.internal.sync.SyncSettings;
import cat.smartregion.gateway.sentilo.internal.SentiloUplink;
import cat.smartregion.gateway.sentilo.internal.UplinkSettings;
import cat.smartregion.gateway.simulator.platform.StandInPlatform;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Drains a pre-filled SQLite buffer through the sync agent and the Sentilo uplink to the stand-in
 * platform, and, in the same run, sends the same request bodies to a fresh stand-in with a bare
 * {@code java.net.http} client (the raw baseline). A third figure, the bare client against a server that
 * answers 200 without reading anything into a store, shows how much of the time the stand-in takes.
 */
public final class DrainSentiloBench implements Benchmark {

    private static final String PROVIDER = "bench-gw";
    private static final String TOKEN = "bench-token";
    private static final int SENSORS = 200;
    private static final int PER_REQUEST = 100;
    private static final long T0 = Instant.parse("2026-11-27T00:00:00Z").toEpochMilli();
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("dd/MM/uuuu'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String description() {
        return "buffer -> sync agent -> Sentilo uplink -> stand-in platform, vs a bare HTTP client; arg: readings (40000)";
    }

    @Override
    public Summary run(List<String> args, PrintStream out) throws Exception {
        int readings = args.isEmpty() ? 40_000 : Integer.parseInt(args.get(0));
        Path dir = Files.createTempDirectory("drain-sentilo");
        try {
            List<Reading> backlog = backlog(readings);
            List<byte[]> bodies = bodies(backlog);
            long wireBytes = bodies.stream().mapToLong(b -> b.length).sum();
            out.printf("%,d readings of %d sensors, %,d requests of %d, %.1f body bytes per reading%n",
                    readings, SENSORS, bodies.size(), PER_REQUEST, wireBytes / (double) readings);
            double raw = raw(dir.resolve("raw"), bodies, readings, out);
            double ours = ours(dir.resolve("ours"), backlog, out);
            double bare = bare(bodies, readings, out);
            double ratio = ours / raw;
            out.printf("ratio ours/raw %.3f; the stand-in's own work (HTTP server, JSON, SQLite) takes %.0f%% of"
                    + " the raw client's time%n", ratio, 100 * (1 - raw / bare));
            return new Summary("drain-sentilo", ratio).put("readings", readings)
                    .put("oursReadingsPerS", Math.round(ours)).put("rawReadingsPerS", Math.round(raw))
                    .put("bareServerReadingsPerS", Math.round(bare)).put("requests", bodies.size())
                    .put("bodyBytesPerReading", Math.round(10.0 * wireBytes / readings) / 10.0);
        } finally {
            deleteTree(dir);
        }
    }

    /** Ours: the readings in a SQLite buffer, drained by the sync agent through the uplink. */
    private static double ours(Path dir, List<Reading> backlog, PrintStream out) throws Exception {
        Files.createDirectories(dir);
        try (StandInPlatform platform = StandInPlatform.start(dir.resolve("platform.db"), 0).addProvider(PROVIDER, TOKEN);
             SqliteBuffer buffer = SqliteBuffer.open(BufferConfig.of(dir.resolve("buffer.db")));
             SentiloUplink uplink = new SentiloUplink(UplinkSettings.of(URI.create(platform.baseUrl()), PROVIDER, TOKEN)
                     .withRequestLimits(PER_REQUEST, 65536))) {
            for (int i = 0; i < backlog.size(); i += SENSORS) {
                buffer.append(backlog.subList(i, Math.min(backlog.size(), i + SENSORS)));
            }
            register(platform);
            long start = System.nanoTime();
            SyncAgent agent = new SyncAgent(buffer, uplink,
                    new SyncSettings(500, 262144, Duration.ofMillis(10), Duration.ofSeconds(1)));
            try {
                while (buffer.figures().backlog() > 0) {
                    LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
                }
            } finally {
                agent.stop();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            check(platform.observationCount() == backlog.size(), "ours: every reading at the platform exactly once");
            double rate = backlog.size() / seconds;
            out.printf("ours: %,.0f readings/s (%.2f s, buffer claim/ack + uplink + stand-in)%n", rate, seconds);
            return rate;
        }
    }

    /** Raw: the same bodies, prepared beforehand, sent one after the other by a bare client. */
    private static double raw(Path dir, List<byte[]> bodies, int readings, PrintStream out) throws Exception {
        Files.createDirectories(dir);
        try (StandInPlatform platform = StandInPlatform.start(dir.resolve("platform.db"), 0).addProvider(PROVIDER, TOKEN)) {
            register(platform);
            double seconds = sendAll(URI.create(platform.baseUrl() + "/data/" + PROVIDER), bodies);
            check(platform.observationCount() == readings, "raw: every reading at the platform");
            double rate = readings / seconds;
            out.printf("raw:  %,.0f readings/s (%.2f s, bare java.net.http client + stand-in)%n", rate, seconds);
            return rate;
        }
    }

    /** The bare client against a server that only answers 200: what HTTP on loopback costs alone. */
    private static double bare(List<byte[]> bodies, int readings, PrintStream out) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            double seconds = sendAll(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/data/" + PROVIDER),
                    bodies);
            double rate = readings / seconds;
            out.printf("bare: %,.0f readings/s (%.2f s, bare client + a server that stores nothing)%n", rate, seconds);
            return rate;
        } finally {
            server.stop(0);
        }
    }

    private static double sendAll(URI uri, List<byte[]> bodies) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long start = System.nanoTime();
        for (byte[] body : bodies) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).header("IDENTITY_KEY", TOKEN)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            check(response.statusCode() == 200, "raw request answered " + response.statusCode());
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** One reading per sensor per second, cycle after cycle, as pollers of one-second interval make them. */
    private static List<Reading> backlog(int readings) {
        List<Reading> backlog = new ArrayList<>(readings);
        for (int i = 0; i < readings; i++) {
            int sensor = i % SENSORS;
            backlog.add(new Reading("bench", "gw", "meter-" + sensor / 10, "voltageL" + sensor % 10, "voltage",
                    Value.of(230 + (i % 97) / 10.0), "V", T0 + (i / SENSORS) * 1000L, Quality.GOOD, Priority.SAMPLE,
                    0));
        }
        return backlog;
    }

    /** The bodies our uplink sends for the backlog: 100 readings each, grouped by sensor. */
    private static List<byte[]> bodies(List<Reading> backlog) {
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < backlog.size(); i += PER_REQUEST) {
            Map<String, ArrayNode> bySensor = new LinkedHashMap<>();
            ObjectNode root = JSON.createObjectNode();
            ArrayNode sensors = root.putArray("sensors");
            for (Reading r : backlog.subList(i, Math.min(backlog.size(), i + PER_REQUEST))) {
                ArrayNode observations = bySensor.computeIfAbsent(r.device() + "_" + r.point(), id -> {
                    ObjectNode sensor = sensors.addObject().put("sensor", id);
                    return sensor.putArray("observations");
                });
                observations.addObject().put("value", r.value().text())
                        .put("timestamp", TIMESTAMP.format(Instant.ofEpochMilli(r.time())));
            }
            bodies.add(root.toString().getBytes(StandardCharsets.UTF_8));
        }
        return bodies;
    }

    /** Registers the sensors beforehand, so that both runs measure data only. */
    private static void register(StandInPlatform platform) throws IOException, InterruptedException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode sensors = root.putArray("sensors");
        for (int s = 0; s < SENSORS; s++) {
            String device = "meter-" + s / 10;
            sensors.addObject().put("sensor", device + "_voltageL" + s % 10).put("type", "voltage")
                    .put("dataType", "NUMBER").put("unit", "V").put("component", "gw_" + device)
                    .put("componentType", "generic").put("description", "voltage voltageL" + s % 10 + " of " + device);
        }
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(platform.baseUrl() + "/catalog/" + PROVIDER)).header("IDENTITY_KEY", TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(root.toString())).build(), HttpResponse.BodyHandlers.ofString());
        check(answer.statusCode() == 200, "catalog registration answered " + answer.statusCode() + " " + answer.body());
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("benchmark broken: " + what);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
