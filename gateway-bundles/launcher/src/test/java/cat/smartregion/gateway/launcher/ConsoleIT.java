package cat.smartregion.gateway.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cat.smartregion.gateway.api.device.DeviceStatus;
import cat.smartregion.gateway.simulator.devices.MeterModel;
import cat.smartregion.gateway.simulator.devices.MeterServer;
import cat.smartregion.gateway.simulator.devices.SimulatedMeter;
import cat.smartregion.gateway.simulator.platform.StandInPlatform;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local console end to end: the gateway runtime with the console on HTTPS (a keystore made
 * here with keytool), a simulated SDM630 on loopback, and real headless Debian Chromium driven
 * by Playwright: a wrong password, the right one, a device added with the profile picker after a
 * test read, and its live voltage in volts on the devices page.
 */
class ConsoleIT {

    private static final Path NODE = Paths.get("src", "test", "node").toAbsolutePath();
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String PASSWORD = "Installer-7f3k-92Qa";
    private static final String STORE_PASSWORD = "store-pass-5521";
    private static final String PROVIDER = "console";
    private static final String TOKEN = "console-token-0123456789abcdef";

    @TempDir
    Path work;

    @Test
    void anInstallerLogsInAddsTheSimulatedMeterAndSeesItsVoltage() throws Exception {
        requireTools();
        Path config = work.resolve("etc");
        Path secrets = Files.createDirectories(config.resolve("secrets"));
        Path keystore = secrets.resolve("console.p12");
        run(List.of(Paths.get(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", "console", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", STORE_PASSWORD), work, Duration.ofSeconds(60));
        Files.writeString(secrets.resolve("console.p12.pass"), STORE_PASSWORD + "\n");
        Files.writeString(secrets.resolve("console-password.hash"), hash(PASSWORD));
        Path log = Files.writeString(work.resolve("gateway.log"), "2026-11-27 10:00:00 INFO gateway started\n");
        int port = freePort();

        SimulatedMeter meter = SimulatedMeter.of(MeterModel.SDM630, 7, Instant.parse("2026-11-27T08:00:00Z"));
        try (MeterServer meters = MeterServer.start(InetAddress.getLoopbackAddress(), 0, Duration.ZERO).add(1, meter);
             StandInPlatform platform = StandInPlatform.start(work.resolve("platform.db"), 0).addProvider(PROVIDER, TOKEN);
             GatewayRuntime runtime = GatewayRuntime.start(GatewayProcess.DIST.resolve("bundles"), work.resolve("felix"))) {
            runtime.configure(GatewayRuntime.PID_IDENTITY, Map.of("tenant", "town", "gateway", "gw1"));
            runtime.configure(GatewayRuntime.PID_PROFILES, Map.of("directory", GatewayProcess.DIST.resolve("profiles").toString()));
            runtime.configure(GatewayRuntime.PID_BUFFER, Map.of("path", work.resolve("buffer.db").toString()));
            runtime.configure(GatewayRuntime.PID_SENTILO, Map.of("url", platform.baseUrl(), "provider", PROVIDER, ".token", TOKEN));
            runtime.configure("cat.smartregion.gateway.console", Map.of("port", port, "host", "127.0.0.1",
                    "configDir", config.toString(), "logFile", log.toString()));
            String url = "https://127.0.0.1:" + port;
            HttpClient https = HttpClient.newBuilder().sslContext(trusting(keystore)).build();
            awaitConsole(https, url);
            assertCsrfRefused(https, url);

            String endpoint = "modbus-tcp://127.0.0.1:" + meters.port() + "?unit=1";
            Map<String, String> env = new HashMap<>(Map.of("CONSOLE_URL", url, "CONSOLE_SPKI", spki(keystore),
                    "CONSOLE_PASSWORD", PASSWORD, "DEVICE_ID", "meter-a", "DEVICE_PROFILE", "eastron-sdm630",
                    "DEVICE_ENDPOINT", endpoint, "VOLTAGE_POINT", "phaseVoltageL1"));
            String out = run(List.of("node", NODE.resolve("console-it.js").toString()), env, NODE, Duration.ofMinutes(3));
            System.out.println("Chromium saw: " + out.strip());
            JsonNode seen = new ObjectMapper().readTree(out.lines().reduce((a, b) -> b).orElse("{}"));

            String voltage = String.valueOf((double) meter.snapshot().value(0x0000));
            assertTrue(seen.path("redirectedToLogin").asBoolean(), out);
            assertEquals("wrong password", seen.path("wrongPasswordMessage").asText(), out);
            assertTrue(seen.path("uplink").asText().startsWith("sentilo"), out);
            // at login no device exists yet: nothing was sent
            assertTrue(seen.path("uplink").asText().contains("waiting since") && seen.path("uplink").asText()
                    .contains("nothing delivered yet"), "how delivery goes: " + out);
            assertTrue(seen.path("testRead").asText().contains("points answered, 0 failed"), out);
            assertEquals("phaseVoltageL1", seen.path("deviceRow").path(0).asText(), out);
            assertEquals(Double.parseDouble(voltage), seen.path("deviceRow").path(1).asDouble(), 1e-3,
                    "the simulator's voltage on the devices page: " + out);
            assertEquals("V", seen.path("deviceRow").path(2).asText(), out);
            assertEquals("GOOD", seen.path("deviceRow").path(3).asText(), out);

            String yaml = Files.readString(config.resolve("devices").resolve("meter-a.yaml"));
            assertTrue(yaml.contains("profile: \"eastron-sdm630\"") && yaml.contains(endpoint) && yaml.contains("interval: 500ms"), yaml);
            assertTrue(runtime.services(DeviceStatus.class).stream().anyMatch(d -> d.config().id().equals("meter-a")),
                    "the device polls through its factory configuration");
        }
    }

    private static void requireTools() throws InterruptedException {
        if (!Files.isExecutable(Paths.get(CHROMIUM))) {
            fail("ConsoleIT needs Debian's chromium at " + CHROMIUM + ": apt-get install -y chromium");
        }
        try {
            run(List.of("npm", "--version"), NODE, Duration.ofSeconds(60));
        } catch (IOException | AssertionError e) {
            fail("ConsoleIT needs node and npm: apt-get install -y npm (" + e.getMessage() + ")");
        }
        if (!Files.isDirectory(NODE.resolve("node_modules").resolve("playwright-core"))) {
            try {
                run(List.of("npm", "ci", "--no-audit", "--no-fund"), NODE, Duration.ofMinutes(3));
            } catch (IOException e) {
                fail("npm ci in " + NODE + " failed: " + e.getMessage());
            }
        }
    }

    /** The installer password as gateway init stores it: PBKDF2WithHmacSHA256, iterations:salt:hash in Base64. */
    private static String hash(String password) throws Exception {
        byte[] salt = new byte[16];
        new java.security.SecureRandom().nextBytes(salt);
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, 100_000, 256);
        byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        return "100000:" + Base64.getEncoder().encodeToString(salt) + ":" + Base64.getEncoder().encodeToString(derived) + "\n";
    }

