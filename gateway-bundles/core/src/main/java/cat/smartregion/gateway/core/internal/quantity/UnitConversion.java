package cat.smartregion.gateway.core.internal.quantity;

/** Converts a value in a device's unit to the canonical unit: {@code canonical = value * factor + offset}. */
public record UnitConversion(double factor, double offset) {

    public static final UnitConversion IDENTITY = new UnitConversion(1, 0);

    public UnitConversion {
        if (!Double.isFinite(factor) || factor == 0 || !Double.isFinite(offset)) {
            throw new IllegalArgumentException("conversion needs a finite non-zero factor and a finite offset");
        }
    }

    static UnitConversion times(double factor) {
        return new UnitConversion(factor, 0);
    }

    public double apply(double value) {
        return value * factor + offset;
    }
}
