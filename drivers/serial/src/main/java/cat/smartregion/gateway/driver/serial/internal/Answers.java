package cat.smartregion.gateway.driver.serial.internal;

import cat.smartregion.gateway.api.driver.PointRequest;
import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.api.driver.RawValue;
import java.util.List;

/** One raw value per point from a frame, or the same failure for every point. */
final class Answers {

    private Answers() {
    }

    static List<RawValue> of(List<PointRequest> points, Frame frame) {
        return points.stream().map(frame::value).toList();
    }

    static List<RawValue> failed(List<PointRequest> points, PointStatus status, String detail) {
        return points.stream().map(p -> RawValue.failed(p.point(), status, detail)).toList();
    }
}
