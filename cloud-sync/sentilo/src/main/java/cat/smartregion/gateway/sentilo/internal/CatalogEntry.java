package cat.smartregion.gateway.sentilo.internal;

import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.Value;
import java.util.Objects;

/**
 * A sensor as the gateway registers it in the Sentilo catalog.
 *
 * @param sensor        sensor id {@code {device}_{point}}, sanitised
 * @param type          Sentilo sensor type
 * @param dataType      NUMBER, BOOLEAN or TEXT
 * @param unit          unit of the readings
 * @param component     component id {@code {gateway}_{device}}, sanitised
 * @param componentType Sentilo component type
 * @param description   human description
 */
record CatalogEntry(String sensor, String type, String dataType, String unit, String component,
                    String componentType, String description) {

    CatalogEntry {
        Objects.requireNonNull(sensor, "sensor");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(componentType, "componentType");
        Objects.requireNonNull(description, "description");
    }

    /** The catalog entry of the sensor a reading belongs to. */
    static CatalogEntry of(Reading reading, UplinkSettings settings) {
        return new CatalogEntry(sensorId(reading), settings.typeFor(reading.quantity()), dataType(reading.value()),
                reading.unit(), sanitise(reading.gateway() + "_" + reading.device()), settings.componentType(),
                reading.quantity() + " " + reading.point() + " of " + reading.device());
    }

    /** Sensor id of a reading: {@code {device}_{point}} with every character outside A-Z a-z 0-9 _ - made {@code _}. */
    static String sensorId(Reading reading) {
        return sanitise(reading.device() + "_" + reading.point());
    }

    static String sanitise(String id) {
        return id.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    private static String dataType(Value value) {
        if (value instanceof Value.Number) {
            return "NUMBER";
        }
        return value instanceof Value.Bool ? "BOOLEAN" : "TEXT";
    }
}
