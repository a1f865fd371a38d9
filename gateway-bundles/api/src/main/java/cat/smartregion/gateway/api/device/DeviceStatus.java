package cat.smartregion.gateway.api.device;

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

    /** The last failure, e.g. {@code voltageL1: TIMEOUT no answer in 1000 ms}; empty when none. */
    String lastError();
}
