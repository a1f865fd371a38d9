package cat.smartregion.gateway.simulator.platform.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What the stand-in answers: status, JSON body (possibly empty) and extra headers. */
record Answer(int status, byte[] body, Map<String, String> headers) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public Answer {
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    /** 200 with an empty body, as Sentilo answers a successful write. */
    public static Answer ok() {
        return new Answer(200, new byte[0], Map.of());
    }

    /** 200 with a JSON body. */
    public static Answer json(ObjectNode body) {
        return new Answer(200, body.toString().getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** Sentilo's error body {@code {"code":..,"message":..,"errorDetails":[..]}}. */
    public static Answer error(int status, String message, List<String> details) {
        ObjectNode body = JSON.createObjectNode();
        body.put("code", status);
        body.put("message", message);
        ArrayNode array = body.putArray("errorDetails");
        details.forEach(array::add);
        return new Answer(status, body.toString().getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public static Answer error(int status, String message) {
        return error(status, message, List.of());
    }

    /** The same answer with more headers. */
    public Answer withHeaders(Map<String, String> more) {
        HashMap<String, String> all = new HashMap<>(headers);
        all.putAll(more);
        return new Answer(status, body, all);
    }
}
