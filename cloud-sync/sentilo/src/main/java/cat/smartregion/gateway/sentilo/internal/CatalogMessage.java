package cat.smartregion.gateway.sentilo.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** Bodies of the catalog calls: {@code {"sensors":[...]}} to register or update, the sensor ids of a listing. */
final class CatalogMessage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CatalogMessage() {
    }

    static byte[] body(Collection<CatalogEntry> entries) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode sensors = root.putArray("sensors");
        for (CatalogEntry e : entries) {
            ObjectNode sensor = sensors.addObject();
            sensor.put("sensor", e.sensor());
            sensor.put("description", e.description());
            sensor.put("type", e.type());
            sensor.put("dataType", e.dataType());
            sensor.put("unit", e.unit());
            sensor.put("component", e.component());
            sensor.put("componentType", e.componentType());
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The provider's sensor ids in a {@code GET /catalog} answer ({@code {"providers":[{"provider":..,"sensors":[..]}]}}). */
    static Set<String> sensorIds(String listing, String providerId) {
        Set<String> ids = new HashSet<>();
        try {
            for (JsonNode provider : JSON.readTree(listing).path("providers")) {
                if (!providerId.equals(provider.path("provider").asText())) {
                    continue;
                }
                provider.path("sensors").forEach(sensor -> ids.add(sensor.path("sensor").asText()));
            }
        } catch (IOException e) {
            return Set.of();
        }
        return ids;
    }
}
