package cat.smartregion.gateway.mqtt.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Configuration of the MQTT uplink (PID {@code cat.smartregion.gateway.mqtt}). */
@ObjectClassDefinition(name = "MQTT uplink",
        description = "Publishes reading batches as SenML to an MQTT v5 broker, with QoS 1, a retained status and inventory.")
public @interface MqttUplinkConfig {

    @AttributeDefinition(name = "Broker", description = "Broker URI: ssl://host:8883 (TLS, server certificate and "
            + "host name always checked) or tcp://host:1883 (plain TCP, only when chosen explicitly)")
    String broker() default "ssl://localhost:8883";

    @AttributeDefinition(name = "CA file", description = "PEM file of the CA certificates trusted for the broker's "
            + "certificate (required for ssl://)")
    String ca_file() default "";

    @AttributeDefinition(name = "Client certificate", description = "The gateway's certificate: a PEM file (chain "
            + "first, then the key unless client.key names it) or a PKCS12 file (.p12/.pfx); empty: none")
    String client_certificate() default "";

    @AttributeDefinition(name = "Client key", description = "PEM file of the client certificate's private key "
            + "(unencrypted PKCS#8, 'BEGIN PRIVATE KEY'); empty: in the certificate file")
    String client_key() default "";

    @AttributeDefinition(name = "Keystore password", type = AttributeType.PASSWORD, description = "Password of a "
            + "PKCS12 client certificate file; key '.keystore.password', a private property, never logged")
    String _keystore_password() default "";

    @AttributeDefinition(name = "User name", description = "MQTT user name; empty: none")
    String username() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, description = "MQTT password; key "
            + "'.password', a private property, never logged")
    String _password() default "";

    @AttributeDefinition(name = "Client id", description = "MQTT client id; empty: {tenant}-{gateway}")
    String client_id() default "";

    @AttributeDefinition(name = "Topic prefix", description = "First topic level: {prefix}/{tenant}/{gateway}/readings")
    String topic_prefix() default "smartregion";

    @AttributeDefinition(name = "Tenant", description = "Tenant topic level; empty: the tenant of the readings")
    String tenant() default "";

    @AttributeDefinition(name = "Gateway", description = "Gateway topic level; empty: the gateway of the readings")
    String gateway() default "";

    @AttributeDefinition(name = "Encoding", description = "Payload encoding of the readings",
            options = {@Option(label = "SenML JSON", value = "senml-json"), @Option(label = "SenML CBOR", value = "senml-cbor")})
    String encoding() default "senml-json";

    @AttributeDefinition(name = "Gzip", description = "Compress each readings payload with gzip")
    boolean gzip() default true;

    @AttributeDefinition(name = "Keep-alive (s)", description = "MQTT keep-alive; a silent connection is given up after about 1.5 times this")
    int keep_alive_s() default 30;

    @AttributeDefinition(name = "Session expiry (s)", description = "How long the broker keeps the session after a disconnection")
    long session_expiry_s() default 86400;

    @AttributeDefinition(name = "In flight", description = "Most publishes awaiting their PUBACK; the broker's Receive Maximum caps it")
    int in_flight() default 20;

    @AttributeDefinition(name = "Readings per message", description = "A batch is split into messages of at most this many readings")
    int message_readings() default 1000;

    @AttributeDefinition(name = "Connect timeout (ms)", description = "Longest wait for the TCP, TLS and MQTT connection")
    long connect_timeout_ms() default 10000;

    @AttributeDefinition(name = "Ack timeout (ms)", description = "Longest wait for the PUBACKs of one batch")
    long ack_timeout_ms() default 30000;

    @AttributeDefinition(name = "Refused pause (ms)", description = "Wait before sending again after the broker "
            + "refused our credentials, certificate or a publish")
    long refused_pause_ms() default 300000;
}
