package cat.smartregion.gateway.launcher;

import cat.smartregion.gateway.api.device.DeviceConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Function;
import org.osgi.framework.Constants;
import org.osgi.framework.Filter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The core's probe ({@code gateway read --probe}): a {@code Function<DeviceConfig, String>} service with
 * the property {@code gateway.tool=probe} that reads a device once and answers its ranking of byte/word
 * orders and scales as JSON. Only JDK and api types cross, so the core exports nothing for it.
 */
final class DeviceProbeService {

    private static final String FILTER = "(&(" + Constants.OBJECTCLASS + "=" + Function.class.getName()
            + ")(gateway.tool=probe))";

    private DeviceProbeService() {
    }

    /**
     * Probes the device; the JSON of the core's {@code ProbeJson}.
     *
     * @throws IOException when the probe service does not start in time
     * @throws cat.smartregion.gateway.api.profile.ProfileException when the profile is unknown or invalid
     * @throws IllegalArgumentException when no driver speaks the endpoint's protocol
     */
    static String probe(GatewayRuntime runtime, DeviceConfig device, Duration timeout) throws IOException {
        ServiceTracker<Object, Object> tracker = new ServiceTracker<>(runtime.context(), filter(runtime), null);
        tracker.open();
        try {
            Object service = tracker.waitForService(timeout.toMillis());
            if (service == null) {
                throw new IOException("the gateway's probe service did not start within " + timeout.toSeconds() + " s: "
                        + runtime.diagnose());
            }
            @SuppressWarnings("unchecked")
            Function<DeviceConfig, String> probe = (Function<DeviceConfig, String>) service;
            return probe.apply(device);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the probe service", e);
        } finally {
            tracker.close();
        }
    }

    private static Filter filter(GatewayRuntime runtime) {
        try {
            return runtime.context().createFilter(FILTER);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(FILTER + " is not a filter", e);
        }
    }
}
