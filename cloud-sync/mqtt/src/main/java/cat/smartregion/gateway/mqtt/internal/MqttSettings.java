package cat.smartregion.gateway.mqtt.internal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The MQTT uplink's configuration, validated. Build it from the component configuration with
 * {@link #from(MqttUplinkConfig)} or, outside OSGi, with {@link #of(URI, Security)} and the {@code with...} methods.
 *
 * @param broker          {@code ssl://host:port} or {@code tcp://host:port}
 * @param security        trust and credentials
 * @param clientId        MQTT client id; empty: {@code {tenant}-{gateway}}
 * @param prefix          first topic level
 * @param tenant          tenant topic level; empty: the readings' tenant
 * @param gateway         gateway topic level; empty: the readings' gateway
 * @param encoding        payload encoding
 * @param gzip            whether payloads are gzip-compressed
 * @param keepAlive       MQTT keep-alive
 * @param sessionExpiry   how long the broker keeps the session after a disconnection
 * @param inFlight        most publishes awaiting PUBACK (capped by the broker's Receive Maximum)
 * @param messageReadings most readings per message
 * @param connectTimeout  longest wait for a connection
 * @param ackTimeout      longest wait for the PUBACKs of one batch
 * @param refusedPause    wait after the broker refused credentials, certificate or a publish
 */
public record MqttSettings(URI broker, Security security, Optional<String> clientId, String prefix,
                           Optional<String> tenant, Optional<String> gateway, Encoding encoding, boolean gzip,
                           Duration keepAlive, Duration sessionExpiry, int inFlight, int messageReadings,
                           Duration connectTimeout, Duration ackTimeout, Duration refusedPause) {

    public MqttSettings {
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(encoding, "encoding");
        requireBroker(broker, security);
        clientId.ifPresent(MqttSettings::requireClientId);
        Topics.requireSegment("topic.prefix", prefix);
        tenant.ifPresent(t -> Topics.requireSegment("tenant", t));
        gateway.ifPresent(g -> Topics.requireSegment("gateway", g));
        requireRange("keep.alive.s", keepAlive.toSeconds(), 1, 65535);
        requireRange("session.expiry.s", sessionExpiry.toSeconds(), 1, 0xFFFFFFFFL);
        requireRange("in.flight", inFlight, 1, 65535);
        requireRange("message.readings", messageReadings, 1, 1_000_000);
        requireRange("connect.timeout.ms", connectTimeout.toMillis(), 1000, Integer.MAX_VALUE);
        requireRange("ack.timeout.ms", ackTimeout.toMillis(), 1, Long.MAX_VALUE);
        requireRange("refused.pause.ms", refusedPause.toMillis(), 0, Long.MAX_VALUE);
    }

    /** Settings with the defaults of {@link MqttUplinkConfig}. */
    public static MqttSettings of(URI broker, Security security) {
        return new MqttSettings(broker, security, Optional.empty(), "smartregion", Optional.empty(), Optional.empty(),
                Encoding.SENML_JSON, true, Duration.ofSeconds(30), Duration.ofDays(1), 20, 1000,
                Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(5));
    }

    /** Settings from the component configuration. */
    public static MqttSettings from(MqttUplinkConfig c) {
        Security security = new Security(path(c.ca_file()), path(c.client_certificate()), path(c.client_key()),
                c._keystore_password(), text(c.username()), c._password());
        return new MqttSettings(URI.create(c.broker().trim()), security, text(c.client_id()), c.topic_prefix().trim(),
                text(c.tenant()), text(c.gateway()), Encoding.of(c.encoding()), c.gzip(),
                Duration.ofSeconds(c.keep_alive_s()), Duration.ofSeconds(c.session_expiry_s()), c.in_flight(),
                c.message_readings(), Duration.ofMillis(c.connect_timeout_ms()), Duration.ofMillis(c.ack_timeout_ms()),
                Duration.ofMillis(c.refused_pause_ms()));
    }

    /** The same publishing under these topic levels. */
    public MqttSettings withTopics(String newPrefix, String newTenant, String newGateway) {
        return new MqttSettings(broker, security, clientId, newPrefix, Optional.of(newTenant), Optional.of(newGateway),
                encoding, gzip, keepAlive, sessionExpiry, inFlight, messageReadings, connectTimeout, ackTimeout, refusedPause);
    }

    /** The same with another client id. */
    public MqttSettings withClientId(String id) {
        return new MqttSettings(broker, security, Optional.of(id), prefix, tenant, gateway, encoding, gzip, keepAlive,
                sessionExpiry, inFlight, messageReadings, connectTimeout, ackTimeout, refusedPause);
    }

    /** The same with another payload encoding. */
    public MqttSettings withEncoding(Encoding newEncoding, boolean newGzip) {
        return new MqttSettings(broker, security, clientId, prefix, tenant, gateway, newEncoding, newGzip, keepAlive,
                sessionExpiry, inFlight, messageReadings, connectTimeout, ackTimeout, refusedPause);
    }

    /** The same with other flow figures. */
    public MqttSettings withFlow(int newInFlight, int newMessageReadings) {
        return new MqttSettings(broker, security, clientId, prefix, tenant, gateway, encoding, gzip, keepAlive,
                sessionExpiry, newInFlight, newMessageReadings, connectTimeout, ackTimeout, refusedPause);
    }

    /** The same with other timing. */
    public MqttSettings withTiming(Duration newKeepAlive, Duration newConnectTimeout, Duration newAckTimeout,
                                   Duration newRefusedPause) {
        return new MqttSettings(broker, security, clientId, prefix, tenant, gateway, encoding, gzip, newKeepAlive,
                sessionExpiry, inFlight, messageReadings, newConnectTimeout, newAckTimeout, newRefusedPause);
    }

    boolean tls() {
        return "ssl".equals(broker.getScheme());
    }

    private static void requireBroker(URI broker, Security security) {
        String scheme = broker.getScheme();
        if (!("ssl".equals(scheme) || "tcp".equals(scheme)) || broker.getHost() == null) {
            throw new IllegalArgumentException("broker must be ssl://host:port or tcp://host:port, got '" + broker + "'");
        }
        if ("ssl".equals(scheme) && security.caFile().isEmpty()) {
            throw new IllegalArgumentException("ca.file is required with an ssl:// broker: the PEM CA certificates "
                    + "that signed the broker's certificate");
        }
        if ("tcp".equals(scheme) && security.usesTls()) {
            throw new IllegalArgumentException("ca.file and client.certificate need an ssl:// broker, got '" + broker + "'");
        }
    }

    private static void requireClientId(String id) {
        if (id.isEmpty() || id.length() > 128 || id.chars().anyMatch(ch -> ch < 0x21 || ch > 0x7e)) {
            throw new IllegalArgumentException("client.id must be 1-128 printable ASCII characters, got '" + id + "'");
        }
    }

    private static void requireRange(String attribute, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(attribute + " must be in " + min + ".." + max + ", got " + value);
        }
    }

    private static Optional<Path> path(String value) {
        return text(value).map(Path::of);
    }

    private static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
