package cat.smartregion.gateway.sentilo.internal;

import cat.smartregion.gateway.api.Priority;
import cat.smartregion.gateway.api.device.DeviceConfig;
import cat.smartregion.gateway.api.device.DeviceStatus;
import cat.smartregion.gateway.api.profile.DataType;
import cat.smartregion.gateway.api.profile.Derivation;
import cat.smartregion.gateway.api.profile.DeviceProfile;
import cat.smartregion.gateway.api.profile.PlatformMapping;
import cat.smartregion.gateway.api.profile.PointSpec;
import cat.smartregion.gateway.api.profile.ProfileException;
import cat.smartregion.gateway.api.profile.ProfileLibrary;
import cat.smartregion.gateway.api.profile.Range;
import cat.smartregion.gateway.api.profile.WordOrder;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A device inventory for the tests: installed devices and the profiles of their models, as the core provides them. */
final class Inventories {

    /** A meter model with a voltage in V and an energy register in kWh (canonical unit Wh). */
    static final DeviceProfile METER = new DeviceProfile("test-meter", "Acme", "M1", "modbus", "datasheet", List.of(
            point("voltage", "Phase voltage", "voltage", "V"),
            point("totalActiveEnergyImport", "Imported active energy", "activeEnergy", "kWh")));

    /** The same model after a firmware update that added a frequency point. */
    static final DeviceProfile METER_V2 = new DeviceProfile("test-meter-v2", "Acme", "M1", "modbus", "datasheet",
            List.of(point("voltage", "Phase voltage", "voltage", "V"),
                    point("totalActiveEnergyImport", "Imported active energy", "activeEnergy", "kWh"),
                    point("frequency", "Grid frequency", "frequency", "Hz")));

    /** A weather sensor whose profile maps its points to the platform, with a Celsius spelling of its own. */
    static final DeviceProfile MAPPED = new DeviceProfile("test-mapped", "Acme", "W1", "modbus", "datasheet", List.of(
            mapped(point("temperature", "Air temperature", "temperature", "Cel"),
                    new PlatformMapping("air_temperature", "NUMBER", "°C", "temperature")),
            mapped(point("voltage", "Supply voltage", "voltage", "V"),
                    new PlatformMapping("supply_voltage", "NUMBER", "V", ""))));

    static final ProfileLibrary PROFILES = new ProfileLibrary() {
        @Override
        public List<DeviceProfile> all() {
            return List.of(METER, METER_V2, MAPPED);
        }

        @Override
        public DeviceProfile load(String idOrFile) {
            return all().stream().filter(p -> p.id().equals(idOrFile)).findFirst()
                    .orElseThrow(() -> new ProfileException("unknown profile " + idOrFile));
        }

        @Override
        public void checkInstallation(String device, String profile, Map<String, String> params) {
            load(profile);
        }
    };

    private Inventories() {
    }

    /** An installed device, as the scheduler registers it. */
    record Installed(DeviceConfig config) implements DeviceStatus {
        @Override
        public long polled() {
            return 0;
        }

        @Override
        public long failed() {
            return 0;
        }

        @Override
        public long stored() {
            return 0;
        }

        @Override
        public List<cat.smartregion.gateway.api.Reading> lastReadings() {
            return List.of();
        }

        @Override
        public String lastError() {
            return "";
        }

        @Override
        public boolean stopped() {
            return false;
        }
    }

    static Installed device(String id, String profile, String location) {
        Map<String, String> params = location.isEmpty() ? Map.of() : Map.of("location", location);
        return new Installed(new DeviceConfig(id, profile, URI.create("modbus-tcp://127.0.0.1:1502?unit=1"),
                Duration.ofSeconds(5), params));
    }

    private static PointSpec mapped(PointSpec p, PlatformMapping platform) {
        return new PointSpec(p.name(), p.description(), p.quantity(), p.address(), p.type(), p.order(), p.scale(),
                p.offset(), p.unit(), p.range(), p.priority(), p.length(), p.scaleFactor(), platform, false,
                Derivation.NONE);
    }

    private static PointSpec point(String name, String description, String quantity, String unit) {
        return new PointSpec(name, description, quantity, "input:0x0000", DataType.FLOAT32, WordOrder.ABCD, 1, 0,
                unit, Range.ANY, Priority.SAMPLE);
    }
}
