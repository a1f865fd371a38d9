package cat.smartregion.gateway.simulator.platform.internal;

import java.util.Locale;
import java.util.Set;

/** The stand-in's adjustable behaviour, changed by tests while it serves. */
public final class PlatformKnobs {

    /** Sensor types a fresh stand-in knows, like a Sentilo catalog set up for energy and environment. */
    public static final Set<String> DEFAULT_SENSOR_TYPES = Set.of(
            "voltage", "current", "power", "apparent_power", "reactive_power", "power_factor", "frequency",
            "energy", "reactive_energy", "temperature", "humidity", "pressure", "noise", "co2", "no2", "o3",
            "pm10", "pm25", "filling_level", "flow", "volume", "status", "other");

    private volatile boolean notReady;
    private volatile int maxPayloadBytes;
    private volatile Set<String> sensorTypes = DEFAULT_SENSOR_TYPES;

    public boolean notReady() {
        return notReady;
    }

    public void notReady(boolean value) {
        notReady = value;
    }

    /** Largest accepted request body in bytes; 0 for no limit. */
    public int maxPayloadBytes() {
        return maxPayloadBytes;
    }

    public void maxPayloadBytes(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("max payload must not be negative: " + value);
        }
        maxPayloadBytes = value;
    }

    public boolean knowsType(String type) {
        return sensorTypes.contains(type.toLowerCase(Locale.ROOT));
    }

    public void sensorTypes(Set<String> types) {
        if (types.isEmpty()) {
            throw new IllegalArgumentException("the platform needs at least one sensor type");
        }
        sensorTypes = Set.copyOf(types.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList());
    }
}
