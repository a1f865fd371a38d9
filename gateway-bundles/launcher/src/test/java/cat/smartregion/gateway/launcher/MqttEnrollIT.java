package cat.smartregion.gateway.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gateway enroll} with an MQTT broker: a real Mosquitto requiring client certificates, with
 * certificates made by openssl. The test accepts the right CA, host and client certificate and
 * refuses, saving nothing, a wrong CA, a host name the certificate does not name, and a closed port.
 */
class MqttEnrollIT {

    @TempDir
    Path work;
    private Path pki;
    private Path config;
    private int port;
    private Process broker;

    @BeforeEach
    void brokerWithClientCertificates() throws Exception {
        pki = Files.createDirectories(work.resolve("pki"));
        selfSigned("ca");
        selfSigned("other-ca");
        signed("server", "localhost", "subjectAltName=DNS:localhost");
        signed("gw1", "gw1", "extendedKeyUsage=clientAuth");
        port = freePort();
        Path conf = work.resolve("mosquitto.conf");
        Files.writeString(conf, "persistence false\nuser " + System.getProperty("user.name") + "\nlog_dest file "
                + work.resolve("mosquitto.log") + "\nlistener " + port + " 127.0.0.1\ncafile " + pki.resolve("ca.pem")
                + "\ncertfile " + pki.resolve("server.pem") + "\nkeyfile " + pki.resolve("server.key")
                + "\nrequire_certificate true\nuse_identity_as_username true\n");
        broker = new ProcessBuilder(require("mosquitto", "mosquitto"), "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("mosquitto.out").toFile()).start();
        awaitListening(port);
        config = work.resolve("config");
        GatewayProcess.Outcome init = GatewayProcess.run(work, 60, "init", "--config-dir", config.toString(),
                "--state-dir", work.resolve("state").toString(), "--id", "gw1");
        assertEquals(0, init.exit(), init.err());
    }

    @AfterEach
    void stopBroker() throws InterruptedException {
        if (broker != null) {
            broker.destroy();
            if (!broker.waitFor(10, TimeUnit.SECONDS)) {
                broker.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void theRightCaHostAndClientCertificateEnroll() throws Exception {
        GatewayProcess.Outcome enroll = enroll("ssl://localhost:" + port, "ca.pem");

        assertEquals(0, enroll.exit(), enroll.err());
        assertTrue(enroll.out().contains("accepted the connection"), enroll.out());
        String yaml = Files.readString(config.resolve("gateway.yaml"));
        assertTrue(yaml.contains("broker: ssl://localhost:" + port) && yaml.contains("tenant: town"), yaml);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                config.resolve("secrets/mqtt-client-key.pem"))));
    }

    @Test
    void aWrongCaAWrongHostNameOrAClosedPortSaveNothing() throws Exception {
        GatewayProcess.Outcome otherCa = enroll("ssl://localhost:" + port, "other-ca.pem");
        assertEquals(Main.USAGE, otherCa.exit(), otherCa.err());
        assertTrue(otherCa.err().contains("TLS handshake") && otherCa.err().contains("Nothing was saved"), otherCa.err());

        GatewayProcess.Outcome wrongHost = enroll("ssl://127.0.0.1:" + port, "ca.pem");
        assertEquals(Main.USAGE, wrongHost.exit(), wrongHost.err());
        assertTrue(wrongHost.err().contains("names 127.0.0.1"), wrongHost.err());

        GatewayProcess.Outcome closed = enroll("ssl://localhost:" + freePort(), "ca.pem");
        assertEquals(Main.NO_ANSWER, closed.exit(), closed.err());
        assertTrue(closed.err().contains("no TCP connection"), closed.err());

        assertFalse(Files.readString(config.resolve("gateway.yaml")).contains("mqtt"));
        assertFalse(Files.exists(config.resolve("secrets/mqtt-client-key.pem")));
    }

    private GatewayProcess.Outcome enroll(String brokerUri, String ca) throws IOException, InterruptedException {
        return GatewayProcess.run(Files.createTempDirectory(work, "cmd"), 60, "enroll", "--config-dir", config.toString(),
                "--tenant", "town", "--mqtt-broker", brokerUri, "--ca", pki.resolve(ca).toString(),
                "--cert", pki.resolve("gw1.pem").toString(), "--key", pki.resolve("gw1.key").toString());
    }

    private void selfSigned(String name) throws Exception {
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", name + ".key", "-out", name + ".pem", "-days", "2", "-subj", "/CN=Test " + name);
    }

    private void signed(String name, String commonName, String extension) throws Exception {
        Files.writeString(pki.resolve(name + ".ext"), extension + "\n");
        openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", name + ".key", "-out", name + ".csr", "-subj", "/CN=" + commonName);
        openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", name + ".pem", "-days", "2", "-extfile", name + ".ext");
    }

    private void openssl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(require("openssl", "openssl")));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(pki.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail("openssl " + String.join(" ", args) + " failed: " + output);
        }
    }

    /** The tool's path; fails (never skips) naming the Debian package to install. */
    static String require(String tool, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            for (String d : new String[] {dir, "/usr/sbin"}) {
                if (Files.isExecutable(Path.of(d, tool))) {
                    return Path.of(d, tool).toString();
                }
            }
        }
        return fail(tool + " is missing: apt-get install -y " + debianPackage);
    }

    private void awaitListening(int p) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), p), 1000);
                return;
            } catch (IOException e) {
                if (Instant.now().isAfter(deadline) || !broker.isAlive()) {
                    fail("mosquitto did not listen on " + p + ": " + Files.readString(work.resolve("mosquitto.out")));
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
