package cat.smartregion.gateway.launcher;

import cat.smartregion.gateway.api.device.DeviceConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.TypeConversionException;

/**
 * The gateway's configuration folder: {@code gateway.yaml} (identity, buffer, uplink),
 * {@code devices/<id>.yaml} (one device a file) and {@code secrets/} (0700, files 0600).
 * Read and checked as a whole; every error names the file, line and column.
 */
record ConfigFolder(Path dir) {

    static final String DEFAULT = "/etc/smartregion-gateway";
    static final String DEFAULT_STATE = "/var/lib/smartregion-gateway";

    ConfigFolder {
        dir = dir.toAbsolutePath().normalize();
    }

    static ConfigFolder of(Path dir) {
        return new ConfigFolder(dir == null ? Paths.get(DEFAULT) : dir);
    }

    Path gatewayFile() {
        return dir.resolve("gateway.yaml");
    }

    Path devices() {
        return dir.resolve("devices");
    }

    Path secrets() {
        return dir.resolve("secrets");
    }

    Path deviceFile(String id) {
        return devices().resolve(id + ".yaml");
    }

    /**
     * gateway.yaml and every device file, checked as a whole as the components would check them.
     *
     * @throws GatewayFile.ConfigException naming the file (and line and column) of the first error
     */
    GatewayFile load() throws GatewayFile.ConfigException {
        GatewayFile base = gatewayYaml();
        if (base.tenant() == null || (base.sentilo() == null && base.mqtt() == null)) {
            throw new GatewayFile.ConfigException(gatewayFile() + ": the gateway is not enrolled yet: run "
                    + "`gateway enroll --config-dir " + dir + " --tenant TENANT ...` (see gateway enroll --help)");
        }
        List<GatewayFile.Device> devices = new ArrayList<>();
        for (Path file : deviceFiles()) {
            devices.add(device(file));
        }
        GatewayFile whole = base.withDevices(devices);
        whole.check(gatewayFile());
        return whole;
    }

    /** gateway.yaml as written, without the whole-folder checks. */
    GatewayFile gatewayYaml() throws GatewayFile.ConfigException {
        if (!Files.isRegularFile(gatewayFile())) {
            throw new GatewayFile.ConfigException(gatewayFile() + ": no such file: run `gateway init --config-dir " + dir + "` first");
        }
        return GatewayFile.parse(gatewayFile(), GatewayFile.class);
    }

    /** The device files, sorted by name; temporary and hidden files left out. */
    List<Path> deviceFiles() throws GatewayFile.ConfigException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(devices())) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(devices(), "*.yaml")) {
            stream.forEach(p -> {
                if (!p.getFileName().toString().startsWith(".")) {
                    files.add(p);
                }
            });
        } catch (IOException e) {
            throw new GatewayFile.ConfigException(devices() + ": cannot list: " + e.getMessage());
        }
        files.sort(null);
        return files;
    }

    /** One device file, checked alone: its id must be its file name. */
    static GatewayFile.Device device(Path file) throws GatewayFile.ConfigException {
        GatewayFile.Device d = GatewayFile.parse(file, GatewayFile.Device.class);
        String name = file.getFileName().toString();
        if (!name.equals(d.id() + ".yaml")) {
            throw new GatewayFile.ConfigException(file + ": the device id '" + d.id() + "' must be the file's name ("
                    + name.substring(0, name.length() - ".yaml".length()) + ")");
        }
        String problem = problem(d);
        if (problem != null) {
            throw new GatewayFile.ConfigException(file + ": " + problem);
        }
        return d;
    }

    /** What is wrong with the device as the gateway's components would see it, or null. */
    static String problem(GatewayFile.Device d) {
        try {
            new DeviceConfig(d.id(), d.profile(), URI.create(d.endpoint()), GatewayFile.interval(d), d.params());
            d.configuration();
        } catch (IllegalArgumentException | TypeConversionException e) {
            return e.getMessage();
        }
        for (String key : d.params().keySet()) {
            if (!key.matches("[A-Za-z][A-Za-z0-9_.]{0,63}")) {
                return "parameter name '" + key + "' must start with a letter, then A-Z a-z 0-9 _ .";
            }
        }
        String location = d.params().get("location");
        if (location != null && !location.matches("-?\\d{1,2}(\\.\\d+)? -?\\d{1,3}(\\.\\d+)?")) {
            return "location must be 'latitude longitude' in degrees, e.g. '41.47 2.08', got '" + location + "'";
        }
        return null;
    }

    /** The state folder (buffer, status): the buffer's folder. */
    Path stateFolder(GatewayFile file) {
        return dir.resolve(file.buffer().path()).getParent();
    }
}
