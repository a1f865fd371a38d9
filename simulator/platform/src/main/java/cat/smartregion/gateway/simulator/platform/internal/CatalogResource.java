package cat.smartregion.gateway.simulator.platform.internal;

import cat.smartregion.gateway.simulator.platform.CatalogSensor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code /catalog}: register, update and list a provider's sensors. A request with any invalid entry changes nothing. */
final class CatalogResource {

    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Set<String> DATA_TYPES = Set.of("NUMBER", "BOOLEAN", "TEXT", "JSON", "LINK",
            "AUDIO_LINK", "VIDEO_LINK", "IMAGE_LINK", "FILE_LINK");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PlatformStore store;
    private final PlatformKnobs knobs;

    CatalogResource(PlatformStore store, PlatformKnobs knobs) {
        this.store = store;
        this.knobs = knobs;
    }

    /** {@code GET /catalog}: the caller's online sensors, in Sentilo's shape. */
    Answer list(String provider) throws SQLException {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode entry = root.putArray("providers").addObject();
        entry.put("provider", provider);
        entry.put("permission", "WRITE");
        ArrayNode sensors = entry.putArray("sensors");
        for (CatalogSensor s : store.sensors(provider)) {
            if (s.online()) {
                sensors.add(toJson(s));
            }
        }
        return Answer.json(root);
    }

    /** {@code POST /catalog/{provider}}. */
    Answer register(String provider, JsonNode body) throws SQLException {
        List<String> errors = new ArrayList<>();
        List<CatalogSensor> accepted = new ArrayList<>();
        for (JsonNode entry : sensorEntries(body, true)) {
            String id = entry.path("sensor").asText("");
            if (store.sensor(provider, id).isPresent()) {
                errors.add("Sensor [" + id + "] already exists for provider [" + provider + "]");
                continue;
            }
            CatalogSensor fresh = new CatalogSensor(provider, id, entry.path("type").asText(""),
                    entry.path("dataType").asText("NUMBER").toUpperCase(Locale.ROOT), entry.path("unit").asText(""),
                    entry.path("component").asText(id), entry.path("componentType").asText("generic"),
                    entry.path("location").asText(""), entry.path("description").asText(""), true);
            validate(fresh).ifPresentOrElse(errors::add, () -> accepted.add(fresh));
        }
        return save(accepted, errors);
    }

    /** {@code PUT /catalog/{provider}}: updates sensors and components that exist. */
    Answer update(String provider, JsonNode body) throws SQLException {
        List<String> errors = new ArrayList<>();
        Map<String, CatalogSensor> changed = new LinkedHashMap<>();
        for (JsonNode entry : sensorEntries(body, false)) {
            String id = entry.path("sensor").asText("");
            Optional<CatalogSensor> old = store.sensor(provider, id);
            if (old.isEmpty()) {
                errors.add("Sensor [" + id + "] not found for provider [" + provider + "]");
                continue;
            }
            CatalogSensor updated = merge(old.get(), entry);
            validate(updated).ifPresentOrElse(errors::add, () -> changed.put(id, updated));
        }
        for (JsonNode component : body.path("components")) {
            updateComponent(provider, component, changed);
        }
        return save(List.copyOf(changed.values()), errors);
    }

    private Answer save(List<CatalogSensor> sensors, List<String> errors) throws SQLException {
        if (!errors.isEmpty()) {
            return Answer.error(400, "Bad request data: " + errors.get(0), errors);
        }
        store.putSensors(sensors);
        return Answer.ok();
    }

    private static List<JsonNode> sensorEntries(JsonNode body, boolean required) {
        JsonNode sensors = body.path("sensors");
        if (sensors.isMissingNode() && !required) {
            return List.of();
        }
        if (!sensors.isArray() || (required && sensors.isEmpty())) {
            throw ApiFailure.badRequest("Bad request data: a sensors list is required", "sensors");
        }
        List<JsonNode> entries = new ArrayList<>();
        sensors.forEach(entries::add);
        return entries;
    }

    private Optional<String> validate(CatalogSensor s) {
        if (!ID.matcher(s.sensor()).matches()) {
            return Optional.of("Sensor id [" + s.sensor() + "] must match [A-Za-z0-9_-]+");
        }
        if (!ID.matcher(s.component()).matches()) {
            return Optional.of("Component id [" + s.component() + "] must match [A-Za-z0-9_-]+");
        }
        if (!knobs.knowsType(s.type())) {
            return Optional.of("Sensor type [" + s.type() + "] of sensor [" + s.sensor() + "] is not valid");
        }
        if (!DATA_TYPES.contains(s.dataType())) {
            return Optional.of("Data type [" + s.dataType() + "] of sensor [" + s.sensor() + "] is not valid");
        }
        return Optional.empty();
    }

    private static CatalogSensor merge(CatalogSensor old, JsonNode entry) {
        return new CatalogSensor(old.provider(), old.sensor(), entry.path("type").asText(old.type()),
                entry.path("dataType").asText(old.dataType()).toUpperCase(Locale.ROOT),
                entry.path("unit").asText(old.unit()), old.component(), old.componentType(),
                old.location(), entry.path("description").asText(old.description()), old.online());
    }

    /** Applies a component's new type and location to its sensors, on top of the sensor updates of the request. */
    private void updateComponent(String provider, JsonNode component, Map<String, CatalogSensor> changed)
            throws SQLException {
        String id = component.path("component").asText("");
        for (CatalogSensor stored : store.sensors(provider)) {
            CatalogSensor s = changed.getOrDefault(stored.sensor(), stored);
            if (s.component().equals(id)) {
                changed.put(s.sensor(), new CatalogSensor(s.provider(), s.sensor(), s.type(), s.dataType(), s.unit(),
                        s.component(), component.path("componentType").asText(s.componentType()),
                        component.path("location").asText(s.location()), s.description(), s.online()));
            }
        }
    }

    private static ObjectNode toJson(CatalogSensor s) {
        ObjectNode node = JSON.createObjectNode();
        node.put("sensor", s.sensor());
        node.put("description", s.description());
        node.put("dataType", s.dataType());
        node.put("type", s.type());
        node.put("unit", s.unit());
        node.put("state", "online");
        node.put("component", s.component());
        node.put("componentType", s.componentType());
        if (!s.location().isEmpty()) {
            node.put("location", s.location());
        }
        return node;
    }
}
