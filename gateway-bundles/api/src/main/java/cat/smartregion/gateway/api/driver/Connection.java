package cat.smartregion.gateway.api.driver;

import java.util.List;

/**
 * An open connection to one endpoint. Not thread-safe: one thread owns it.
 * A device's answer, good or bad, comes back as a status per point; a {@code read} never throws
 * for what a device does. After a point comes back {@link PointStatus#UNREACHABLE} the owner
 * closes the connection and connects again.
 */
public interface Connection extends AutoCloseable {

    /** Reads the points, planning as few requests as the protocol allows; one result per request, same order. */
    List<RawValue> read(List<PointRequest> points);

    @Override
    void close();
}
