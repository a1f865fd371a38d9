package cat.smartregion.gateway.sentilo.internal;

import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.device.DeviceConfig;
import cat.smartregion.gateway.api.profile.DeviceProfile;
import cat.smartregion.gateway.api.profile.PlatformMapping;
import cat.smartregion.gateway.api.profile.PointSpec;
import cat.smartregion.gateway.api.profile.ProfileException;
import cat.smartregion.gateway.api.profile.ProfileLibrary;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sensors the gateway should have in the catalog: every point of every installed device (its
 * profile from the profile library), and sensors seen only in readings. A point's type, data type and
 * unit are its profile's platform mapping, unless the administrator's type or unit map overrides them;
 * the readings never change them. A point without mapping has the maps' or built-in type and unit
 * until a reading shows the actual unit and data type, which then win. Thread-safe: devices come and go
 * on DS threads, readings on the sync thread.
 */
final class Inventory {

    private static final Logger LOG = LoggerFactory.getLogger(Inventory.class);

    private final UplinkSettings settings;
    private final Map<String, DeviceConfig> devices = new ConcurrentHashMap<>();
    private final Map<String, CatalogEntry> observed = new ConcurrentHashMap<>();
    private volatile Optional<ProfileLibrary> profiles = Optional.empty();
    private volatile String gateway;
    private volatile Map<String, CatalogEntry> declared = Map.of();
    private volatile Set<String> mapped = Set.of();

    Inventory(UplinkSettings settings) {
        this.settings = settings;
        this.gateway = settings.gateway();
    }

    void putDevice(DeviceConfig device) {
        devices.put(device.id(), device);
        recompute();
    }

    void removeDevice(String id) {
        devices.remove(id);
        recompute();
    }

    void profiles(Optional<ProfileLibrary> library) {
        profiles = library;
        recompute();
    }

    /** The sensors of the installed devices, corrected by what their readings showed. */
    Map<String, CatalogEntry> entries() {
        Map<String, CatalogEntry> entries = new LinkedHashMap<>(declared);
        entries.replaceAll((sensor, entry) -> observed.getOrDefault(sensor, entry));
        return entries;
    }

    /** The catalog entry a reading's sensor should have; remembers the unit and data type it shows. */
    CatalogEntry entryFor(Reading reading) {
        if (gateway.isEmpty()) {
            gateway = reading.gateway();
            recompute();
        }
        String sensor = CatalogEntry.sensorId(reading);
        CatalogEntry inventory = declared.get(sensor);
        if (inventory != null && mapped.contains(sensor)) {
            return inventory;
        }
        CatalogEntry entry = inventory != null ? inventory.confirmedBy(reading)
                : CatalogEntry.of(reading, settings, location(reading.device()));
        if (inventory != null && !entry.equals(inventory)) {
            observed.put(sensor, entry);
        }
        return entry;
    }

    /** Where a device is, {@code "latitude longitude"}; empty when not configured. */
    String location(String device) {
        DeviceConfig config = devices.get(device);
        return config == null ? "" : config.location().orElse("");
    }

    private synchronized void recompute() {
        Map<String, CatalogEntry> entries = new LinkedHashMap<>();
        Set<String> fromProfiles = new HashSet<>();
        Optional<ProfileLibrary> library = profiles;
        if (library.isPresent() && !gateway.isEmpty()) {
            devices.values().forEach(device -> profile(library.get(), device).ifPresent(profile ->
                    profile.points().forEach(point -> {
                        CatalogEntry e = entry(device, point);
                        entries.put(e.sensor(), e);
                        if (!point.platform().isEmpty()) {
                            fromProfiles.add(e.sensor());
                        }
                    })));
        }
        mapped = Set.copyOf(fromProfiles);
        declared = Map.copyOf(entries);
    }

    private static Optional<DeviceProfile> profile(ProfileLibrary library, DeviceConfig device) {
        try {
            return Optional.of(library.load(device.profile()));
        } catch (ProfileException e) {
            LOG.warn("device {}: profile {} not usable for the Sentilo catalog: {}", device.id(), device.profile(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    private CatalogEntry entry(DeviceConfig device, PointSpec point) {
        String description = point.description().isBlank() ? point.name() : point.description();
        PlatformMapping platform = point.platform();
        String type = platform.isEmpty() ? settings.typeFor(point.name(), point.quantity())
                : settings.typeOverride(point.name(), point.quantity()).orElse(platform.sentiloType());
        String unit = platform.isEmpty() ? settings.unitOf(point.quantity()).orElse(point.unit())
                : settings.unitOverride(point.quantity()).orElse(platform.sentiloUnit());
        return new CatalogEntry(CatalogEntry.sensorId(device.id(), point.name()), type,
                platform.isEmpty() ? "NUMBER" : platform.sentiloDataType(), unit,
                CatalogEntry.componentId(gateway, device.id()), settings.componentType(),
                device.location().orElse(""), description + " of " + device.id());
    }
}
