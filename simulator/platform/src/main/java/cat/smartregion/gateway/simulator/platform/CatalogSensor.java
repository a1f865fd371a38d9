package cat.smartregion.gateway.simulator.platform;

import java.util.Objects;

/**
 * A sensor as the stand-in's catalog holds it.
 *
 * @param provider      provider id
 * @param sensor        sensor id
 * @param type          sensor type, one of the platform's known types
 * @param dataType      NUMBER, BOOLEAN, TEXT, JSON, LINK or a *_LINK variant
 * @param unit          unit, empty when none
 * @param component     component id
 * @param componentType component type
 * @param location      {@code "latitude longitude"}, empty when mobile
 * @param description   description, empty when none
 * @param online        false when set offline (data for it is refused with 404.2)
 */
public record CatalogSensor(String provider, String sensor, String type, String dataType, String unit,
                            String component, String componentType, String location, String description,
                            boolean online) {

    public CatalogSensor {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(sensor, "sensor");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(dataType, "dataType");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(componentType, "componentType");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(description, "description");
    }

    /** The same sensor, online or offline. */
    public CatalogSensor withOnline(boolean state) {
        return new CatalogSensor(provider, sensor, type, dataType, unit, component, componentType,
                location, description, state);
    }
}
