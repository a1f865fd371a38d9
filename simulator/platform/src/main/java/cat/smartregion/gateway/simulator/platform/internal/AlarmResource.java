package cat.smartregion.gateway.simulator.platform.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.util.Optional;

/**
 * {@code PUT /alarm/{alertId}} with {@code {"message":"..."}}: stores the alarm of an alert defined in the
 * catalog. An unknown alert is answered 404, another provider's alert 403, a missing message 400.
 */
final class AlarmResource {

    private final PlatformStore store;

    AlarmResource(PlatformStore store) {
        this.store = store;
    }

    Answer publish(String caller, String alert, JsonNode body, long now) throws SQLException {
        Optional<String> owner = store.alertOwner(alert);
        if (owner.isEmpty()) {
            return Answer.error(404, "Alert [" + alert + "] not found on Sentilo");
        }
        if (!owner.get().equals(caller)) {
            return Answer.error(403, "Forbidden: [" + caller + "] has no permission on alert [" + alert + "]");
        }
        JsonNode message = body.path("message");
        if (!message.isTextual() || message.asText().isBlank()) {
            throw ApiFailure.badRequest("Bad request data: a message is required", "message");
        }
        store.addAlarm(caller, alert, message.asText(), now);
        return Answer.ok();
    }
}
