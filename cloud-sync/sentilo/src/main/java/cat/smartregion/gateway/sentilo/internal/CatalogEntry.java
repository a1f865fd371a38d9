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
 * @param location      {@code "latitude longitude"} of the device, empty when unknown
 * @param description   human description
 */
record CatalogEntry(String sensor, String type, String dataType, String unit, String component,
                    String componentType, String location, String description) {

    CatalogEntry {
        Objects.requireNonNull(sensor, "sensor");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(componentType, "componentType");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(description, "description");
    }

    /** The entry of a sensor known only from a reading (its device is not in the inventory). */
    static CatalogEntry of(Reading reading, UplinkSettings settings, String location) {
        return new CatalogEntry(sensorId(reading.device(), reading.point()),
                settings.typeFor(reading.point(), reading.quantity()), dataType(reading.value()), reading.unit(),
                componentId(reading.gateway(), reading.device()), settings.componentType(), location,
                reading.quantity() + " " + reading.point() + " of " + reading.device());
    }

    /** The same entry with the unit and data type a reading shows. */
    CatalogEntry confirmedBy(Reading reading) {
        return new CatalogEntry(sensor, type, dataType(reading.value()), reading.unit(), component, componentType,
                location, description);
    }

    static String sensorId(String device, String point) {
        return sanitise(device + "_" + point);
    }

    static String componentId(String gateway, String device) {
        return sanitise(gateway + "_" + device);
    }

    /** Sensor id of a reading: {@code {device}_{point}} with every character outside A-Z a-z 0-9 _ - made {@code _}. */
    static String sensorId(Reading reading) {
        return sensorId(reading.device(), reading.point());
    }

    static String sanitise(String id) {
        return id.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    static String dataType(Value value) {
        if (value instanceof Value.Number) {
            return "NUMBER";
        }
        return value instanceof Value.Bool ? "BOOLEAN" : "TEXT";
    }
}
