package cat.smartregion.gateway.api.device;

import org.osgi.annotation.versioning.ProviderType;

/**
 * On-site help for a device that reads wrong values ({@code gateway read --probe}): reads every point
 * of its profile once and ranks byte/word orders and scale corrections by how plausible the decoded
 * values are against the profile's ranges. Registered as a service by the core.
 */
@ProviderType
public interface DeviceProbe {

    /**
     * Reads the device once and ranks the hypotheses.
     *
     * @return the ranking as one JSON object: {@code device}, {@code profile}, {@code endpoint},
     *         {@code failures}, {@code keyPoints}, {@code profileRank}, {@code profileFirst},
     *         {@code hypotheses} (best first, each with {@code rank}, {@code label}, {@code order},
     *         {@code scale}, {@code profile} (whether it is the profile's own setting), {@code score},
     *         {@code inRange}, {@code points}, {@code samples}) and a {@code verdict}
     * @throws cat.smartregion.gateway.api.profile.ProfileException when the profile is unknown or invalid
     * @throws IllegalArgumentException when no driver speaks the endpoint's protocol
     */
    String rankJson(DeviceConfig device);
}
