package cat.smartregion.gateway.buffer.internal;

import cat.smartregion.gateway.api.alarm.Alarm;
import cat.smartregion.gateway.api.alarm.Alarms;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The buffer's own alarms, forwarded to the gateway's {@link Alarms} board when one is bound. It
 * remembers which are active, so a board bound later (DS binds it after the buffer opened) or a
 * replacement board learns them. Thread-safe.
 */
final class BufferAlarms {

    static final String SOURCE = "buffer";
    static final String NEAR_QUOTA = "buffer.near-quota";
    static final String EVICTING = "buffer.evicting";
    static final String DISK_FULL = "buffer.disk-full";
    static final String CORRUPT_QUARANTINED = "buffer.corrupt-quarantined";

    private final Map<String, Alarm> active = new ConcurrentHashMap<>();
    private final AtomicReference<Alarms> board = new AtomicReference<>();

    BufferAlarms(Alarms initial) {
        if (initial != null) {
            bind(initial);
        }
    }

    void bind(Alarms alarms) {
        board.set(Objects.requireNonNull(alarms, "alarms"));
        active.values().forEach(alarms::raise);
    }

    void unbind(Alarms alarms) {
        board.compareAndSet(alarms, null);
    }

    void raise(String key, Alarm.Severity severity, String message, long time) {
        Alarm alarm = new Alarm(key, severity, SOURCE, message, time);
        active.put(key, alarm);
        Alarms target = board.get();
        if (target != null) {
            target.raise(alarm);
        }
    }

    void clear(String key) {
        if (active.remove(key) != null) {
            Alarms target = board.get();
            if (target != null) {
                target.clear(key);
            }
        }
    }

    boolean isActive(String key) {
        return active.containsKey(key);
    }

    List<Alarm> active() {
        return List.copyOf(active.values());
    }
}
