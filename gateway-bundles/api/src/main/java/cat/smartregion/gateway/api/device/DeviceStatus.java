package cat.smartregion.gateway.api.device;

import cat.smartregion.gateway.api.Reading;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** Live figures of one polled device, registered as a service by the scheduler. */
@ProviderType
public interface DeviceStatus {

    /** The device as configured: id, profile, endpoint, interval. */
    DeviceConfig config();

    /** Points read successfully since start. */
    long polled();

    /** Points that failed since start. */
    long failed();

    /** Readings stored in the buffer since start. */
    long stored();

    /** The newest reading of each point that has answered, by point name; empty before the first answer. */
    List<Reading> lastReadings();

    /** The last failure, e.g. {@code voltageL1: TIMEOUT no answer in 1000 ms}; empty when none. */
    String lastError();

    /**
     * True once the device has stopped for good: its running cycle, if any, has ended and it stores
     * nothing more. The service is unregistered before that, so a caller that must count every
     * stored reading (e.g. to drain the buffer) keeps the object and waits for this.
     */
    boolean stopped();
}
