package cat.smartregion.gateway.api.profile;

/** Plausible values of a point, in the canonical unit, bounds included. */
public record Range(double min, double max) {

    public static final Range ANY = new Range(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    public Range {
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new IllegalArgumentException("range needs min <= max, got " + min + ".." + max);
        }
    }

    public boolean contains(double value) {
        return value >= min && value <= max;
    }
}
