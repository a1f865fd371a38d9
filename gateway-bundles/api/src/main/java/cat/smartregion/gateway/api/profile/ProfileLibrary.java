package cat.smartregion.gateway.api.profile;

import java.util.List;

/** The device profiles this gateway knows. */
public interface ProfileLibrary {

    /** The profiles of the library, sorted by id. */
    List<DeviceProfile> all();

    /**
     * The profile with this id, or the profile in this file when the argument names a file.
     *
     * @throws ProfileException naming the file (and line) when the profile is unknown or invalid
     */
    DeviceProfile load(String idOrFile);
}
