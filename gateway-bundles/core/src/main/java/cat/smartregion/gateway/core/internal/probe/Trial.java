package cat.smartregion.gateway.core.internal.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The points decoded under one hypothesis and how plausible they look.
 *
 * @param hypothesis the hypothesis
 * @param label      how an installer reads it, e.g. {@code CDAB x1}
 * @param same       labels of the hypotheses that decode to exactly the same values (16-bit values read
 *                   alike in ABCD and CDAB), ranked with this one
 * @param score      mean plausibility of the points, 0 to 1
 * @param inRange    points with a value inside their range
 * @param points     points probed
 * @param values     each point's value in its canonical unit; a point that gave no number is missing
 */
public record Trial(Hypothesis hypothesis, String label, List<String> same, double score, int inRange, int points,
                    Map<String, Double> values) {

    public Trial {
        Objects.requireNonNull(hypothesis, "hypothesis");
        Objects.requireNonNull(label, "label");
        same = List.copyOf(same);
        values = Map.copyOf(values);
        if (score < 0 || score > 1 || inRange < 0 || inRange > points) {
            throw new IllegalArgumentException("a trial needs a score in 0..1 and 0..points in range, got " + score
                    + " and " + inRange + "/" + points);
        }
    }

    /** The point's value under this hypothesis, empty when it gave no number. */
    public OptionalDouble value(String point) {
        Double v = values.get(point);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** This trial, also standing for the hypotheses labelled {@code more}. */
    Trial standingFor(List<String> more) {
        List<String> all = new ArrayList<>(same);
        all.addAll(more);
        return new Trial(hypothesis, label, all, score, inRange, points, values);
    }
}
