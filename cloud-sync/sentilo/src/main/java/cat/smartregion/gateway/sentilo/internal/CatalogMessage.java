package cat.smartregion.gateway.sentilo.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Bodies of the catalog calls: {@code POST} registers sensors with every attribute; {@code PUT} updates
 * the sensors' attributes and, in a {@code components} list, their components' type and location (as
 * Sentilo's catalog update wants); a {@code GET /catalog} listing becomes entries.
 */
final class CatalogMessage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CatalogMessage() {
    }

    static byte[] register(Collection<CatalogEntry> entries) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode sensors = root.putArray("sensors");
        for (CatalogEntry e : entries) {
            ObjectNode sensor = sensorAttributes(sensors.addObject(), e);
            sensor.put("component", e.component());
            sensor.put("componentType", e.componentType());
            if (!e.location().isEmpty()) {
                sensor.put("location", e.location());
            }
        }
        return bytes(root);
    }

    static byte[] update(Collection<CatalogEntry> entries) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode sensors = root.putArray("sensors");
        Map<String, CatalogEntry> components = new LinkedHashMap<>();
        for (CatalogEntry e : entries) {
            sensorAttributes(sensors.addObject(), e);
            components.putIfAbsent(e.component(), e);
        }
        ArrayNode list = root.putArray("components");
        for (CatalogEntry e : components.values()) {
            ObjectNode component = list.addObject();
            component.put("component", e.component());
            component.put("componentType", e.componentType());
            component.put("location", e.location());
        }
        return bytes(root);
    }

    /** The provider's sensors in a {@code GET /catalog} answer ({@code {"providers":[{"provider":..,"sensors":[..]}]}}). */
    static Optional<Map<String, CatalogEntry>> entries(String listing, String providerId) {
        Map<String, CatalogEntry> entries = new HashMap<>();
        try {
            for (JsonNode provider : JSON.readTree(listing).path("providers")) {
                if (providerId.equals(provider.path("provider").asText())) {
                    provider.path("sensors").forEach(s -> entries.put(s.path("sensor").asText(), entry(s)));
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(entries);
    }

    private static CatalogEntry entry(JsonNode s) {
        return new CatalogEntry(s.path("sensor").asText(), s.path("type").asText(), s.path("dataType").asText(),
                s.path("unit").asText(), s.path("component").asText(), s.path("componentType").asText(),
                s.path("location").asText(""), s.path("description").asText(""));
    }

    private static ObjectNode sensorAttributes(ObjectNode sensor, CatalogEntry e) {
        sensor.put("sensor", e.sensor());
        sensor.put("description", e.description());
        sensor.put("type", e.type());
        sensor.put("dataType", e.dataType());
        sensor.put("unit", e.unit());
        return sensor;
    }

    private static byte[] bytes(ObjectNode root) {
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }
}
