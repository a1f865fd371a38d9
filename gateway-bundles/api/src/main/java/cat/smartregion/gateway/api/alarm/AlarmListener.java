package cat.smartregion.gateway.api.alarm;

/**
 * Told of every alarm raised or cleared (whiteboard: register it as a service), e.g. an uplink
 * that publishes alarms to the platform. Called on the raising thread: return quickly.
 */
public interface AlarmListener {

    void raised(Alarm alarm);

    void cleared(Alarm alarm);
}
