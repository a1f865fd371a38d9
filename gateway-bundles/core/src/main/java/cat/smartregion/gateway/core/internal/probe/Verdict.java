package cat.smartregion.gateway.core.internal.probe;

import cat.smartregion.gateway.api.profile.WordOrder;
import java.math.BigDecimal;

/** The one line an installer acts on: keep the profile, or which order and scale to set. */
final class Verdict {

    private Verdict() {
    }

    static String of(Ranking ranking) {
        Trial profile = ranking.profile();
        if (ranking.profileFirst()) {
            return "the profile's settings are the most plausible (" + profile.label() + ", " + profile.inRange()
                    + " of " + profile.points() + " points in range)";
        }
        Hypothesis best = ranking.best().hypothesis();
        if (best.order().isEmpty()) {
            return "the meter's values look " + times(best.scale()) + ": " + scaleAdvice(best.scale());
        }
        WordOrder order = best.order().get();
        String looks = "the meter looks " + describe(order) + " (" + order + ")";
        if (best.scale() == 1) {
            return looks + ": set order: " + order;
        }
        return looks + " and its values " + times(best.scale()) + ": set order: " + order + " and "
                + scaleAdvice(best.scale());
    }

    static String describe(WordOrder order) {
        return switch (order) {
            case ABCD -> "big-endian";
            case CDAB -> "word-swapped";
            case BADC -> "byte-swapped";
            case DCBA -> "little-endian";
        };
    }

    /** {@code 10 times too small} for a correction of x10. */
    private static String times(double scale) {
        return factor(scale) + " times too " + (scale > 1 ? "small" : "large");
    }

    private static String scaleAdvice(double scale) {
        return (scale > 1 ? "multiply" : "divide") + " each point's scale by " + factor(scale)
                + " (device parameter scale: " + BigDecimal.valueOf(scale).stripTrailingZeros().toPlainString() + ")";
    }

    private static long factor(double scale) {
        return Math.round(scale >= 1 ? scale : 1 / scale);
    }
}
