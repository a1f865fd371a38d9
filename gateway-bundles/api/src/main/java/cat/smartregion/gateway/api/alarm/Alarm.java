package cat.smartregion.gateway.api.alarm;

import java.util.Objects;

/**
 * A condition of the gateway someone should know about: a device unreachable, the buffer near
 * its quota or evicting, the disk full, a corrupt buffer quarantined, the uplink refusing our
 * credentials.
 *
 * @param key      stable identity of the condition, e.g. {@code buffer.evicting} or {@code device.meter-1.unreachable};
 *                 raising the same key again updates it
 * @param severity how bad it is
 * @param source   the component or device it concerns, e.g. {@code buffer} or {@code meter-1}
 * @param message  what happened and what to do, for a person
 * @param time     when it was raised, UTC ms
 */
public record Alarm(String key, Severity severity, String source, String message, long time) {

    public enum Severity {
        WARNING, CRITICAL
    }

    public Alarm {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(message, "message");
    }
}
