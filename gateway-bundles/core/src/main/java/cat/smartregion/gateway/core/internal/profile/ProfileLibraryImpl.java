package cat.smartregion.gateway.core.internal.profile;

import cat.smartregion.gateway.api.profile.DeviceProfile;
import cat.smartregion.gateway.api.profile.ProfileException;
import cat.smartregion.gateway.api.profile.ProfileLibrary;
import cat.smartregion.gateway.core.internal.decode.Installation;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The profiles of one directory ({@code *.yaml}), loaded at activation. A bad file is reported once
 * at WARN and skipped; the others load. {@link #load} also takes a path to a {@code .yaml} file.
 */
@Component(service = ProfileLibrary.class, configurationPid = ProfileLibraryImpl.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ProfileLibraryImpl.Config.class)
public final class ProfileLibraryImpl implements ProfileLibrary {

    static final String PID = "cat.smartregion.gateway.profiles";
    private static final Logger LOG = LoggerFactory.getLogger(ProfileLibraryImpl.class);

    /** Configuration of the profile library. */
    @ObjectClassDefinition(name = "Gateway device profiles", description = "Where the device profiles are")
    public @interface Config {

        @AttributeDefinition(description = "Directory of the *.yaml device profiles, relative to the working directory")
        String directory() default "profiles";
    }

    private final ProfileLoader loader = new ProfileLoader();
    private final Path directory;
    private final Map<String, DeviceProfile> byId;

    @Activate
    public ProfileLibraryImpl(Config config) {
        this(Path.of(config.directory()));
    }

    /** A library of the profiles in {@code directory}, loaded now. */
    public ProfileLibraryImpl(Path directory) {
        this.directory = directory;
        this.byId = loadAll(directory);
        LOG.info("Profile library {}: {} profiles {}", directory.toAbsolutePath(), byId.size(), byId.keySet());
    }

    @Override
    public List<DeviceProfile> all() {
        return List.copyOf(byId.values());
    }

    @Override
    public void checkInstallation(String device, String profile, Map<String, String> params) {
        Installation.of(device, params, load(profile));
    }

    @Override
    public DeviceProfile load(String idOrFile) {
        DeviceProfile profile = byId.get(idOrFile);
        if (profile != null) {
            return profile;
        }
        if (idOrFile.endsWith(".yaml") || idOrFile.endsWith(".yml")) {
            return loader.load(Path.of(idOrFile));
        }
        throw new ProfileException("unknown profile '" + idOrFile + "': not in " + directory.toAbsolutePath()
                + " (known: " + String.join(", ", byId.keySet()) + ") and not a .yaml file");
    }

    private Map<String, DeviceProfile> loadAll(Path dir) {
        Map<String, DeviceProfile> profiles = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            LOG.warn("Profile directory {} does not exist: no profiles loaded", dir.toAbsolutePath());
            return profiles;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.yaml")) {
            for (Path file : sortedPaths(files)) {
                loadInto(profiles, file);
            }
        } catch (IOException e) {
            LOG.warn("Cannot list profile directory {}: {}", dir.toAbsolutePath(), e.toString());
        }
        return profiles;
    }

    private void loadInto(Map<String, DeviceProfile> profiles, Path file) {
        try {
            DeviceProfile profile = loader.load(file);
            DeviceProfile earlier = profiles.putIfAbsent(profile.id(), profile);
            if (earlier != null) {
                LOG.warn("Profile {} skipped: id '{}' already loaded from another file", file, profile.id());
            }
        } catch (ProfileException e) {
            LOG.warn("Profile skipped: {}", e.getMessage());
        }
    }

    private static List<Path> sortedPaths(DirectoryStream<Path> files) {
        List<Path> list = new ArrayList<>();
        files.forEach(list::add);
        list.sort(null);
        return list;
    }
}
