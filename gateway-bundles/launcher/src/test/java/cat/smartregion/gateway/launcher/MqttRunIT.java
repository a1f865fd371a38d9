package cat.smartregion.gateway.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.simulator.devices.MeterServer;
import cat.smartregion.gateway.simulator.devices.SimulatedMeter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gateway run} with the MQTT uplink, as a separate process in its 64 MB heap: a simulated
 * SDM120 → the gateway's bundles in Felix → a real Mosquitto, read back with mosquitto_sub.
 */
class MqttRunIT {

    @TempDir
    Path work;
    private Process broker;
    private Process gateway;

    @AfterEach
    void stop() throws InterruptedException {
        for (Process p : new Process[] {gateway, broker}) {
            if (p != null) {
                p.destroy();
                if (!p.waitFor(30, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                }
            }
        }
    }

    @Test
    void readingsReachTheBrokerAsSenml() throws Exception {
        int port = freePort();
        Files.writeString(work.resolve("mosquitto.conf"), "listener " + port + " 127.0.0.1\nallow_anonymous true\n");
        broker = start(work.resolve("broker.log"), "mosquitto", "-c", work.resolve("mosquitto.conf").toString());
        awaitListening(port);
        try (MeterServer meters = MeterServer.start(InetAddress.getLoopbackAddress(), 0).add(3, SimulatedMeter.sdm120())) {
            Path config = work.resolve("gateway.yaml");
            Files.writeString(config, """
                    tenant: town
                    gateway: gw1
                    buffer: {path: data/buffer.db}
                    mqtt:
                      broker: tcp://127.0.0.1:%d
                      options: {encoding: senml-json, gzip: false}
                    devices:
                      - {id: meter-3, profile: eastron-sdm120, endpoint: "modbus-tcp://127.0.0.1:%d?unit=3", interval: 1s}
                    """.formatted(port, meters.port()));
            Path received = work.resolve("received.txt");
            Process subscriber = start(received, "mosquitto_sub", "-V", "mqttv5", "-h", "127.0.0.1", "-p", String.valueOf(port),
                    "-t", "smartregion/town/gw1/readings", "-C", "2", "-W", "60");
            gateway = start(work.resolve("gateway.log"), java(), "-Xmx64m", "-Dgateway.home=" + GatewayProcess.DIST,
                    "-cp", GatewayProcess.DIST.resolve("lib") + "/*", "cat.smartregion.gateway.launcher.Main",
                    "run", "--config", config.toString());

            assertTrue(subscriber.waitFor(90, TimeUnit.SECONDS), "two batches within 90 s");
            String messages = Files.readString(received, StandardCharsets.UTF_8);
            assertEquals(0, subscriber.exitValue(), messages + Files.readString(work.resolve("gateway.log")));
            assertTrue(messages.contains("meter-3:phaseVoltageL1") || messages.contains("phaseVoltageL1"), messages);
            assertTrue(messages.contains("\"u\":\"V\""), "canonical units: " + messages);

            gateway.destroy();
            assertTrue(gateway.waitFor(60, TimeUnit.SECONDS), "stops on SIGTERM");
        }
    }

    private Process start(Path output, String... command) throws IOException {
        return new ProcessBuilder(List.of(command)).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    private static String java() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Waits until the broker accepts connections, so the subscriber does not start too early. */
    private static void awaitListening(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try (java.net.Socket probe = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("mosquitto did not listen on port " + port + " within 20 s", e);
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
