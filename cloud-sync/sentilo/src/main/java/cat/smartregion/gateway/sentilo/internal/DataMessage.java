package cat.smartregion.gateway.sentilo.internal;

import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.buffer.Batch;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code PUT /data/{provider}} for a batch: readings grouped by sensor in batch order,
 * every value a string, every observation with an explicit UTC timestamp (seconds resolution).
 * A sensor entry exists only because it has readings, so none is ever sent without observations.
 * Two readings of one sensor within the same second are both sent with the same timestamp (Sentilo
 * may return them in either order); with poll intervals of one second or more this is rare.
 */
final class DataMessage {

    /** Sentilo's timestamp format; no zone suffix means UTC. */
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("dd/MM/uuuu'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The readings of one sensor in a batch, with its catalog entry (taken from its first reading). */
    record SensorSeries(CatalogEntry entry, List<Reading> readings) {
        SensorSeries {
            readings = List.copyOf(readings);
            if (readings.isEmpty()) {
                throw new IllegalArgumentException("a sensor series needs readings: " + entry.sensor());
            }
        }
    }

    private DataMessage() {
    }

    /** The batch's readings grouped by sensor, sensors in order of first appearance. */
    static List<SensorSeries> group(Batch batch, UplinkSettings settings) {
        Map<String, List<Reading>> bySensor = new LinkedHashMap<>();
        for (Reading reading : batch.readings()) {
            bySensor.computeIfAbsent(CatalogEntry.sensorId(reading), id -> new ArrayList<>()).add(reading);
        }
        List<SensorSeries> series = new ArrayList<>();
        bySensor.values().forEach(readings ->
                series.add(new SensorSeries(CatalogEntry.of(readings.get(0), settings), readings)));
        return series;
    }

    /** The JSON body. */
    static byte[] body(List<SensorSeries> series) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode sensors = root.putArray("sensors");
        for (SensorSeries s : series) {
            ObjectNode sensor = sensors.addObject();
            sensor.put("sensor", s.entry().sensor());
            ArrayNode observations = sensor.putArray("observations");
            for (Reading reading : s.readings()) {
                ObjectNode observation = observations.addObject();
                observation.put("value", reading.value().text());
                observation.put("timestamp", timestamp(reading.time()));
            }
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A UTC time in Sentilo's format, truncated to the second. */
    static String timestamp(long epochMillis) {
        return TIMESTAMP.format(Instant.ofEpochMilli(Math.floorDiv(epochMillis, 1000L) * 1000L));
    }
}
