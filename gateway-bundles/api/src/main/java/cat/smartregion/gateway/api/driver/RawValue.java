package cat.smartregion.gateway.api.driver;

import java.util.Arrays;
import java.util.Objects;

/**
 * The raw answer for one point: its bytes as they came on the wire when the status is OK.
 *
 * @param point         point name
 * @param status        what the device answered
 * @param data          raw bytes in wire order; empty unless OK
 * @param exceptionCode protocol exception code when the status is EXCEPTION, otherwise 0
 * @param detail        human explanation of a failure, empty when OK
 */
public record RawValue(String point, PointStatus status, byte[] data, int exceptionCode, String detail) {

    public RawValue {
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        data = data.clone();
    }

    public static RawValue ok(String point, byte[] data) {
        return new RawValue(point, PointStatus.OK, data, 0, "");
    }

    public static RawValue failed(String point, PointStatus status, String detail) {
        return new RawValue(point, status, new byte[0], 0, detail);
    }

    public static RawValue exception(String point, int code, String detail) {
        return new RawValue(point, PointStatus.EXCEPTION, new byte[0], code, detail);
    }

    public boolean isOk() {
        return status == PointStatus.OK;
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawValue r && point.equals(r.point) && status == r.status
                && Arrays.equals(data, r.data) && exceptionCode == r.exceptionCode && detail.equals(r.detail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(point, status, Arrays.hashCode(data), exceptionCode, detail);
    }

    @Override
    public String toString() {
        return "RawValue[" + point + " " + status + (isOk() ? " " + data.length + " bytes" : " " + detail) + "]";
    }
}
