package cat.smartregion.gateway.sentilo.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What came of one HTTP call: an answer with a status, no answer at all, or no call (held back). */
sealed interface PlatformAnswer {

    /** The platform answered. */
    record Answered(int status, String body, Map<String, List<String>> headers) implements PlatformAnswer {

        private static final ObjectMapper JSON = new ObjectMapper();
        private static final int SNIPPET = 200;

        public Answered {
            Objects.requireNonNull(body, "body");
            headers = Map.copyOf(headers);
        }

        boolean success() {
            return status / 100 == 2;
        }

        /** First value of a header, case-insensitively. */
        Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        /** The {@code message} of Sentilo's error body, else the start of the body, else the status. */
        String message() {
            try {
                JsonNode root = JSON.readTree(body);
                if (root != null && root.hasNonNull("message")) {
                    return root.get("message").asText();
                }
            } catch (IOException e) {
                // not Sentilo's error body: fall through to the raw text
            }
            String text = body.strip();
            return text.isEmpty() ? "HTTP " + status
                    : text.substring(0, Math.min(SNIPPET, text.length()));
        }

        /** The message and every {@code errorDetails} entry. */
        List<String> messages() {
            List<String> all = new ArrayList<>(List.of(message()));
            try {
                JsonNode root = JSON.readTree(body);
                if (root != null) {
                    root.path("errorDetails").forEach(d -> all.add(d.asText()));
                }
            } catch (IOException e) {
                return all;
            }
            return all;
        }
    }

    /** Not sent: the platform refused our credentials and the pause before trying again has not ended. */
    record Held(java.time.Duration remaining, String reason) implements PlatformAnswer {
        public Held {
            Objects.requireNonNull(remaining, "remaining");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** No answer: connection refused, timeout, TLS failure, interrupted. */
    record Unreachable(String reason) implements PlatformAnswer {
        public Unreachable {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
