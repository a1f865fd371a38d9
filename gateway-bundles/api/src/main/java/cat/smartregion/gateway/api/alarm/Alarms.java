package cat.smartregion.gateway.api.alarm;

import java.util.List;

/** The gateway's board of active alarms. Thread-safe. */
public interface Alarms {

    /** Raises the alarm, or updates it when its key is active already. */
    void raise(Alarm alarm);

    /** Clears the alarm with this key; nothing happens when it is not active. */
    void clear(String key);

    /** The active alarms, oldest first. */
    List<Alarm> active();
}
