package cat.smartregion.gateway.driver.serial.internal;

import cat.smartregion.gateway.api.driver.PointRequest;
import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.api.driver.RawValue;
import java.util.Arrays;

/**
 * A checked binary frame; a point's address is {@code offset:N}, its raw value the
 * {@code 2 × length} bytes from offset N (the core decodes them by type and byte order).
 */
final class BinaryFrame implements Frame {

    private final byte[] bytes;

    BinaryFrame(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    @Override
    public RawValue value(PointRequest point) {
        int offset;
        try {
            offset = offset(point.address());
        } catch (IllegalArgumentException e) {
            return RawValue.failed(point.point(), PointStatus.BAD_FRAME, e.getMessage());
        }
        int size = point.length() * 2;
        if (offset + size > bytes.length) {
            return RawValue.failed(point.point(), PointStatus.BAD_FRAME, "bytes " + offset + "-" + (offset + size - 1)
                    + " lie beyond the frame of " + bytes.length + " bytes");
        }
        return RawValue.ok(point.point(), Arrays.copyOfRange(bytes, offset, offset + size));
    }

    /** The N of {@code offset:N}. */
    static int offset(String address) {
        if (!address.startsWith("offset:")) {
            throw new IllegalArgumentException("a binary frame's point address is offset:N, got '" + address + "'");
        }
        try {
            int offset = Integer.decode(address.substring("offset:".length()).trim());
            if (offset < 0) {
                throw new IllegalArgumentException("offset must not be negative in '" + address + "'");
            }
            return offset;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a binary frame's point address is offset:N, got '" + address + "'", e);
        }
    }
}
