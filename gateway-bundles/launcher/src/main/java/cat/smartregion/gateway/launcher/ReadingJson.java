package cat.smartregion.gateway.launcher;

import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.Value;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** A reading as one JSON object, the form of {@code gateway read --json}. */
final class ReadingJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReadingJson() {
    }

    static String line(Reading r) {
        ObjectNode node = JSON.createObjectNode()
                .put("device", r.device())
                .put("point", r.point())
                .put("quantity", r.quantity());
        if (r.value() instanceof Value.Number n) {
            node.put("value", n.value());
        } else if (r.value() instanceof Value.Bool b) {
            node.put("value", b.value());
        } else {
            node.put("value", r.value().text());
        }
        node.put("unit", r.unit())
                .put("time", Instant.ofEpochMilli(r.time()).toString())
                .put("quality", r.quality().name());
        return node.toString();
    }
}
