package cat.smartregion.gateway.simulator.platform;

import java.util.Objects;

/**
 * An alarm published to the stand-in with {@code PUT /alarm/{alertId}}.
 *
 * @param provider provider that published it (the token's owner)
 * @param alert    alert id
 * @param message  the message as received
 * @param received arrival time, UTC ms
 */
public record StoredAlarm(String provider, String alert, String message, long received) {

    public StoredAlarm {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(message, "message");
    }
}
