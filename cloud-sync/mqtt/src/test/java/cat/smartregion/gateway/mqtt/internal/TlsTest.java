package cat.smartregion.gateway.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.uplink.SendResult;
import cat.smartregion.gateway.core.internal.alarm.AlarmBoard;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway refuses a broker it cannot verify: unknown CA, certificate for another host, expired certificate. */
class TlsTest {

    @TempDir
    static Path dir;
    static Pki pki;
    static Mosquitto broker;

    @BeforeAll
    static void startBroker() {
        pki = new Pki(dir);
        broker = Brokers.secured(pki);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
        Brokers.assertNoClientThreads();
    }

    @Test
    void aBrokerCertificateFromAnotherCaIsRefused() throws Exception {
        assertRefused(Security.trusting(pki.otherCa), "127.0.0.1", "wronghost", "PKIX path");
    }

    @Test
    void aCertificateForAnotherHostIsRefused() throws Exception {
        assertRefused(Security.trusting(pki.ca), "127.0.0.1", "wronghost", "127.0.0.1");
    }

    @Test
    void anExpiredCertificateIsRefused() throws Exception {
        assertRefused(Security.trusting(pki.ca), "127.0.0.1", "expired", "validity check failed");
    }

    @Test
    void theRightCertificateByHostNameIsAccepted() throws Exception {
        MqttSettings settings = Brokers.quick(MqttSettings.of(URI.create("ssl://localhost:" + broker.port("wronghost")),
                Security.trusting(pki.ca))).withTopics("smartregion", "diba-a", "gw1");
        try (Closing<MqttUplink> uplink = new Closing<>(new MqttUplink(settings, Peers.Fixed.none(), "test"), MqttUplink::close)) {
            SendResult.RetryLater retry = assertInstanceOf(SendResult.RetryLater.class,
                    uplink.it().send(Fixtures.batch("diba-a", "gw1", 0, 1)));
            assertTrue(retry.reason().contains("localhost"), "broker.example.org is not localhost: " + retry.reason());
        }
        MqttSettings expiredByName = Brokers.quick(MqttSettings.of(URI.create("ssl://localhost:" + broker.port("expired")),
                Security.trusting(pki.ca)));
        try (Closing<MqttUplink> uplink = new Closing<>(new MqttUplink(expiredByName, Peers.Fixed.none(), "test"), MqttUplink::close)) {
            assertInstanceOf(SendResult.RetryLater.class, uplink.it().send(Fixtures.batch("diba-a", "gw1", 0, 1)));
        }
        MqttSettings good = Brokers.quick(MqttSettings.of(URI.create("ssl://localhost:" + broker.port("password")),
                Security.trusting(pki.ca).withPassword("diba-b-gw2", Brokers.PASSWORD)));
        try (Closing<MqttUplink> uplink = new Closing<>(new MqttUplink(good, Peers.Fixed.none(), "test"), MqttUplink::close)) {
            assertInstanceOf(SendResult.Delivered.class, uplink.it().send(Fixtures.batch("diba-b", "gw2", 0, 1)));
        }
    }

    private static void assertRefused(Security security, String host, String listener, String why) throws Exception {
        AlarmBoard alarms = new AlarmBoard();
        Peers peers = new Peers.Fixed(Optional.of(alarms), Optional.empty(), Optional.empty(), List.of());
        MqttSettings settings = Brokers.quick(MqttSettings.of(URI.create("ssl://" + host + ":" + broker.port(listener)), security));
        try (Subscriber subscriber = new Subscriber(broker.port("plain"), "#");
             Closing<MqttUplink> uplink = new Closing<>(new MqttUplink(settings, peers, "test"), MqttUplink::close)) {
            SendResult result = uplink.it().send(Fixtures.batch("diba-a", "gw1", 0, 5));

            SendResult.RetryLater retry = assertInstanceOf(SendResult.RetryLater.class, result);
            assertEquals(Duration.ofSeconds(60), retry.after(), retry.reason());
            assertTrue(retry.reason().startsWith("TLS with broker"), retry.reason());
            assertTrue(retry.reason().contains(why), retry.reason());
            assertEquals("uplink.mqtt.tls", alarms.active().get(0).key());
            assertFalse(uplink.it().isConnected());
            // Retained messages are what other tests' gateways left on the broker; the refused one publishes nothing.
            assertEquals(List.of(), subscriber.messages().stream()
                    .filter(m -> m.topic().startsWith("smartregion/") && !m.retained()).toList());
        }
    }
}
