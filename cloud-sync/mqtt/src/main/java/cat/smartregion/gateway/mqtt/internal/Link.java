package cat.smartregion.gateway.mqtt.internal;

import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.buffer.Batch;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import javax.net.SocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The uplink's connection to the broker over time: connects when a batch needs it, announces the
 * gateway (retained birth on {@code status}, will "offline", retained {@code inventory}), publishes
 * batches, republishes the inventory when the devices change, and starts over after a fault.
 * Calls are serialised; one connection at a time.
 */
final class Link {

    private static final Logger LOG = LoggerFactory.getLogger(MqttUplink.class);

    private final MqttSettings settings;
    private final Peers peers;
    private final String version;
    private final SocketFactory sockets;
    private final BatchPublisher publisher;
    private Optional<Topics> topics = Optional.empty();
    private Optional<BrokerConnection> connection = Optional.empty();
    private byte[] publishedInventory = new byte[0];

    /** @throws IllegalArgumentException when the TLS files cannot be used */
    Link(MqttSettings settings, Peers peers, String version) {
        this.settings = settings;
        this.peers = peers;
        this.version = version;
        this.sockets = settings.tls() ? TlsContext.socketFactory(settings.security()) : NoDelaySockets.plain();
        this.publisher = new BatchPublisher(settings);
    }

    /** Publishes the batch (at least one reading); empty when the broker acknowledged all of it. */
    synchronized Optional<Failure> send(Batch batch) {
        Topics t = topics(batch.readings().get(0));
        Optional<Failure> failure = ensureConnected(t);
        if (failure.isEmpty()) {
            BrokerConnection c = connection.orElseThrow();
            failure = inventoryIfChanged(c, t);
            if (failure.isEmpty()) {
                failure = publisher.readings(c, t.readings(), batch);
            }
        }
        failure.filter(f -> !f.needsPerson()).ifPresent(f -> drop(f.reason()));
        return failure;
    }

    /** Says "offline" on the status topic, disconnects cleanly and frees the client's threads. */
    synchronized void close() {
        if (connection.isPresent() && connection.get().isAlive() && topics.isPresent()) {
            publisher.retained(connection.get(), topics.get().status(), statusMessages(topics.get()).offline());
            connection.get().disconnect();
            LOG.info("Disconnected from {}", settings.broker());
        }
        connection.ifPresent(BrokerConnection::close);
        connection = Optional.empty();
    }

    /** True while a connection is up (for status and tests). */
    synchronized boolean isConnected() {
        return connection.map(BrokerConnection::isAlive).orElse(false);
    }

    private Topics topics(Reading first) {
        if (topics.isEmpty()) {
            topics = Optional.of(new Topics(settings.prefix(), settings.tenant().orElse(first.tenant()),
                    settings.gateway().orElse(first.gateway())));
        }
        return topics.get();
    }

    private Optional<Failure> ensureConnected(Topics t) {
        if (connection.isPresent() && connection.get().isAlive()) {
            return Optional.empty();
        }
        connection.ifPresent(c -> drop(c.lostReason()));
        StatusMessages status = statusMessages(t);
        String clientId = settings.clientId().orElse(t.tenant() + "-" + t.gateway());
        BrokerConnection.Attempt attempt = BrokerConnection.open(settings, clientId, sockets, t.status(), status.offline());
        if (attempt.failure().isPresent()) {
            return attempt.failure();
        }
        BrokerConnection c = attempt.connection().orElseThrow();
        LOG.info("Connected to {} as {}: broker Receive Maximum {}, {} publishes in flight at most",
                settings.broker(), clientId, c.receiveMaximum(), Math.min(settings.inFlight(), c.receiveMaximum()));
        Optional<Failure> birth = publisher.retained(c, t.status(), status.online(Instant.now()));
        if (birth.isPresent()) {
            c.close();
            return birth;
        }
        connection = Optional.of(c);
        return Optional.empty();
    }

    private Optional<Failure> inventoryIfChanged(BrokerConnection c, Topics t) {
        byte[] inventory = statusMessages(t).inventory();
        if (Arrays.equals(inventory, publishedInventory)) {
            return Optional.empty();
        }
        Optional<Failure> failure = publisher.retained(c, t.inventory(), inventory);
        if (failure.isEmpty()) {
            publishedInventory = inventory;
        }
        return failure;
    }

    private void drop(String reason) {
        connection.ifPresent(c -> {
            LOG.info("Closing the connection to {}: {}", settings.broker(), reason);
            c.close();
        });
        connection = Optional.empty();
        publishedInventory = new byte[0];
    }

    private StatusMessages statusMessages(Topics t) {
        return new StatusMessages(t, peers, version);
    }
}
