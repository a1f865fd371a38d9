package cat.smartregion.gateway.api.profile;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/** The device profiles this gateway knows. */
@ProviderType
public interface ProfileLibrary {

    /** The profiles of the library, sorted by id. */
    List<DeviceProfile> all();

    /**
     * The profile with this id, or the profile in this file when the argument names a file.
     *
     * @throws ProfileException naming the file (and line) when the profile is unknown or invalid
     */
    DeviceProfile load(String idOrFile);

    /**
     * Checks a device's per-installation parameters ({@code ctRatio}, {@code scale}, {@code emptyDistance}, ...)
     * against its profile, as the poller will apply them.
     *
     * @param device  the device id, for messages
     * @param profile the profile id or file
     * @param params  the device's parameters
     * @throws ProfileException naming the device and the parameter, or the profile's problem
     */
    void checkInstallation(String device, String profile, Map<String, String> params);
}
