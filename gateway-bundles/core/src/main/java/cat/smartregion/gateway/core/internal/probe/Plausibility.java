package cat.smartregion.gateway.core.internal.probe;

import cat.smartregion.gateway.api.profile.PointSpec;
import cat.smartregion.gateway.api.profile.Range;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * How plausible one decoded value is for its point, from 0 (impossible) to 1.
 * <ul>
 *   <li>No number (a decoding failure, NaN, infinity), a magnitude above 10^15, or a value outside the
 *       point's range: 0.</li>
 *   <li>Inside the range: 0.5 + 0.5 × closeness, closeness from 0 to 1:
 *     <ul>
 *       <li>zero: 1 (every hypothesis decodes zero alike);</li>
 *       <li>a quantity with a typical value inside the range (voltage 230 V, frequency 50 Hz,
 *           relative humidity 50 %RH): 1 at the typical value, falling linearly with the distance in
 *           decades to 0 at 100 times off (23 V or 2300 V score 0.5);</li>
 *       <li>otherwise: 1 down to a floor nine decades below the range's largest bound (for [0, 100] A,
 *           1e-7 A), then falling to 0 six decades below the floor. The centre of a wide range such as
 *           [0, 1e12] Wh says nothing about a meter's count, so only magnitudes no device shows
 *           (a word-swapped float's 1e-41) are penalised. A range above zero needs no floor.</li>
 *     </ul></li>
 * </ul>
 */
final class Plausibility {

    /** Larger magnitudes come from wrongly ordered bytes, never from a meter. */
    static final double ABSURD = 1e15;

    private static final Map<String, Double> TYPICAL = Map.of("voltage", 230.0, "frequency", 50.0,
            "relativeHumidity", 50.0);
    private static final double DECADES_TO_TYPICAL = 2;
    private static final double FLOOR_DECADES = 9;
    private static final double FADE_DECADES = 6;
    /** The floor of a range open below or above, in the canonical unit. */
    private static final double OPEN_FLOOR = 1e-6;

    private Plausibility() {
    }

    static double score(PointSpec point, OptionalDouble value) {
        if (!inRange(point, value)) {
            return 0;
        }
        return 0.5 + 0.5 * closeness(point, value.getAsDouble());
    }

    /** Whether there is a finite, not absurd value inside the point's range. */
    static boolean inRange(PointSpec point, OptionalDouble value) {
        if (value.isEmpty()) {
            return false;
        }
        double v = value.getAsDouble();
        return Double.isFinite(v) && Math.abs(v) <= ABSURD && point.range().contains(v);
    }

    static double closeness(PointSpec point, double value) {
        if (value == 0) {
            return 1;
        }
        double magnitude = Math.abs(value);
        Double typical = TYPICAL.get(point.quantity());
        if (typical != null && point.range().contains(typical)) {
            return Math.max(0, 1 - Math.abs(Math.log10(magnitude / typical)) / DECADES_TO_TYPICAL);
        }
        double below = Math.log10(floor(point.range()) / magnitude);
        return below <= 0 ? 1 : Math.max(0, 1 - below / FADE_DECADES);
    }

    /**
     * How well a point tells hypotheses apart, lower is better: 0 a quantity with a typical value in
     * its range, 1 a range away from zero, 2 another bounded range, 3 a range open on a side.
     */
    static int telling(PointSpec point) {
        Range range = point.range();
        Double typical = TYPICAL.get(point.quantity());
        if (typical != null && range.contains(typical)) {
            return 0;
        }
        if (range.min() > 0 || range.max() < 0) {
            return 1;
        }
        return Double.isInfinite(range.min()) || Double.isInfinite(range.max()) ? 3 : 2;
    }

    /** The smallest magnitude that scores fully in the range. */
    static double floor(Range range) {
        if (range.min() > 0) {
            return range.min();
        }
        if (range.max() < 0) {
            return -range.max();
        }
        if (Double.isInfinite(range.min()) || Double.isInfinite(range.max())) {
            return OPEN_FLOOR;
        }
        double top = Math.max(Math.abs(range.min()), Math.abs(range.max()));
        return top * Math.pow(10, -FLOOR_DECADES);
    }
}
