package cat.smartregion.gateway.core.internal.probe;

import cat.smartregion.gateway.api.profile.WordOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One guess at how a device encodes its values: a word order for every point (or the profile's own
 * per-point orders when empty) and a correction multiplying every point's scale.
 *
 * @param order the order every point is decoded with; empty for the profile's own orders
 * @param scale multiplies each point's scale: 10 when the values look 10 times too small
 */
public record Hypothesis(Optional<WordOrder> order, double scale) {

    /** The scale corrections tried, in the order they are tried (a tie goes to the earlier). */
    public static final List<Double> SCALES = List.of(1.0, 10.0, 100.0, 1000.0, 0.1, 0.01, 0.001);

    /** The profile exactly as written. */
    public static final Hypothesis PROFILE = new Hypothesis(Optional.empty(), 1);

    public Hypothesis {
        Objects.requireNonNull(order, "order");
        if (!Double.isFinite(scale) || scale <= 0) {
            throw new IllegalArgumentException("a scale correction must be finite and positive, got " + scale);
        }
    }

    /** Every hypothesis tried, 35: for each scale (x1 first) the profile's own orders, then ABCD, CDAB, BADC, DCBA. */
    public static List<Hypothesis> all() {
        List<Hypothesis> all = new ArrayList<>();
        for (double scale : SCALES) {
            all.add(new Hypothesis(Optional.empty(), scale));
            for (WordOrder order : WordOrder.values()) {
                all.add(new Hypothesis(Optional.of(order), scale));
            }
        }
        return all;
    }

    /** Whether this is the profile as written. */
    public boolean isProfile() {
        return equals(PROFILE);
    }

    /** The order every point is decoded with, or {@code profileOrder} when the hypothesis keeps the profile's. */
    public WordOrder orderFor(WordOrder profileOrder) {
        return order.orElse(profileOrder);
    }

    /** The scale correction as an installer reads it: {@code x1}, {@code x10}, {@code /100}. */
    public String scaleLabel() {
        return scale >= 1 ? "x" + Math.round(scale) : "/" + Math.round(1 / scale);
    }

    /** E.g. {@code CDAB x1}; {@code profileOrders} names the orders the profile itself uses. */
    public String label(String profileOrders) {
        return order.map(WordOrder::name).orElse(profileOrders) + " " + scaleLabel();
    }
}
