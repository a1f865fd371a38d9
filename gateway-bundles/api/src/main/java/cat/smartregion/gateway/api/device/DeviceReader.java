package cat.smartregion.gateway.api.device;

/** Reads a device once through its driver and profile, e.g. for an installer on site. */
public interface DeviceReader {

    /**
     * Connects, reads every point of the device's profile, decodes and disconnects.
     *
     * @throws cat.smartregion.gateway.api.profile.ProfileException when the profile is unknown or invalid
     * @throws IllegalArgumentException when no driver speaks the endpoint's protocol
     */
    ReadResult read(DeviceConfig device);
}
