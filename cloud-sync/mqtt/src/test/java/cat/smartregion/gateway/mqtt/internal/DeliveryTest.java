package cat.smartregion.gateway.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.alarm.Alarm;
import cat.smartregion.gateway.api.buffer.Batch;
import cat.smartregion.gateway.api.uplink.SendResult;
import cat.smartregion.gateway.core.internal.alarm.AlarmBoard;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Batches to a real Mosquitto over TLS with client certificates, a password file and an ACL. */
class DeliveryTest {

    @TempDir
    static Path dir;
    static Pki pki;
    static Mosquitto broker;

    @BeforeAll
    static void startBroker() {
        pki = new Pki(dir);
        pki.client("diba-a-gw1");
        pki.client("diba-b-gw1");
        broker = Brokers.secured(pki);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
        Brokers.assertNoClientThreads();
    }

    @ParameterizedTest(name = "{0}, gzip {1}")
    @CsvSource({"SENML_JSON, false", "SENML_JSON, true", "SENML_CBOR, false", "SENML_CBOR, true"})
    void aBatchArrivesAsSenmlWithItsSequenceNumbersAndProperties(Encoding encoding, boolean gzip) throws Exception {
        String gateway = "gw1";
        MqttSettings settings = Brokers.withCertificate(broker, pki, "certs", "diba-a-gw1")
                .withEncoding(encoding, gzip).withFlow(20, 40).withClientId("a-" + encoding + gzip);
        Batch batch = Fixtures.batch("diba-a", gateway, 0, 100);
        String topic = "smartregion/diba-a/gw1/readings";
        try (Subscriber subscriber = new Subscriber(broker.port("plain"), topic);
             Closing<MqttUplink> uplink = new Closing<>(new MqttUplink(settings, Peers.Fixed.none(), "test"), MqttUplink::close)) {
            assertInstanceOf(SendResult.Delivered.class, uplink.it().send(batch));

            List<Subscriber.Message> messages = subscriber.await(m -> m.size() >= 3, 10, "3 messages");
            assertEquals(3, messages.size());
            List<SenmlReader.Record> records = new ArrayList<>();
            messages.forEach(m -> records.addAll(SenmlReader.read(m)));
            Fixtures.assertSame(batch.readings(), records);
            Subscriber.Message first = messages.get(0);
            assertEquals(Map.of("batch", "1-100", "first", "1", "last", "40", "count", "40", "seqs", "1-40",
                    "encoding", encoding.label(), "compression", gzip ? "gzip" : "none"), first.properties());
            assertEquals(encoding.contentType(), first.contentType());
            assertEquals("81-100", messages.get(2).properties().get("seqs"));
        }
    }

    @Test
    void sequenceNumbersWithGapsAreRecoverable() throws Exception {
        List<Reading> readings = new ArrayList<>(Fixtures.readings("diba-a", "gw1", 0, 30));
        readings.removeIf(r -> r.seq() == 5 || r.seq() == 6 || r.seq() == 20);
        String topic = "smartregion/diba-a/gw1/readings";
        MqttSettings settings = Brokers.withCertificate(broker, pki, "certs", "diba-a-gw1").withClientId("gaps");
        try (Subscriber subscriber = new Subscriber(broker.port("plain"), topic);
             Closing<MqttUplink> uplink = new Closing<>(new MqttUplink(settings, Peers.Fixed.none(), "test"), MqttUplink::close)) {
            assertInstanceOf(SendResult.Delivered.class, uplink.it().send(new Batch(readings)));

            Subscriber.Message message = subscriber.await(m -> m.size() == 1, 10, "1 message").get(0);
            assertEquals("1-4,7-19,21-30", message.properties().get("seqs"));
            Fixtures.assertSame(readings, SenmlReader.read(message));
        }
    }

