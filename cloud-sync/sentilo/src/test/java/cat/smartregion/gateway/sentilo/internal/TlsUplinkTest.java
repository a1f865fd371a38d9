package cat.smartregion.gateway.sentilo.internal;

import static cat.smartregion.gateway.sentilo.internal.Readings.T0;
import static cat.smartregion.gateway.sentilo.internal.Readings.givenReadingsFrom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.buffer.Batch;
import cat.smartregion.gateway.api.uplink.SendResult;
import cat.smartregion.gateway.simulator.platform.StandInPlatform;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS: the uplink trusts the CA of its PEM file, and nothing it cannot verify. */
class TlsUplinkTest {

    private static final char[] STORE_PASSWORD = "changeit".toCharArray();

    @TempDir
    static Path keys;
    private static Path keyStore;
    private static Path caPem;

    @TempDir
    Path dir;

    private StandInPlatform platform;

    @BeforeAll
    static void makePlatformCertificate() throws Exception {
        keyStore = keys.resolve("platform.p12");
        caPem = keys.resolve("platform-ca.pem");
        keytool("-genkeypair", "-alias", "platform", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", "changeit");
        keytool("-exportcert", "-rfc", "-alias", "platform", "-keystore", keyStore.toString(),
                "-storepass", "changeit", "-file", caPem.toString());
    }

    @BeforeEach
    void startTlsPlatform() throws Exception {
        platform = StandInPlatform.startTls(dir.resolve("platform.db"), 0, serverContext(keyStore))
                .addProvider("prov", "token-1");
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    @Test
    void deliversOverHttpsTrustingTheCaFile() {
        UplinkSettings settings = UplinkSettings.of(URI.create(platform.baseUrl()), "prov", "token-1").withCaFile(caPem);

        SendResult result = new SentiloUplink(settings).send(oneReading());

        assertInstanceOf(SendResult.Delivered.class, result);
        assertEquals(1, platform.observations("prov", "m1_voltage").size());
    }

    @Test
    void refusesACertificateTheJdkTrustStoreDoesNotVouchFor() {
        UplinkSettings settings = UplinkSettings.of(URI.create(platform.baseUrl()), "prov", "token-1");

        SendResult result = new SentiloUplink(settings).send(oneReading());

        SendResult.RetryLater later = assertInstanceOf(SendResult.RetryLater.class, result);
        assertTrue(later.reason().contains("TLS"), later.reason());
        assertEquals(0, platform.observationCount());
    }

    private static Batch oneReading() {
        return givenReadingsFrom(1).number("m1", "voltage", "voltage", 230, "V", T0).batch();
    }

    private static SSLContext serverContext(Path keyStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, STORE_PASSWORD);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, STORE_PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("keytool failed: " + output);
        }
    }
}
