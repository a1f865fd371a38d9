package cat.smartregion.gateway.console.internal;

import cat.smartregion.gateway.api.device.DeviceConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Hashtable;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Saves a device added in the console: {@code <config-dir>/devices/<id>.yaml}, written atomically,
 * and the device's factory configuration so that it polls at once.
 */
final class DeviceFiles {

    static final String FACTORY_PID = "cat.smartregion.gateway.device";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;
    private final ConfigurationAdmin configAdmin;

    DeviceFiles(Path folder, ConfigurationAdmin configAdmin) {
        this.folder = folder;
        this.configAdmin = configAdmin;
    }

    /** The device's file. */
    Path file(String id) {
        return folder.resolve(id + ".yaml");
    }

    /**
     * Writes the file and the configuration.
     *
     * @throws IllegalStateException when a device with this id exists already
     * @throws IOException when the file or the configuration cannot be written
     */
    void save(DeviceConfig device) throws IOException {
        Path file = file(device.id());
        if (Files.exists(file)) {
            throw new IllegalStateException("a device named " + device.id() + " exists already (" + file + ")");
        }
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "." + device.id(), ".tmp");
        try {
            Files.writeString(temp, yaml(device), StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        Configuration configuration = configAdmin.getFactoryConfiguration(FACTORY_PID, device.id(), "?");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("id", device.id());
        properties.put("profile", device.profile());
        properties.put("endpoint", device.endpoint().toString());
        properties.put("interval.ms", device.interval().toMillis());
        configuration.update(properties);
    }

    static String yaml(DeviceConfig device) throws JsonProcessingException {
        // YAML reads JSON strings as double-quoted scalars.
        return "id: " + JSON.writeValueAsString(device.id()) + "\n"
                + "profile: " + JSON.writeValueAsString(device.profile()) + "\n"
                + "endpoint: " + JSON.writeValueAsString(device.endpoint().toString()) + "\n"
                + "interval: " + device.interval().toMillis() + "ms\n";
    }
}
