package cat.smartregion.gateway.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.alarm.Alarms;
import cat.smartregion.gateway.api.buffer.Buffer;
import cat.smartregion.gateway.api.device.DeviceConfig;
import cat.smartregion.gateway.api.device.DeviceStatus;
import cat.smartregion.gateway.api.profile.ProfileLibrary;
import cat.smartregion.gateway.api.uplink.SendResult;
import cat.smartregion.gateway.buffer.internal.BufferConfig;
import cat.smartregion.gateway.buffer.internal.SqliteBuffer;
import cat.smartregion.gateway.core.internal.profile.ProfileLibraryImpl;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The retained status (birth, will, clean stop) and inventory topics. */
class StatusTest {

    private static final String BASE = "smartregion/diba-a/gw1/";
    private static final Path PROFILES = Path.of("../../device-profiles/profiles");

    @TempDir
    static Path dir;
    static Pki pki;
    static Mosquitto broker;

    /** The services around the uplink, devices added while it runs. */
    record Around(Optional<ProfileLibrary> profiles, Optional<Buffer> buffer, List<DeviceStatus> devices) implements Peers {
        @Override
        public Optional<Alarms> alarms() {
            return Optional.empty();
        }
    }

    record Device(DeviceConfig config) implements DeviceStatus {
        @Override
        public long polled() {
            return 0;
        }

        @Override
        public long failed() {
            return 0;
        }

        @Override
        public long stored() {
            return 0;
        }

        @Override
        public List<cat.smartregion.gateway.api.Reading> lastReadings() {
            return List.of();
        }

        @Override
        public String lastError() {
            return "";
        }

        @Override
        public boolean stopped() {
            return false;
        }
    }

    @BeforeAll
    static void startBroker() {
        pki = new Pki(dir);
        pki.client("diba-a-gw1");
        broker = Brokers.secured(pki);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
        Brokers.assertNoClientThreads();
    }

    @Test
    void birthAndInventoryAreRetainedAndACleanStopSaysOffline(@TempDir Path data) throws Exception {
        assertTrue(Files.isDirectory(PROFILES), "the project's device profiles at " + PROFILES.toAbsolutePath());
        try (SqliteBuffer buffer = SqliteBuffer.open(BufferConfig.of(data.resolve("buffer.db")))) {
            buffer.append(Fixtures.readings("diba-a", "gw1", 0, 5).stream().map(r -> r.withSeq(0)).toList());
            List<DeviceStatus> devices = new CopyOnWriteArrayList<>(List.of(
                    device("meter-2", "eastron-sdm120"), device("meter-1", "eastron-sdm630")));
            Peers peers = new Around(Optional.of(new ProfileLibraryImpl(PROFILES)), Optional.of(buffer), devices);
            MqttUplink uplink = new MqttUplink(settings("birth"), peers, "1.2.3");
            try {
                assertInstanceOf(SendResult.Delivered.class, uplink.send(Fixtures.batch("diba-a", "gw1", 0, 5)));
                try (Subscriber late = new Subscriber(broker.port("plain"), BASE + "+")) {
                    late.await(m -> m.size() == 2, 10, "status and inventory");
                    Subscriber.Message status = late.on(BASE + "status").get(0);
                    assertTrue(status.retained());
                    JsonNode birth = json(status);
                    assertEquals("online", birth.get("state").asText());
                    assertEquals("1.2.3", birth.get("version").asText());
                    assertEquals(5, birth.get("backlog").asLong());
                    assertTrue(birth.get("profiles").toString().contains("\"eastron-sdm630\""), birth.toString());
                    JsonNode inventory = json(late.on(BASE + "inventory").get(0));
                    assertEquals("meter-1", inventory.get("devices").get(0).get("id").asText());
                    assertEquals("eastron-sdm120", inventory.get("devices").get(1).get("profile").asText());
                    assertEquals("52.1 2.1", inventory.get("devices").get(1).get("params").get("location").asText());

                    devices.add(device("meter-3", "eastron-sdm120"));
                    assertInstanceOf(SendResult.Delivered.class, uplink.send(Fixtures.batch("diba-a", "gw1", 5, 5)));
                    late.await(m -> late.on(BASE + "inventory").size() == 2, 10, "the new inventory");
                    assertEquals(3, json(late.on(BASE + "inventory").get(1)).get("devices").size());

                    uplink.close();
                    late.await(m -> late.on(BASE + "status").size() == 2, 10, "offline");
                    assertEquals("offline", json(late.on(BASE + "status").get(1)).get("state").asText());
                }
            } finally {
                uplink.close();
            }
        }
    }

    @Test
    void theWillSaysOfflineWhenTheConnectionDies() throws Exception {
        try (FaultProxy proxy = new FaultProxy(broker.port("certs"));
             Subscriber subscriber = new Subscriber(broker.port("plain"), BASE + "status")) {
            MqttSettings settings = Brokers.withCertificate(broker, pki, "certs", "diba-a-gw1").withClientId("will");
            MqttSettings proxied = new MqttSettings(URI.create("ssl://127.0.0.1:" + proxy.port()), settings.security(),
                    settings.clientId(), settings.prefix(), settings.tenant(), settings.gateway(), settings.encoding(),
                    settings.gzip(), settings.keepAlive(), settings.sessionExpiry(), settings.inFlight(),
                    settings.messageReadings(), settings.connectTimeout(), settings.ackTimeout(), settings.refusedPause());
            try (Closing<MqttUplink> uplink = new Closing<>(new MqttUplink(proxied, Peers.Fixed.none(), "test"), MqttUplink::close)) {
                assertInstanceOf(SendResult.Delivered.class, uplink.it().send(Fixtures.batch("diba-a", "gw1", 0, 5)));
                int birth = indexOf(subscriber.await(m -> indexOf(m, "online", 0) >= 0, 10, "the birth"), "online", 0);

                proxy.down();

                List<Subscriber.Message> got = subscriber.await(m -> indexOf(m, "offline", birth) > birth, 10, "the will");
                JsonNode will = json(got.get(indexOf(got, "offline", birth)));
                assertEquals(Map.of("state", "offline", "tenant", "diba-a", "gateway", "gw1"),
                        new ObjectMapper().convertValue(will, Map.class));
            }
        }
    }

    /** Index of the first message from {@code from} on whose state is the one given; -1 when none. */
    private static int indexOf(List<Subscriber.Message> messages, String state, int from) {
        for (int i = from; i < messages.size(); i++) {
            if (messages.get(i).text().contains("\"state\":\"" + state + "\"")) {
                return i;
            }
        }
        return -1;
    }

    private static MqttSettings settings(String clientId) {
        return Brokers.withCertificate(broker, pki, "certs", "diba-a-gw1").withClientId(clientId);
    }

    private static DeviceStatus device(String id, String profile) {
        return new Device(new DeviceConfig(id, profile, URI.create("modbus-tcp://10.0.0.5:502?unit=1"),
                Duration.ofSeconds(5), Map.of("location", "52.1 2.1")));
    }

    private static JsonNode json(Subscriber.Message message) throws Exception {
        return new ObjectMapper().readTree(message.payload());
    }
}
