package cat.smartregion.gateway.simulator.platform.internal;

import cat.smartregion.gateway.simulator.platform.CatalogSensor;
import cat.smartregion.gateway.simulator.platform.StoredObservation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /data}: publishing and reading observations. Like Sentilo, a batch is not atomic: the
 * observations of known sensors are stored even when another sensor of the batch is refused. The 404
 * names every refused sensor in {@code errorDetails}: unknown ones (404.1) first, then offline ones (404.2).
 */
final class DataResource {

    private static final int MAX_LIMIT = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Observation(String value, long time, String location) {
    }

    private record SensorPost(String sensor, List<Observation> observations) {
    }

    private final PlatformStore store;

    DataResource(PlatformStore store) {
        this.store = store;
    }

    /** {@code PUT /data/{provider}}. */
    Answer publishBatch(String provider, JsonNode body, long now) throws SQLException {
        JsonNode sensors = body.path("sensors");
        if (!sensors.isArray()) {
            throw ApiFailure.badRequest("Bad request data: a sensors list is required", "sensors");
        }
        List<SensorPost> posts = new ArrayList<>();
        for (JsonNode entry : sensors) {
            String sensor = entry.path("sensor").asText("");
            posts.add(new SensorPost(sensor, observations(entry, entry.path("location").asText(""), now)));
        }
        return store(provider, posts, now);
    }

    /** {@code PUT /data/{provider}/{sensor}}. */
    Answer publishSensor(String provider, String sensor, JsonNode body, long now) throws SQLException {
        return store(provider, List.of(new SensorPost(sensor, observations(body, "", now))), now);
    }

    /** {@code GET /data/{provider}/{sensor}?limit=&from=&to=}: newest first. */
    Answer read(String provider, String sensor, Map<String, String> query) throws SQLException {
        if (store.sensor(provider, sensor).isEmpty()) {
            return notFound(List.of(sensor));
        }
        int limit = limit(query.getOrDefault("limit", "1"));
        long from = query.containsKey("from") ? time(query.get("from")) : Long.MIN_VALUE;
        long to = query.containsKey("to") ? time(query.get("to")) : Long.MAX_VALUE;
        ObjectNode root = JSON.createObjectNode();
        ArrayNode array = root.putArray("observations");
        for (StoredObservation o : store.latest(provider, sensor, from, to, limit)) {
            ObjectNode node = array.addObject();
            node.put("value", o.value());
            node.put("timestamp", SentiloTime.format(o.time()));
            node.put("time", o.time());
            if (!o.location().isEmpty()) {
                node.put("location", o.location());
            }
        }
        return Answer.json(root);
    }

    private Answer store(String provider, List<SensorPost> posts, long now) throws SQLException {
        List<String> unknown = new ArrayList<>();
        List<String> offline = new ArrayList<>();
        List<StoredObservation> accepted = new ArrayList<>();
        for (SensorPost post : posts) {
            Optional<CatalogSensor> sensor = store.sensor(provider, post.sensor());
            if (sensor.isEmpty()) {
                unknown.add(post.sensor());
            } else if (!sensor.get().online()) {
                offline.add(post.sensor());
            } else {
                post.observations().forEach(o -> accepted.add(
                        new StoredObservation(provider, post.sensor(), o.value(), o.time(), o.location(), now)));
            }
        }
        store.addObservations(accepted);
        if (unknown.isEmpty() && offline.isEmpty()) {
            return Answer.ok();
        }
        List<String> details = new ArrayList<>(notFoundDetails(unknown));
        offline.forEach(s -> details.add("Sensor [" + s + "] is offline on Sentilo (404.2)"));
        return Answer.error(404, details.get(0), details);
    }

    private static List<String> notFoundDetails(List<String> sensors) {
        return sensors.stream().map(s -> "Sensor [" + s + "] not found on Sentilo (404.1)").toList();
    }

    private static Answer notFound(List<String> sensors) {
        List<String> details = notFoundDetails(sensors);
        return Answer.error(404, details.get(0), details);
    }

    private static List<Observation> observations(JsonNode entry, String sensorLocation, long now) {
        JsonNode array = entry.get("observations");
        if (array == null || array.isNull()) {
            throw new ApiFailure(Answer.error(500, "Internal server error"));
        }
        if (!array.isArray()) {
            throw ApiFailure.badRequest("Bad request data: observations must be a list", "observations");
        }
        List<Observation> observations = new ArrayList<>();
        for (JsonNode o : array) {
            JsonNode value = o.path("value");
            if (!value.isTextual()) {
                throw ApiFailure.badRequest("Bad request data: value must be a string", String.valueOf(value));
            }
            long time = o.hasNonNull("timestamp") ? time(o.get("timestamp").asText()) : now;
            observations.add(new Observation(value.asText(), time, o.path("location").asText(sensorLocation)));
        }
        return observations;
    }

    private static long time(String timestamp) {
        return SentiloTime.parse(timestamp)
                .orElseThrow(() -> ApiFailure.badRequest("Wrong timestamp value", timestamp));
    }

    private static int limit(String text) {
        try {
            return Math.max(1, Math.min(MAX_LIMIT, Integer.parseInt(text)));
        } catch (NumberFormatException e) {
            throw ApiFailure.badRequest("Bad request data: limit must be a number", text);
        }
    }
}
