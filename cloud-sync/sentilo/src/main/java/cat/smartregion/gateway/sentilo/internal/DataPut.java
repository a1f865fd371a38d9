package cat.smartregion.gateway.sentilo.internal;

import cat.smartregion.gateway.api.Reading;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The observations of one {@code PUT /data/{provider}}: grouped by sensor (sensors in order of first
 * appearance, each with its location when known), never a sensor without observations. Its size is
 * counted while it is filled, so that a plan can cap requests by bytes.
 */
final class DataPut {

    /** {@code {"sensors":[]}}. */
    private static final int EMPTY_BYTES = 14;
    /** The braces and {@code ,"observations":[]} around a sensor's observations. */
    private static final int SENSOR_FRAME_BYTES = "{,\"observations\":[]}".length();

    private final Map<String, List<Observation>> bySensor = new LinkedHashMap<>();
    private final List<Observation> observations = new ArrayList<>();
    private int bytes = EMPTY_BYTES;

    /** The body size after adding the observation. */
    int bytesWith(Observation o) {
        List<Observation> sensor = bySensor.get(o.sensor());
        if (sensor != null) {
            return bytes + 1 + o.bytes();
        }
        return bytes + (bySensor.isEmpty() ? 0 : 1) + SENSOR_FRAME_BYTES + Observation.utf8Length(header(o)) + o.bytes();
    }

    void add(Observation o) {
        bytes = bytesWith(o);
        bySensor.computeIfAbsent(o.sensor(), s -> new ArrayList<>()).add(o);
        observations.add(o);
    }

    boolean isEmpty() {
        return observations.isEmpty();
    }

    int size() {
        return observations.size();
    }

    int bytes() {
        return bytes;
    }

    List<Observation> observations() {
        return List.copyOf(observations);
    }

    List<Reading> readings() {
        return observations.stream().map(Observation::reading).toList();
    }

    /** {@code first-last} sequence numbers, for the {@code X-Gateway-Batch} header. */
    String seqRange() {
        long first = observations.stream().mapToLong(o -> o.reading().seq()).min().orElse(0);
        long last = observations.stream().mapToLong(o -> o.reading().seq()).max().orElse(0);
        return first + "-" + last;
    }

    byte[] body() {
        StringBuilder json = new StringBuilder(bytes).append("{\"sensors\":[");
        boolean firstSensor = true;
        for (List<Observation> sensor : bySensor.values()) {
            json.append(firstSensor ? "" : ",").append('{').append(header(sensor.get(0))).append(",\"observations\":[");
            firstSensor = false;
            for (int i = 0; i < sensor.size(); i++) {
                json.append(i == 0 ? "" : ",").append(sensor.get(i).json());
            }
            json.append("]}");
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A PUT of some observations, in their order. */
    static DataPut of(List<Observation> observations) {
        DataPut put = new DataPut();
        observations.forEach(put::add);
        return put;
    }

    private static String header(Observation o) {
        String header = "\"sensor\":\"" + o.sensor() + "\"";
        return o.location().isEmpty() ? header : header + ",\"location\":" + Observation.quote(o.location());
    }
}
