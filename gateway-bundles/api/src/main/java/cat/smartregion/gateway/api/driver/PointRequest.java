package cat.smartregion.gateway.api.driver;

import java.util.Objects;

/**
 * A point to read.
 *
 * @param point   point name, echoed in the result
 * @param address address in the protocol's syntax, e.g. {@code input:0x0000} or {@code holding:40001}
 * @param length  size in the protocol's units (16-bit registers for Modbus)
 */
public record PointRequest(String point, String address, int length) {

    public PointRequest {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(address, "address");
        if (length < 1) {
            throw new IllegalArgumentException("point " + point + ": length must be at least 1, got " + length);
        }
    }
}