    @Test
    void aGatewayCannotPublishIntoAnotherTenantsTopics() throws Exception {
        AlarmBoard alarms = new AlarmBoard();
        Peers peers = new Peers.Fixed(Optional.of(alarms), Optional.empty(), Optional.empty(), List.of());
        MqttSettings intruder = Brokers.withCertificate(broker, pki, "certs", "diba-a-gw1")
                .withTopics("smartregion", "diba-b", "gw1").withClientId("intruder");
        try (Subscriber subscriber = new Subscriber(broker.port("plain"), "smartregion/diba-b/#");
             Closing<MqttUplink> uplink = new Closing<>(new MqttUplink(intruder, peers, "test"), MqttUplink::close)) {
            SendResult result = uplink.it().send(Fixtures.batch("diba-b", "gw1", 0, 10));

            SendResult.RetryLater retry = assertInstanceOf(SendResult.RetryLater.class, result);
            assertEquals(Duration.ofSeconds(60), retry.after(), "a refusal pauses long");
            assertTrue(retry.reason().contains("0x87 Not authorized"), retry.reason());
            Alarm alarm = alarms.active().get(0);
            assertEquals("uplink.mqtt.refused", alarm.key());
            assertEquals(Alarm.Severity.CRITICAL, alarm.severity());
            assertTrue(alarm.message().contains("smartregion/diba-b/gw1"), alarm.message());
            // the legitimate gateway of that tenant publishes next: the intruder's readings never arrived before it
            MqttSettings owner = Brokers.withCertificate(broker, pki, "certs", "diba-b-gw1").withClientId("owner");
            try (Closing<MqttUplink> legit = new Closing<>(new MqttUplink(owner, Peers.Fixed.none(), "test"), MqttUplink::close)) {
                assertInstanceOf(SendResult.Delivered.class, legit.it().send(Fixtures.batch("diba-b", "gw1", 100, 5)));
            }
            List<Subscriber.Message> got = subscriber.await(m -> m.stream().anyMatch(x -> x.topic().endsWith("/readings")), 10, "the owner's readings");
            List<Subscriber.Message> readings = got.stream().filter(m -> m.topic().endsWith("/readings")).toList();
            assertEquals(1, readings.size());
            assertEquals("101-105", readings.get(0).properties().get("seqs"));
        }
    }

    @Test
    void aRefusedGatewayRecoversAndClearsItsAlarmOnceAllowed() throws Exception {
        AlarmBoard alarms = new AlarmBoard();
        Peers peers = new Peers.Fixed(Optional.of(alarms), Optional.empty(), Optional.empty(), List.of());
        Security wrong = Security.trusting(pki.ca).withPassword("diba-b-gw2", "not-the-password");
        MqttSettings settings = Brokers.quick(MqttSettings.of(URI.create("ssl://localhost:" + broker.port("password")), wrong));
        try (Closing<MqttUplink> uplink = new Closing<>(new MqttUplink(settings, peers, "test"), MqttUplink::close)) {
            SendResult.RetryLater retry = assertInstanceOf(SendResult.RetryLater.class,
                    uplink.it().send(Fixtures.batch("diba-b", "gw2", 0, 3)));
            assertTrue(retry.reason().contains("refused the connection: 0x86") || retry.reason().contains("0x87"), retry.reason());
            assertEquals("uplink.mqtt.refused", alarms.active().get(0).key());
        }
        Security right = Security.trusting(pki.ca).withPassword("diba-b-gw2", Brokers.PASSWORD);
        MqttSettings good = Brokers.quick(MqttSettings.of(URI.create("ssl://localhost:" + broker.port("password")), right));
        try (Subscriber subscriber = new Subscriber(broker.port("plain"), "smartregion/diba-b/gw2/readings");
             Closing<MqttUplink> uplink = new Closing<>(new MqttUplink(good, peers, "test"), MqttUplink::close)) {
            assertInstanceOf(SendResult.Delivered.class, uplink.it().send(Fixtures.batch("diba-b", "gw2", 0, 3)));
            subscriber.await(m -> m.size() == 1, 10, "the readings");
        }
    }

    @Test
    void aPkcs12ClientCertificateWorksToo() throws Exception {
        Path p12 = pki.pkcs12("diba-a-gw1", "p12-pass");
        Security security = Security.trusting(pki.ca).withClientCertificate(p12, Optional.empty(), "p12-pass");
        MqttSettings settings = Brokers.quick(MqttSettings.of(URI.create("ssl://127.0.0.1:" + broker.port("certs")), security))
                .withClientId("p12");
        try (Closing<MqttUplink> uplink = new Closing<>(new MqttUplink(settings, Peers.Fixed.none(), "test"), MqttUplink::close)) {
            assertInstanceOf(SendResult.Delivered.class, uplink.it().send(Fixtures.batch("diba-a", "gw1", 0, 3)));
        }
    }
}
