package cat.smartregion.gateway.api.device;

import cat.smartregion.gateway.api.Reading;
import java.util.List;

/** Live figures of one polled device, registered as a service by the scheduler. */
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
}
