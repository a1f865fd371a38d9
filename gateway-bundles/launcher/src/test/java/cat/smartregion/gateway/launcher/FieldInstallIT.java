package cat.smartregion.gateway.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.simulator.devices.MeterServer;
import cat.smartregion.gateway.simulator.devices.SimulatedMeter;
import cat.smartregion.gateway.simulator.platform.StandInPlatform;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An installer's session with the built distribution, every command a separate process: init,
 * enroll against the stand-in Sentilo platform, device add/list, run --config-dir with a simulated
 * meter, status, then changes to the folder while the gateway runs (a wrong one refused, a good
 * one applied), and status once the gateway has stopped.
 */
class FieldInstallIT {

    private static final String PROVIDER = "town-gw1";
    private static final String TOKEN = "field-token-0123456789abcdef";

    @TempDir
    Path work;
    private Process gateway;
    /** Picked when the gateway starts, not long before: the port must still be free then. */
    private int consolePort;

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The console's login page, over TLS trusting only the certificate {@code init} made. */
    private boolean consoleAnswers(Path config) {
        try {
            char[] password = Files.readString(config.resolve("secrets/console.p12.pass")).strip().toCharArray();
            java.security.KeyStore keys = java.security.KeyStore.getInstance("PKCS12");
            try (java.io.InputStream in = Files.newInputStream(config.resolve("secrets/console.p12"))) {
                keys.load(in, password);
            }
            java.security.KeyStore trust = java.security.KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("console", keys.getCertificate(keys.aliases().nextElement()));
            javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance("PKIX");
            tmf.init(trust);
            javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);
            java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().sslContext(tls).build();
            java.net.http.HttpResponse<String> page = client.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("https://localhost:" + consolePort + "/login.html")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return page.statusCode() == 200;
        } catch (IOException | java.security.GeneralSecurityException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (gateway != null && gateway.isAlive()) {
            gateway.destroy();
            if (!gateway.waitFor(30, TimeUnit.SECONDS)) {
                gateway.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void initMakesTheIdentityAndShowsThePasswordOnce() throws Exception {
        Path config = work.resolve("config");
        GatewayProcess.Outcome init = gw(60, "init", "--config-dir", config.toString(), "--state-dir",
                work.resolve("state").toString(), "--id", "gw-test-1");
        assertEquals(0, init.exit(), init.err());
        assertEquals("rwx------", mode(config.resolve("secrets")));
        for (String secret : List.of("console.p12", "console.p12.pass", "console-password.hash")) {
            assertEquals("rw-------", mode(config.resolve("secrets").resolve(secret)), secret);
        }
        assertTrue(Files.isDirectory(config.resolve("devices")));
        assertTrue(Files.readString(config.resolve("gateway.yaml")).contains("gateway: gw-test-1"));
        Matcher fingerprint = Pattern.compile("([0-9A-F]{2}:){31}[0-9A-F]{2}").matcher(init.out());
        assertTrue(fingerprint.find(), init.out());
        assertEquals(fingerprint.group(), ConsoleSecrets.fingerprint(config.resolve("secrets")));
        String password = init.lines().get(init.lines().indexOf(init.lines().stream()
                .filter(l -> l.startsWith("Console password")).findFirst().orElseThrow()) + 1).strip();
        assertEquals(16, password.length());
        String hash = Files.readString(config.resolve("secrets/console-password.hash")).strip();
        assertTrue(hash.matches("\\d+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+"), hash);
        assertTrue(ConsoleSecrets.matches(password, hash));
        assertFalse(ConsoleSecrets.matches(password + "x", hash));
        assertFalse(grepTree(config, password), "the password is stored nowhere in clear");

        GatewayProcess.Outcome again = gw(60, "init", "--config-dir", config.toString());
        assertEquals(Main.USAGE, again.exit());
        assertTrue(again.err().contains("--force"), again.err());
        GatewayProcess.Outcome failed = gw(60, "init", "--config-dir", config.toString(), "--force", "--id", "gw-test-3",
                "--host", "999.999.1.1");
        assertEquals(Main.RUNTIME, failed.exit(), "keytool refuses the address: " + failed.out() + failed.err());
        assertTrue(failed.err().contains("keytool"), failed.err());
        assertTrue(Files.readString(config.resolve("gateway.yaml")).contains("gateway: gw-test-1"), "a failed init keeps the id");
        assertEquals(fingerprint.group(), ConsoleSecrets.fingerprint(config.resolve("secrets")), "and the certificate");
        assertEquals(hash, Files.readString(config.resolve("secrets/console-password.hash")).strip(), "and the password");
        try (var left = Files.list(config.resolve("secrets"))) {
            assertEquals(List.of("console-password.hash", "console.p12", "console.p12.pass"),
                    left.map(p -> p.getFileName().toString()).sorted().toList(), "and leaves nothing half made");
        }
        GatewayProcess.Outcome forced = gw(60, "init", "--config-dir", config.toString(), "--force", "--id", "gw-test-2");
        assertEquals(0, forced.exit(), forced.err());
        assertFalse(forced.out().contains(password));
        assertTrue(Files.readString(config.resolve("gateway.yaml")).contains("gw-test-2"));
    }

    @Test
    void fromInitToValuesOnThePlatformWithChangesAppliedWhileRunning() throws Exception {
        Path config = work.resolve("config");
        Path token = work.resolve("token.txt");
        Files.writeString(token, TOKEN + "\n");
        SimulatedMeter meter = SimulatedMeter.sdm120();
        try (MeterServer meters = MeterServer.start(InetAddress.getLoopbackAddress(), 0).add(3, meter).add(4, SimulatedMeter.sdm120());
             StandInPlatform platform = StandInPlatform.start(work.resolve("platform.db"), 0).addProvider(PROVIDER, TOKEN)) {
            assertEquals(0, gw(60, "init", "--config-dir", config.toString(), "--state-dir", work.resolve("state").toString(),
                    "--id", "gw1").exit());

            Files.writeString(work.resolve("wrong.txt"), "not-the-token\n");
            GatewayProcess.Outcome refused = gw(60, "enroll", "--config-dir", config.toString(), "--tenant", "town",
                    "--sentilo", platform.baseUrl(), "--provider", PROVIDER, "--token-file", work.resolve("wrong.txt").toString());
            assertEquals(Main.USAGE, refused.exit(), refused.err());
            assertTrue(refused.err().contains("refused the token") && refused.err().contains("Nothing was saved"), refused.err());
            assertFalse(Files.readString(config.resolve("gateway.yaml")).contains("sentilo"));

            GatewayProcess.Outcome enroll = gw(60, "enroll", "--config-dir", config.toString(), "--tenant", "town",
                    "--sentilo", platform.baseUrl(), "--provider", PROVIDER, "--token-file", token.toString());
            assertEquals(0, enroll.exit(), enroll.err());
            assertEquals("rw-------", mode(config.resolve("secrets/sentilo.token")));
            assertFalse(Files.readString(config.resolve("gateway.yaml")).contains(TOKEN));

            String endpoint = "modbus-tcp://127.0.0.1:" + meters.port() + "?unit=3";
            GatewayProcess.Outcome unknown = gw(60, "device", "add", "--config-dir", config.toString(),
                    "--profile", "no-such-meter", "--endpoint", endpoint);
            assertEquals(Main.USAGE, unknown.exit(), unknown.err());
            assertTrue(unknown.err().contains("no-such-meter"), unknown.err());
            GatewayProcess.Outcome scheme = gw(60, "device", "add", "--config-dir", config.toString(),
                    "--profile", "eastron-sdm120", "--endpoint", "bacnet://127.0.0.1:47808");
            assertEquals(Main.USAGE, scheme.exit(), scheme.err());
            assertTrue(scheme.err().contains("no driver"), scheme.err());
            GatewayProcess.Outcome typo = gw(60, "device", "add", "--config-dir", config.toString(),
                    "--profile", "eastron-sdm120", "--endpoint", endpoint, "--param", "ctRatoi=40");
            assertEquals(Main.USAGE, typo.exit(), typo.err());
            assertTrue(typo.err().contains("parameter 'ctRatoi'"), typo.err());
            GatewayProcess.Outcome add = gw(60, "device", "add", "--config-dir", config.toString(), "--id", "meter-3",
                    "--profile", "eastron-sdm120", "--endpoint", endpoint, "--interval", "1s", "--param", "location=41.47 2.08");
            assertEquals(0, add.exit(), add.err());
            assertTrue(gw(30, "device", "list", "--config-dir", config.toString()).out().contains("meter-3"));

            gateway = start(config);
            await("meter-3 on the platform", () -> !platform.observations(PROVIDER, "meter-3_phaseVoltageL1").isEmpty());
            await("status shows meter-3's voltage", () -> statusJson(config).toString().contains("phaseVoltageL1"));
            await("the console answers over HTTPS with init's certificate", () -> consoleAnswers(config));
            await("status shows a delivered batch", () -> statusJson(config).path("uplink").path("lastDeliveredSecondsAgo").asLong(-1) >= 0);
            GatewayProcess.Outcome status = gw(30, "status", "--config-dir", config.toString());
            assertEquals(0, status.exit(), status.err());
            assertTrue(status.out().contains("meter-3") && status.out().contains("sentilo"), status.out());
            assertTrue(status.out().contains("Delivery: delivering for") && status.out().contains("last batch delivered"),
                    "the installer sees the platform takes the readings: " + status.out());
            assertEquals("rw-r-----", mode(work.resolve("state/status.json")));

            Files.writeString(config.resolve("devices/broken.yaml"), "id: broken\nprofile: eastron-sdm120\nendpoint: [\n");
            await("the wrong change refused in the log", () -> log().contains("refused") && log().contains("broken.yaml:"));
            Files.delete(config.resolve("devices/broken.yaml"));
            assertEquals(0, gw(60, "device", "add", "--config-dir", config.toString(), "--id", "meter-4", "--profile",
                    "eastron-sdm120", "--endpoint", "modbus-tcp://127.0.0.1:" + meters.port() + "?unit=4", "--interval", "1s").exit());
            await("meter-4 added while running", () -> !platform.observations(PROVIDER, "meter-4_phaseVoltageL1").isEmpty());
            assertEquals(0, gw(30, "device", "remove", "--config-dir", config.toString(), "meter-3").exit());
            await("meter-3 removed while running", () -> log().contains("removed [meter-3]")
                    && !statusJson(config).toString().contains("\"meter-3\""));
            assertFalse(log().contains(TOKEN), "the token never in the log");

            gateway.destroy();
            assertTrue(gateway.waitFor(60, TimeUnit.SECONDS), "stops on SIGTERM");
            await("status older than 1 s", () -> System.currentTimeMillis() - statusJson(config).path("writtenMillis").asLong() > 1500);
            GatewayProcess.Outcome stale = gw(30, "status", "--config-dir", config.toString(), "--stale", "1s");
            assertEquals(Main.NO_ANSWER, stale.exit(), stale.out() + stale.err());
            assertTrue(stale.err().contains("not running"), stale.err());
        }
    }

    private GatewayProcess.Outcome gw(long timeout, String... args) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(work, "cmd");
        return GatewayProcess.run(dir, timeout, args);
    }

    private Process start(Path config) throws IOException {
        consolePort = freePort();
        return new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-Dgateway.home=" + GatewayProcess.DIST, "-cp", GatewayProcess.DIST.resolve("lib") + "/*",
                "cat.smartregion.gateway.launcher.Main", "run", "--config-dir", config.toString(),
                "--console-host", "127.0.0.1", "--console-port", String.valueOf(consolePort))
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("gateway.log").toFile()).start();
    }

    private String log() {
        try {
            return Files.readString(work.resolve("gateway.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private JsonNode statusJson(Path config) {
        try {
            return GatewayProcess.json(Files.readString(work.resolve("state/status.json")));
        } catch (IOException | AssertionError e) {
            return GatewayProcess.json("{}");
        }
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static boolean grepTree(Path dir, String text) throws IOException {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).anyMatch(f -> {
                try {
                    return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(text);
                } catch (IOException e) {
                    return true;
                }
            });
        }
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline) || (gateway != null && !gateway.isAlive() && gateway.exitValue() != 143)) {
                throw new AssertionError("timed out waiting until " + what + "; gateway log:\n" + log());
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }
}
