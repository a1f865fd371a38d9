package cat.smartregion.gateway.mqtt.internal;

import java.util.Optional;
import javax.net.SocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * One MQTT v5 connection to the broker: clean start off and a session expiry, so the broker keeps the
 * session across reconnects; no automatic reconnect (the uplink opens a new connection on the next
 * send). Paho tells it when the connection is lost, including by the keep-alive.
 */
final class BrokerConnection implements MqttCallback {

    private static final int DEFAULT_RECEIVE_MAXIMUM = 65535;
    private static final long CLOSE_WAIT_MS = 2000;

    private final MqttAsyncClient client;
    private final String broker;
    private volatile int receiveMaximum = DEFAULT_RECEIVE_MAXIMUM;
    private volatile long maximumPacketSize = Long.MAX_VALUE;
    private volatile String lost = "";

    private BrokerConnection(MqttAsyncClient client, String broker) {
        this.client = client;
        this.broker = broker;
    }

    /** Result of {@link #open}: a connection or why there is none. */
    record Attempt(Optional<BrokerConnection> connection, Optional<Failure> failure) {
    }

    /** Connects, waiting at most the connect timeout; never throws for what the network or broker does. */
    static Attempt open(MqttSettings settings, String clientId, SocketFactory sockets, String willTopic, byte[] will) {
        String broker = settings.broker().toString();
        MqttAsyncClient client;
        try {
            client = new MqttAsyncClient(broker, clientId, new MemoryPersistence());
        } catch (MqttException e) {
            return new Attempt(Optional.empty(), Optional.of(Failure.transientFault("cannot create the MQTT client: " + e)));
        }
        BrokerConnection connection = new BrokerConnection(client, broker);
        client.setCallback(connection);
        try {
            IMqttToken token = client.connect(options(settings, sockets, willTopic, will));
            token.waitForCompletion(settings.connectTimeout().toMillis() + 1000);
            connection.negotiated(token.getResponseProperties());
            return new Attempt(Optional.of(connection), Optional.empty());
        } catch (MqttException | RuntimeException e) {
            connection.close();
            return new Attempt(Optional.empty(), Optional.of(Failure.ofConnect(broker, e)));
        }
    }

    private static MqttConnectionOptions options(MqttSettings settings, SocketFactory sockets, String willTopic,
                                                 byte[] will) {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(false);
        options.setSessionExpiryInterval(settings.sessionExpiry().toSeconds());
        options.setKeepAliveInterval((int) settings.keepAlive().toSeconds());
        options.setConnectionTimeout((int) Math.max(1, (settings.connectTimeout().toMillis() + 999) / 1000));
        options.setAutomaticReconnect(false);
        options.setSocketFactory(sockets);
        options.setHttpsHostnameVerificationEnabled(true);
        MqttMessage willMessage = new MqttMessage(will, 1, true, null);
        options.setWill(willTopic, willMessage);
        settings.security().username().ifPresent(options::setUserName);
        if (!settings.security().password().isEmpty()) {
            options.setPassword(settings.security().password().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return options;
    }

    private void negotiated(MqttProperties connack) {
        if (connack != null && connack.getReceiveMaximum() != null) {
            receiveMaximum = connack.getReceiveMaximum();
        }
        if (connack != null && connack.getMaximumPacketSize() != null) {
            maximumPacketSize = connack.getMaximumPacketSize();
        }
    }

    /** The broker's Receive Maximum from the CONNACK (65,535 when it sent none). */
    int receiveMaximum() {
        return receiveMaximum;
    }

    /** The broker's Maximum Packet Size from the CONNACK (unlimited when it sent none). */
    long maximumPacketSize() {
        return maximumPacketSize;
    }

    boolean isAlive() {
        return lost.isEmpty() && client.isConnected();
    }

    /** Why the connection ended; empty while alive. */
    String lostReason() {
        return lost.isEmpty() && !client.isConnected() ? "not connected to " + broker : lost;
    }

    /** Publishes; the listener learns the outcome. */
    void publish(String topic, MqttMessage message, Object context, MqttActionListener listener) throws MqttException {
        client.publish(topic, message, context, listener);
    }

    /** Disconnects politely (the broker discards the will), then frees Paho's threads. */
    void disconnect() {
        try {
            if (client.isConnected()) {
                client.disconnect(CLOSE_WAIT_MS).waitForCompletion(CLOSE_WAIT_MS);
            }
        } catch (MqttException | RuntimeException e) {
            // the connection is going anyway
        }
        close();
    }

    /** Drops the connection at once (the broker sends the will when it notices) and frees Paho's threads. */
    void close() {
        markLost("closed by the gateway");
        try {
            client.disconnectForcibly(0, CLOSE_WAIT_MS, false);
        } catch (MqttException | RuntimeException e) {
            // not connected: nothing to drop
        }
        try {
            client.close(true);
        } catch (MqttException | RuntimeException e) {
            // closing is best effort
        }
    }

    private void markLost(String reason) {
        if (lost.isEmpty()) {
            lost = reason;
        }
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        MqttException e = response.getException();
        markLost("connection to " + broker + " lost: " + (e != null ? Failure.describe(e)
                : "broker disconnected, " + ReasonCodes.describe(response.getReturnCode())
                + (response.getReasonString() == null ? "" : " " + response.getReasonString())));
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        markLost("MQTT error with " + broker + ": " + Failure.describe(exception));
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        // the uplink subscribes to nothing
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
        // outcomes go to each publish's listener
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        // the CONNACK is read from the connect token
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
        // no enhanced authentication
    }
}