    private static KeyStore load(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, STORE_PASSWORD.toCharArray());
        }
        return store;
    }

    /** Base64 SHA-256 of the certificate's public key, as Chromium's --ignore-certificate-errors-spki-list wants it. */
    private static String spki(Path keystore) throws Exception {
        Certificate certificate = load(keystore).getCertificate("console");
        return Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded()));
    }

    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("console", load(keystore).getCertificate("console"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        return tls;
    }

    private static void awaitConsole(HttpClient https, String url) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(60);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> r = https.send(HttpRequest.newBuilder(URI.create(url + "/login.html"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
                last = "status " + r.statusCode();
            } catch (IOException e) {
                last = e.toString();
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        fail("the console did not answer on " + url + " within 60 s: " + last);
    }

    /** A logged-in POST without the session's CSRF token is refused. */
    private static void assertCsrfRefused(HttpClient https, String url) throws Exception {
        HttpResponse<String> login = https.send(HttpRequest.newBuilder(URI.create(url + "/api/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"password\":\"" + PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode(), login.body());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("Secure") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        HttpResponse<String> post = https.send(HttpRequest.newBuilder(URI.create(url + "/api/devices"))
                .header("Content-Type", "application/json").header("Cookie", cookie.substring(0, cookie.indexOf(';')))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, post.statusCode(), post.body());
        HttpResponse<String> anonymous = https.send(HttpRequest.newBuilder(URI.create(url + "/api/devices")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode(), "the API behind the login");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String run(List<String> command, Path dir, Duration timeout) throws IOException, InterruptedException {
        return run(command, Map.of(), dir, timeout);
    }

    /** Runs a process to its end; its output, or an IOException with the output when it fails. */
    private static String run(List<String> command, Map<String, String> env, Path dir, Duration timeout)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile("console-it", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                throw new IOException(command.get(0) + " did not finish within " + timeout.toSeconds() + " s: "
                        + Files.readString(output, StandardCharsets.UTF_8));
            }
            String out = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command.subList(0, Math.min(2, command.size())))
                        + " exited with " + process.exitValue() + ": " + out);
            }
            return out;
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }
}
