package cat.smartregion.gateway.mqtt.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The secured broker of the tests: Mosquitto with a client-certificate listener ({@code certs}, the
 * certificate's CN is the user name), a password listener ({@code password}), listeners serving a
 * certificate for another host ({@code wronghost}) and an expired one ({@code expired}), all TLS, and
 * an ACL confining each gateway to {@code smartregion/{tenant}/{gateway}/#}.
 */
final class Brokers {

    static final String PASSWORD = "s3cret-pw";

    private Brokers() {
    }

    static Mosquitto secured(Pki pki) {
        Path dir = pki.dir;
        Path server = pki.server("broker", "IP:127.0.0.1,DNS:localhost", 2);
        Path wrongHost = pki.server("wronghost", "DNS:broker.example.org", 2);
        Path expired = pki.server("expired", "IP:127.0.0.1,DNS:localhost", -1);
        write(dir.resolve("acl"), """
                user diba-a-gw1
                topic readwrite smartregion/diba-a/gw1/#

                user diba-b-gw1
                topic readwrite smartregion/diba-b/gw1/#

                user diba-b-gw2
                topic readwrite smartregion/diba-b/gw2/#
                """);
        Path passwords = dir.resolve("passwd");
        write(passwords, "");
        Tools.run(dir, Tools.require("mosquitto_passwd", "mosquitto"), "-b", passwords.toString(), "diba-b-gw2", PASSWORD);
        Map<String, String> listeners = new LinkedHashMap<>();
        listeners.put("certs", tls(pki, server) + "require_certificate true\nuse_identity_as_username true\n"
                + "allow_anonymous false\nacl_file " + dir.resolve("acl") + "\n");
        listeners.put("password", tls(pki, server) + "allow_anonymous false\npassword_file " + passwords
                + "\nacl_file " + dir.resolve("acl") + "\n");
        listeners.put("wronghost", tls(pki, wrongHost) + "allow_anonymous true\n");
        listeners.put("expired", tls(pki, expired) + "allow_anonymous true\n");
        return Mosquitto.start(dir, listeners);
    }

    private static String tls(Pki pki, Path certificate) {
        String name = certificate.getFileName().toString().replace(".pem", "");
        return "cafile " + pki.ca + "\ncertfile " + certificate + "\nkeyfile " + pki.key(name) + "\n";
    }

    /** Settings for a gateway with the client certificate of this CN, to the listener named. */
    static MqttSettings withCertificate(Mosquitto broker, Pki pki, String listener, String commonName) {
        Security security = Security.trusting(pki.ca)
                .withClientCertificate(pki.dir.resolve(commonName + ".pem"), Optional.of(pki.key(commonName)), "");
        return quick(MqttSettings.of(URI.create("ssl://127.0.0.1:" + broker.port(listener)), security));
    }

    /** Short timeouts for tests; a refusal pauses 60 s (the tests read the pause, they do not wait it). */
    static MqttSettings quick(MqttSettings settings) {
        return settings.withTiming(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(20),
                Duration.ofSeconds(60));
    }

    /** Waits until no Paho thread of ours is alive (Paho names them "MQTT ..."). */
    static void assertNoClientThreads() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.isAlive() && t.getName().startsWith("MQTT"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("MQTT client threads left behind: " + Thread.getAllStackTraces().entrySet()
                        .stream().filter(e -> e.getKey().getName().startsWith("MQTT"))
                        .map(e -> e.getKey().getName() + " " + java.util.Arrays.toString(e.getValue())).toList());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
