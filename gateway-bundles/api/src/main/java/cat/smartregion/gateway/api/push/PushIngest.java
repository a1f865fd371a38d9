package cat.smartregion.gateway.api.push;

import cat.smartregion.gateway.api.device.DeviceConfig;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The core's intake for devices that push. A device pushes when its endpoint is
 * {@code SCHEME:IDENTITY[?QUERY]} with a scheme ending in {@code -push}, e.g.
 * {@code coap-push:sensor-7?keyFile=/etc/smartregion-gateway/keys/sensor-7.psk}: the adapter of
 * that scheme authenticates the device as IDENTITY and hands its records over here. Thread-safe.
 */
@ProviderType
public interface PushIngest {

    /** Whether devices at this endpoint push rather than being polled. */
    static boolean isPush(java.net.URI endpoint) {
        return endpoint.getScheme() != null && endpoint.getScheme().endsWith("-push");
    }

    /** The identity a pushing endpoint names: what follows the scheme, up to the query, decoded ({@code sensor-7}). */
    static String identity(java.net.URI endpoint) {
        String rest = endpoint.getSchemeSpecificPart();
        int query = rest.indexOf('?');
        String identity = query < 0 ? rest : rest.substring(0, query);
        return identity.startsWith("//") ? identity.substring(2) : identity;
    }

    /** The device configured to push as {@code identity} over {@code scheme} (e.g. {@code coap-push}). */
    Optional<DeviceConfig> device(String scheme, String identity);

    /**
     * Decodes the records with the device's profile and stores them, all or none, in one buffer append.
     *
     * @return the number of readings stored (records the profile does not name are left out)
     * @throws PushRefused when nothing was stored, with the reason and a message naming the device and record
     */
    int accept(String scheme, String identity, List<PushedRecord> records) throws PushRefused;
}
