package cat.smartregion.gateway.core.internal.device;

import cat.smartregion.gateway.api.driver.PointRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which points a cycle reads. Every point is read every device interval unless it has its own
 * interval, a multiple of the device's; cycles fall on multiples of the device interval, so a
 * point of interval k·i is read in the cycles on multiples of k·i, together with the others due
 * then, and the driver reads each block once per cycle. A point whose period passed without a
 * cycle (missed, or skipped by the breaker) is read in the next one. Confined to the line thread.
 */
final class PointSchedule {

    private final long deviceMs;
    private final Map<String, Long> pointMs;
    private final Map<String, Long> lastPeriod = new HashMap<>();

    /**
     * @throws IllegalArgumentException when a point interval is not a positive multiple of the device interval
     */
    PointSchedule(Duration device, Map<String, Duration> points) {
        this.deviceMs = device.toMillis();
        Map<String, Long> ms = new HashMap<>();
        points.forEach((point, interval) -> {
            long p = interval.toMillis();
            if (p < deviceMs || p % deviceMs != 0) {
                throw new IllegalArgumentException("point " + point + ": interval " + p + " ms must be a multiple of the device's "
                        + deviceMs + " ms");
            }
            ms.put(point, p);
        });
        this.pointMs = Map.copyOf(ms);
    }

    /** The points due in the cycle at {@code cycleTime} (UTC ms), in the given order; they count as read. */
    List<PointRequest> due(List<PointRequest> all, long cycleTime) {
        if (pointMs.isEmpty()) {
            return all;
        }
        return all.stream().filter(p -> take(p.point(), cycleTime)).toList();
    }

    private boolean take(String point, long cycleTime) {
        Long every = pointMs.get(point);
        if (every == null) {
            return true;
        }
        long period = Math.floorDiv(cycleTime, every);
        Long last = lastPeriod.get(point);
        if (last != null && last >= period) {
            return false;
        }
        lastPeriod.put(point, period);
        return true;
    }

    /** The point intervals configured, by point name. */
    Map<String, Long> pointIntervals() {
        return pointMs;
    }
}
