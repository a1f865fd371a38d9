package cat.smartregion.gateway.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.simulator.platform.StandInPlatform;
import cat.smartregion.gateway.simulator.platform.StoredObservation;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gateway run} with its CoAP server: libcoap's {@code coap-client} (an independent CoAP
 * implementation) pushes SenML over DTLS with each device's pre-shared key, and the stand-in
 * Sentilo platform receives the records normalized (libcoap prints the 2.04 answer's payload,
 * {@code stored N readings}); a malformed message is answered 4.00 and stores nothing; a wrong key
 * gets no answer. Then the simulator's pushing sensor sends SenML CBOR and its values arrive too.
 */
class CoapPushIT {

    private static final String PROVIDER = "push";
    private static final String TOKEN = "push-token-0123456789abcdef";

    @TempDir
    Path work;
    private Process gateway;

    @AfterEach
    void stop() throws InterruptedException {
        if (gateway != null) {
            gateway.destroy();
            if (!gateway.waitFor(60, TimeUnit.SECONDS)) {
                gateway.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void pushedSenmlReachesThePlatformNormalized() throws Exception {
        int port = freeUdpPort();
        Path sensorKey = secret("sensor-7.psk", "sensor-7-secret-key");
        Path nodeKey = secret("node-2.psk", "node-2-secret-key");
        try (StandInPlatform platform = StandInPlatform.start(work.resolve("platform.db"), 0).addProvider(PROVIDER, TOKEN)) {
            Files.writeString(secret("sentilo.token", TOKEN), TOKEN);
            Path config = work.resolve("gateway.yaml");
            Files.writeString(config, """
                    tenant: town
                    gateway: gw1
                    buffer: {path: data/buffer.db}
                    sentilo: {url: "%s", provider: %s, tokenFile: sentilo.token}
                    coapServer: {host: 127.0.0.1, port: %d}
                    devices:
                      - {id: aq-7, profile: generic-senml, endpoint: "coap-push:sensor-7?keyFile=%s"}
                      - {id: aq-2, profile: senml-air-quality-coap, endpoint: "coap-push:node-2?keyFile=%s"}
                    """.formatted(platform.baseUrl(), PROVIDER, port, sensorKey, nodeKey));
            gateway = new ProcessBuilder(java(), "-Xmx64m", "-Dgateway.home=" + GatewayProcess.DIST,
                    "-cp", GatewayProcess.DIST.resolve("lib") + "/*", "cat.smartregion.gateway.launcher.Main",
                    "run", "--config", config.toString())
                    .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("gateway.log").toFile()).start();

            long t = Instant.now().getEpochSecond() - 60;
            String generic = "[{\"bn\":\"urn:dev:mac:0024befffe804ff1:\",\"bt\":" + t + ",\"n\":\"temperature\",\"u\":\"Cel\",\"v\":21.5},"
                    + "{\"n\":\"pm10\",\"u\":\"ug/m3\",\"v\":12.5},{\"n\":\"power\",\"u\":\"kW\",\"v\":1.25,\"t\":10},"
                    + "{\"n\":\"battery\",\"u\":\"%EL\",\"v\":87}]";
            // The battery's %EL names no quantity of the table: that record is left out, the others stored.
            await("the gateway's CoAP server stores sensor-7's pack", () -> post("sensor-7", "sensor-7-secret-key", port, generic)
                    .contains("stored 3 readings"));
            String named = "[{\"bn\":\"node-2:\",\"n\":\"pm25\",\"u\":\"ug/m3\",\"v\":8},{\"n\":\"humidity\",\"u\":\"%RH\",\"v\":55}]";
            assertTrue(post("node-2", "node-2-secret-key", port, named).contains("stored 2 readings"), "node-2's pack is accepted");

            String malformed = post("sensor-7", "sensor-7-secret-key", port, "[{\"n\":\"temperature\",\"v\":");
            assertTrue(malformed.contains("4.00"), "a malformed pack is answered 4.00: " + malformed);
            String wrongUnit = post("node-2", "node-2-secret-key", port, "[{\"n\":\"pm25\",\"u\":\"mg/m3\",\"v\":1}]");
            assertTrue(wrongUnit.contains("4.00") && wrongUnit.contains("ug/m3"), "a record in the wrong unit: " + wrongUnit);
            String wrongKey = post("sensor-7", "not-the-key", port, "[{\"n\":\"temperature\",\"u\":\"Cel\",\"v\":99}]");
            assertTrue(!wrongKey.contains("stored"), "no answer to a wrong key: " + wrongKey);

            await("the platform holds sensor-7's power", () -> !platform.observations(PROVIDER, "aq-7_power").isEmpty());
            await("the platform holds node-2's humidity", () -> !platform.observations(PROVIDER, "aq-2_relativeHumidity").isEmpty());
            StoredObservation temperature = first(platform.observations(PROVIDER, "aq-7_temperature"));
            assertEquals(21.5, Double.parseDouble(temperature.value()));
            assertEquals(t * 1000, temperature.time(), "the record's own time (bt)");
            assertEquals(1.25e-8, Double.parseDouble(first(platform.observations(PROVIDER, "aq-7_pm10")).value()), 1e-15,
                    "ug/m3 converted to kg/m3");
            StoredObservation power = first(platform.observations(PROVIDER, "aq-7_power"));
            assertEquals(1250.0, Double.parseDouble(power.value()), 1e-9);
            assertEquals((t + 10) * 1000, power.time(), "bt + t");
            assertEquals(8e-9, Double.parseDouble(first(platform.observations(PROVIDER, "aq-2_pm25")).value()), 1e-15);
            assertTrue(platform.observations(PROVIDER, "aq-7_temperature").stream().noneMatch(o -> o.value().startsWith("99")),
                    "nothing from the wrong key");
            assertEquals(0, platform.observations(PROVIDER, "aq-2_pm25").stream().filter(o -> o.value().startsWith("0.001")).count(),
                    "nothing of the refused pack");

            for (JsonNode push : pushingSensor(port, sensorKey)) {
                assertEquals("2.04", push.get("code").asText(), push.toString());
                for (JsonNode record : push.get("records")) {
                    if (record.get("n").asText().equals("temperature")) {
                        long time = record.get("time").asLong();
                        double value = record.get("v").asDouble();
                        // Sentilo's timestamps have whole seconds
                        await("the platform holds the simulator's temperature " + value + " at " + time, () -> platform
                                .observations(PROVIDER, "aq-7_temperature").stream()
                                .anyMatch(o -> o.time() / 1000 == time / 1000 && Double.parseDouble(o.value()) == value));
                    }
                }
            }
        }
    }

    /** The simulator's pushing sensor, SenML CBOR over DTLS-PSK as sensor-7, two pushes: what it printed, a line per push. */
    private List<JsonNode> pushingSensor(int port, Path key) throws IOException, InterruptedException {
        Path simulator = Paths.get("..", "..", "simulator", "coap", "target", "classes").toAbsolutePath();
        Path bundles = GatewayProcess.DIST.resolve("bundles");
        String classPath = String.join(java.io.File.pathSeparator, simulator.toString(), GatewayProcess.DIST.resolve("lib") + "/*",
                CoapReadIT.jar(bundles, "driver-coap-"), CoapReadIT.jar(bundles, "jackson-dataformat-cbor-"));
        Process sensor = new ProcessBuilder(java(), "-Xmx64m", "-cp", classPath,
                "cat.smartregion.gateway.simulator.coap.PushingSensorMain", "--gateway", "coaps://127.0.0.1:" + port + "/senml",
                "--identity", "sensor-7", "--keyFile", key.toString(), "--count", "2", "--interval", "1s", "--format", "senml-cbor")
                .directory(work.toFile()).redirectError(work.resolve("sensor.log").toFile())
                .redirectOutput(work.resolve("sensor.out").toFile()).start();
        if (!sensor.waitFor(60, TimeUnit.SECONDS)) {
            sensor.destroyForcibly().waitFor();
            throw new AssertionError("the pushing sensor did not stop: " + Files.readString(work.resolve("sensor.log")));
        }
        List<JsonNode> lines = Files.readAllLines(work.resolve("sensor.out")).stream().map(GatewayProcess::json).toList();
        assertEquals(2, lines.size(), Files.readString(work.resolve("sensor.log")));
        return lines;
    }

    private static StoredObservation first(List<StoredObservation> observations) {
        assertTrue(!observations.isEmpty(), "an observation");
        return observations.get(0);
    }

    /** POSTs a SenML JSON pack with libcoap's client over DTLS-PSK; its output, response code included. */
    private String post(String identity, String key, int port, String pack) {
        try {
            return postWithClient(identity, key, port, pack);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private String postWithClient(String identity, String key, int port, String pack) throws IOException, InterruptedException {
        Path payload = Files.writeString(work.resolve("pack.json"), pack);
        Path output = work.resolve("coap-client.out");
        Process client = new ProcessBuilder("coap-client-openssl", "-m", "post", "-t", "110", "-u", identity, "-k", key,
                "-f", payload.toString(), "-B", "5", "coaps://127.0.0.1:" + port + "/senml")
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!client.waitFor(30, TimeUnit.SECONDS)) {
            client.destroyForcibly().waitFor();
        }
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    private Path secret(String name, String content) throws IOException {
        Path file = work.resolve(name);
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private void await(String what, BooleanSupplier condition) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what + "; gateway log:\n"
                        + Files.readString(work.resolve("gateway.log")));
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String java() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }
}
