package cat.smartregion.gateway.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * What a Sentilo platform holds for one provider, read back through its API as any client
 * would: the sensors of the catalog and the newest observation of each.
 */
final class PlatformView {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter SENTILO_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy'T'HH:mm:ss");

    /** A sensor and its newest observation; {@code time} is null when it has none yet. */
    record Row(String sensor, String component, String unit, String value, LocalDateTime time) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String provider;
    private final String token;

    PlatformView(String base, String provider, String token) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.provider = provider;
        this.token = token;
    }

    /** The provider's sensors with their newest observations, sorted by sensor id. */
    List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (JsonNode sensor : sensors(get("/catalog"))) {
            String id = sensor.path("sensor").asText();
            JsonNode newest = get("/data/" + provider + "/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "?limit=1")
                    .path("observations").path(0);
            rows.add(new Row(id, sensor.path("component").asText(""), sensor.path("unit").asText(""),
                    newest.path("value").asText(""),
                    newest.has("timestamp") ? timeOrNull(newest.path("timestamp").asText()) : null));
        }
        rows.sort((a, b) -> a.sensor().compareTo(b.sensor()));
        return rows;
    }

    private List<JsonNode> sensors(JsonNode catalog) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode p : catalog.path("providers")) {
            if (provider.equals(p.path("provider").asText())) {
                p.path("sensors").forEach(found::add);
            }
        }
        return found;
    }

    /** Sentilo's timestamp, UTC unless it carries a zone suffix such as {@code +0100}. */
    static LocalDateTime parseTime(String text) {
        String local = text.length() > 19 ? text.substring(0, 19) : text;
        LocalDateTime time = LocalDateTime.parse(local, SENTILO_TIME);
        if (text.length() > 19) {
            ZoneOffset offset = ZoneOffset.of(text.substring(19, 22) + ":" + text.substring(22));
            time = time.atOffset(offset).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        return time;
    }

    private static LocalDateTime timeOrNull(String text) {
        try {
            return parseTime(text);
        } catch (java.time.DateTimeException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    private JsonNode get(String path) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(10)).header("IDENTITY_KEY", token).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("GET " + path + " answered " + response.statusCode() + " " + response.body());
            }
            return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
