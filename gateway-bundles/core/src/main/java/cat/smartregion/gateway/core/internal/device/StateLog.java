package cat.smartregion.gateway.core.internal.device;

import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.device.ReadResult;
import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.api.driver.RawValue;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a device's troubles once per change of state, not every cycle: a point that starts failing
 * (WARN), a point that answers again (INFO), the whole device unreachable or back, other problems
 * (profile, driver, buffer) when they appear and when they clear. Confined to the poller thread.
 */
final class StateLog {

    private static final Logger LOG = LoggerFactory.getLogger(DevicePoller.class);

    private final String device;
    private final Map<String, PointStatus> failing = new HashMap<>();
    private final Map<String, String> problems = new HashMap<>();
    private boolean unreachable;

    StateLog(String device) {
        this.device = device;
    }

    void result(ReadResult result) {
        boolean allUnreachable = result.readings().isEmpty() && !result.failures().isEmpty()
                && result.failures().stream().allMatch(f -> f.status() == PointStatus.UNREACHABLE);
        if (allUnreachable) {
            if (!unreachable) {
                LOG.warn("Device {} unreachable: {}", device, result.failures().get(0).detail());
            }
            unreachable = true;
            return;
        }
        if (unreachable) {
            LOG.info("Device {} reachable again", device);
            unreachable = false;
        }
        for (RawValue failure : result.failures()) {
            if (failing.put(failure.point(), failure.status()) != failure.status()) {
                LOG.warn("Device {} point {}: {} {}", device, failure.point(), failure.status(), failure.detail());
            }
        }
        for (Reading reading : result.readings()) {
            if (failing.remove(reading.point()) != null) {
                LOG.info("Device {} point {} answers again", device, reading.point());
            }
        }
    }

    /** A problem of a kind ({@code profile}, {@code driver}, {@code buffer}, ...); logged when it appears. */
    void problem(String kind, String message) {
        if (problems.put(kind, message) == null) {
            LOG.warn("Device {}: {}: {}", device, kind, message);
        }
    }

    void cleared(String kind) {
        if (problems.remove(kind) != null) {
            LOG.info("Device {}: {} problem cleared", device, kind);
        }
    }
}
