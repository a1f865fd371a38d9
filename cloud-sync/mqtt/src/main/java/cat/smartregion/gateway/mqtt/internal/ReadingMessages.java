package cat.smartregion.gateway.mqtt.internal;

import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.buffer.Batch;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;

/**
 * MQTT messages of readings: QoS 1, not retained, a SenML pack as payload, content type
 * {@code application/senml+json} or {@code application/senml+cbor}, and user properties
 * {@code batch} (first-last seq of the whole batch), {@code first}, {@code last}, {@code count},
 * {@code seqs} (the readings' sequence numbers as ranges, in record order, see {@link SeqRanges}),
 * {@code encoding} ({@code senml-json} or {@code senml-cbor}) and {@code compression} ({@code gzip} or {@code none}).
 */
public final class ReadingMessages {

    private final SenmlWriter writer;
    private final Encoding encoding;
    private final String compression;

    public ReadingMessages(Encoding encoding, boolean gzip) {
        this.writer = new SenmlWriter(encoding, gzip);
        this.encoding = encoding;
        this.compression = gzip ? "gzip" : "none";
    }

    /** The message of some readings (at least one) of the batch. */
    public MqttMessage of(Batch batch, List<Reading> readings) {
        MqttProperties properties = new MqttProperties();
        properties.setContentType(encoding.contentType());
        List<UserProperty> user = new ArrayList<>(7);
        user.add(new UserProperty("batch", batch.firstSeq() + "-" + batch.lastSeq()));
        user.add(new UserProperty("first", Long.toString(readings.get(0).seq())));
        user.add(new UserProperty("last", Long.toString(readings.get(readings.size() - 1).seq())));
        user.add(new UserProperty("count", Integer.toString(readings.size())));
        user.add(new UserProperty("seqs", SeqRanges.of(readings)));
        user.add(new UserProperty("encoding", encoding.label()));
        user.add(new UserProperty("compression", compression));
        properties.setUserProperties(user);
        return new MqttMessage(writer.write(readings), 1, false, properties);
    }
}
