package cat.smartregion.gateway.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.buffer.internal.BufferConfig;
import cat.smartregion.gateway.buffer.internal.SqliteBuffer;
import cat.smartregion.gateway.core.internal.sync.SyncAgent;
import cat.smartregion.gateway.core.internal.sync.SyncSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Network faults between the uplink and a real Mosquitto, injected by a TCP proxy, while the core's
 * sync agent drains the real SQLite buffer. After each: no reading lost, each sensor's order kept,
 * duplicates only as repeats of a sequence number. Plain TCP: the faults are below TLS.
 */
class FaultTest {

    private static final String TOPIC = "smartregion/diba-a/gw1/readings";
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path brokerDir;
    static Mosquitto broker;

    @TempDir
    Path data;
    private SqliteBuffer buffer;
    private FaultProxy proxy;
    private Subscriber subscriber;
    private MqttUplink uplink;
    private SyncAgent agent;
    private final List<Reading> stored = new ArrayList<>();

    @BeforeAll
    static void startBroker() {
        broker = Mosquitto.start(brokerDir, Map.of());
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
        Brokers.assertNoClientThreads();
    }

    @BeforeEach
    void givenAGatewayBehindAProxy() throws Exception {
        buffer = SqliteBuffer.open(BufferConfig.of(data.resolve("buffer.db")));
        proxy = new FaultProxy(broker.port("plain"));
        subscriber = new Subscriber(broker.port("plain"), TOPIC);
        MqttSettings settings = MqttSettings.of(URI.create("tcp://127.0.0.1:" + proxy.port()), Security.none())
                .withTopics("smartregion", "diba-a", "gw1").withFlow(10, 100)
                .withTiming(Duration.ofSeconds(2), Duration.ofSeconds(3), ACK_TIMEOUT, Duration.ofSeconds(60));
        uplink = new MqttUplink(settings, Peers.Fixed.none(), "test");
    }

    @AfterEach
    void stopAll() throws Exception {
        if (agent != null) {
            agent.stop();
        }
        uplink.close();
        subscriber.close();
        proxy.close();
        buffer.close();
    }

    @Test
    void brokerUnreachableForAWhile() {
        store(0, 1000);
        startAgent();
        awaitArrived(500);

        proxy.down();
        long attempts = proxy.connections();
        store(1000, 1000);
        await(() -> proxy.connections() >= attempts + 3, "three reconnection attempts while the broker is down");
        proxy.up();

        awaitAllDelivered();
    }

    @Test
    void connectionResetInTheMiddleOfABatch() {
        store(0, 5000);
        proxy.resetAfter(4000, 6000);
        startAgent();
        await(() -> proxy.connections() >= 2, "a reconnection after the reset");
        await(() -> proxy.connections() >= 3, "a reconnection after the second reset");

        awaitAllDelivered();
    }

    @Test
    void halfOpenConnectionIsDetectedByTheKeepAlive() {
        store(0, 3000);
        proxy.throttle(20_000);
        startAgent();
        awaitArrived(300);

        long frozenAt = System.nanoTime();
        proxy.freezeCurrent();
        proxy.throttle(0);
        await(() -> proxy.connections() >= 2, "a new connection once the keep-alive gave up the silent one");
        long detectedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - frozenAt);
        assertTrue(detectedMs < ACK_TIMEOUT.toMillis() / 3, "the keep-alive (2 s), not the ack timeout (60 s), "
                + "detected the silent connection, after " + detectedMs + " ms");

        awaitAllDelivered();
    }

    @Test
    void slowLink() {
        proxy.throttle(40_000);
        store(0, 1500);
        startAgent();
        store(1500, 1500);

        awaitAllDelivered();
        assertEquals(1, proxy.connections(), "a slow link is no reason to reconnect");
    }

    private void store(int from, int count) {
        List<Reading> readings = Fixtures.readings("diba-a", "gw1", from, count);
        for (int i = 0; i < readings.size(); i += 100) {
            stored.addAll(buffer.append(readings.subList(i, Math.min(readings.size(), i + 100))
                    .stream().map(r -> r.withSeq(0)).toList()));
        }
    }

    private void startAgent() {
        agent = new SyncAgent(buffer, uplink, new SyncSettings(1000, 1 << 20, Duration.ofMillis(50), Duration.ofSeconds(1)));
    }

    private List<SenmlReader.Record> arrived() {
        List<SenmlReader.Record> records = new ArrayList<>();
        subscriber.messages().forEach(m -> records.addAll(SenmlReader.read(m)));
        return records;
    }

    private void awaitArrived(int count) {
        await(() -> arrived().size() >= count, count + " readings arrived");
    }

    private void awaitAllDelivered() {
        await(() -> buffer.figures().backlog() == 0 && arrived().stream().map(SenmlReader.Record::seq).distinct().count()
                >= stored.size(), "every reading delivered and arrived");
        Fixtures.assertComplete(stored, arrived());
        assertEquals(0, buffer.figures().deadLettered());
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("within 90 s expected " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }
}
