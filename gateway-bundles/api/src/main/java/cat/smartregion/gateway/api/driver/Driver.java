package cat.smartregion.gateway.api.driver;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

/**
 * Speaks one protocol. Registered as an OSGi service; the scheduler picks the driver whose
 * {@link #supports(URI)} accepts a device's endpoint, e.g. {@code modbus-tcp://10.0.0.5:502?unit=1}.
 */
public interface Driver {

    /** Whether this driver speaks the protocol of the endpoint's scheme. */
    boolean supports(URI endpoint);

    /**
     * Opens a connection to the endpoint. The connection is used by one thread at a time.
     *
     * @throws IllegalArgumentException when the endpoint URI is malformed for this driver
     * @throws IOException when the endpoint cannot be reached
     */
    Connection connect(URI endpoint) throws IOException;

    /**
     * Opens a connection with the protocol options of the device's profile
     * ({@link cat.smartregion.gateway.api.profile.DeviceProfile#options()}): drivers whose protocol
     * needs them (serial frames, CoAP paths and formats) override this method; for the others a
     * profile with options is a mistake.
     *
     * @throws IllegalArgumentException when the endpoint or the options are malformed for this driver
     * @throws IOException when the endpoint cannot be reached
     */
    default Connection connect(URI endpoint, Map<String, String> options) throws IOException {
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("the " + endpoint.getScheme() + " driver takes no protocol options, got "
                    + options.keySet());
        }
        return connect(endpoint);
    }
}
