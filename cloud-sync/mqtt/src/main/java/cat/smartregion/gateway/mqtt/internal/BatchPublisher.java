package cat.smartregion.gateway.mqtt.internal;

import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.buffer.Batch;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * Publishes with QoS 1 and waits for the PUBACKs. A batch becomes messages of at most
 * {@code message.readings} readings (halved again while larger than the broker's Maximum Packet Size),
 * encoded one by one while the previous ones are in flight, at most min(in.flight, Receive Maximum) at once.
 */
final class BatchPublisher {

    private static final int HEADER_ALLOWANCE = 1024;

    private final ReadingMessages messages;
    private final int messageReadings;
    private final int inFlight;
    private final Duration ackTimeout;

    BatchPublisher(MqttSettings settings) {
        this.messages = new ReadingMessages(settings.encoding(), settings.gzip());
        this.messageReadings = settings.messageReadings();
        this.inFlight = settings.inFlight();
        this.ackTimeout = settings.ackTimeout();
    }

    /** Publishes the batch; empty when every message got a successful PUBACK. */
    Optional<Failure> readings(BrokerConnection connection, String topic, Batch batch) {
        Flight flight = new Flight(Math.min(inFlight, connection.receiveMaximum()), connection);
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        Deque<List<Reading>> chunks = chunks(batch.readings());
        try {
            while (!chunks.isEmpty() && flight.awaitSlot(deadline)) {
                List<Reading> chunk = chunks.poll();
                MqttMessage message = messages.of(batch, chunk);
                if (tooLarge(message, connection) && chunk.size() > 1) {
                    chunks.addFirst(chunk.subList(chunk.size() / 2, chunk.size()));
                    chunks.addFirst(chunk.subList(0, chunk.size() / 2));
                    continue;
                }
                String what = "readings " + chunk.get(0).seq() + ".." + chunk.get(chunk.size() - 1).seq();
                start(flight, connection, new Flight.Part(topic, what), message);
            }
            return outcome(flight, deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(Failure.transientFault("interrupted while publishing"));
        }
    }

    /** Publishes one retained message and waits for its PUBACK. */
    Optional<Failure> retained(BrokerConnection connection, String topic, byte[] payload) {
        Flight flight = new Flight(1, connection);
        MqttProperties properties = new MqttProperties();
        properties.setContentType("application/json");
        properties.setPayloadFormat(true);
        start(flight, connection, new Flight.Part(topic, "the retained message"),
                new MqttMessage(payload, 1, true, properties));
        try {
            return outcome(flight, System.nanoTime() + ackTimeout.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(Failure.transientFault("interrupted while publishing"));
        }
    }

    private static void start(Flight flight, BrokerConnection connection, Flight.Part part, MqttMessage message) {
        flight.started();
        try {
            connection.publish(part.topic(), message, part, flight);
        } catch (MqttException | RuntimeException e) {
            flight.failed(part, e);
        }
    }

    private static Optional<Failure> outcome(Flight flight, long deadline) throws InterruptedException {
        flight.awaitAll(deadline);
        Optional<Failure> failure = flight.failure();
        if (failure.isPresent() && failure.get().needsPerson()) {
            flight.settle(deadline);
        }
        return failure;
    }

    private boolean tooLarge(MqttMessage message, BrokerConnection connection) {
        return (long) message.getPayload().length + HEADER_ALLOWANCE > connection.maximumPacketSize();
    }

    private Deque<List<Reading>> chunks(List<Reading> readings) {
        Deque<List<Reading>> chunks = new ArrayDeque<>();
        for (int from = 0; from < readings.size(); from += messageReadings) {
            chunks.add(readings.subList(from, Math.min(readings.size(), from + messageReadings)));
        }
        return chunks;
    }
}
