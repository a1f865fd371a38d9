package cat.smartregion.gateway.sentilo.internal;

import cat.smartregion.gateway.api.Reading;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * One reading as a Sentilo observation: its sensor, the device's location and its JSON text
 * {@code {"value":"230.1","timestamp":"27/11/2026T08:00:00"}}: the value a string, the time in UTC
 * (Sentilo reads a timestamp without zone suffix as UTC), truncated to the second.
 *
 * @param reading  the reading
 * @param sensor   its sensor id
 * @param location {@code "latitude longitude"} of the device, empty when unknown
 * @param json     the observation's JSON text
 */
record Observation(Reading reading, String sensor, String location, String json) {

    /** Sentilo's timestamp format; no zone suffix means UTC. */
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("dd/MM/uuuu'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    Observation {
        Objects.requireNonNull(reading, "reading");
        Objects.requireNonNull(sensor, "sensor");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(json, "json");
    }

    static Observation of(Reading reading, String location) {
        String json = "{\"value\":" + quote(reading.value().text()) + ",\"timestamp\":\"" + timestamp(reading.time())
                + "\"}";
        return new Observation(reading, CatalogEntry.sensorId(reading), location, json);
    }

    /** The second of the observation's time. */
    long second() {
        return Math.floorDiv(reading.time(), 1000L);
    }

    /** Bytes of the JSON text in UTF-8. */
    int bytes() {
        return utf8Length(json);
    }

    /** A UTC time in Sentilo's format, truncated to the second. */
    static String timestamp(long epochMillis) {
        return TIMESTAMP.format(Instant.ofEpochMilli(Math.floorDiv(epochMillis, 1000L) * 1000L));
    }

    static String quote(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }

    static int utf8Length(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7f) {
                return text.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return text.length();
    }
}
