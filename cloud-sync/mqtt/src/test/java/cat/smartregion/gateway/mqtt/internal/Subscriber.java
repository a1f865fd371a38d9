package cat.smartregion.gateway.mqtt.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;

/** A platform's view in the tests: a Paho v5 client subscribed with QoS 1 on the broker's plain listener. */
final class Subscriber implements MqttCallback, AutoCloseable {

    /** A message as the subscriber got it. */
    record Message(String topic, byte[] payload, boolean retained, String contentType, Map<String, String> properties) {

        String text() {
            return new String(payload, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final MqttAsyncClient client;
    private final ConcurrentLinkedQueue<Message> messages = new ConcurrentLinkedQueue<>();

    Subscriber(int port, String filter) throws MqttException {
        client = new MqttAsyncClient("tcp://127.0.0.1:" + port, "test-subscriber-" + System.nanoTime(), new MemoryPersistence());
        client.setCallback(this);
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setCleanStart(true);
        client.connect(options).waitForCompletion(10_000);
        client.subscribe(new MqttSubscription(filter, 1)).waitForCompletion(10_000);
    }

    List<Message> messages() {
        return new ArrayList<>(messages);
    }

    List<Message> on(String topic) {
        return messages.stream().filter(m -> m.topic().equals(topic)).toList();
    }

    /** Waits up to the deadline until the messages satisfy the condition; fails with what arrived. */
    List<Message> await(Predicate<List<Message>> condition, long seconds, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.test(messages())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("within " + seconds + " s expected " + what + "; got "
                        + messages().stream().map(Message::topic).collect(Collectors.groupingBy(t -> t, Collectors.counting())));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        return messages();
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        MqttProperties p = message.getProperties();
        Map<String, String> user = p == null || p.getUserProperties() == null ? Map.of()
                : p.getUserProperties().stream().collect(Collectors.toMap(UserProperty::getKey, UserProperty::getValue, (a, b) -> b));
        messages.add(new Message(topic, message.getPayload(), message.isRetained(),
                p == null || p.getContentType() == null ? "" : p.getContentType(), user));
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
    }

    @Override
    public void close() throws MqttException {
        try {
            client.disconnect().waitForCompletion(5000);
        } finally {
            client.close(true);
        }
    }
}
