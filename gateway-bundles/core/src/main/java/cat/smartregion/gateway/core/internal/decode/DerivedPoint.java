package cat.smartregion.gateway.core.internal.decode;

import cat.smartregion.gateway.api.Quality;
import cat.smartregion.gateway.api.profile.PointSpec;
import java.util.function.DoubleUnaryOperator;

/**
 * A point computed from its source's reading of the same cycle: a filling level from a distance, or a
 * quantity counted in pulses. The result goes through the point's own unit conversion and range check
 * like a decoded value; a good result of a flagged source keeps the source's flag.
 */
public final class DerivedPoint {

    private final Decoder decoder;
    private final DoubleUnaryOperator formula;

    private DerivedPoint(PointSpec spec, DoubleUnaryOperator formula) {
        this.decoder = new Decoder(spec);
        this.formula = formula;
    }

    /** (empty - distance) / (empty - full), 0 empty to 1 full; distances in metres. */
    static DerivedPoint fillingLevel(PointSpec spec, double emptyMetres, double fullMetres) {
        return new DerivedPoint(spec, distance -> (emptyMetres - distance) / (emptyMetres - fullMetres));
    }

    /** The source's count divided by the pulses per unit of the point's unit. */
    static DerivedPoint pulses(PointSpec spec, double pulsesPerUnit) {
        return new DerivedPoint(spec, count -> count / pulsesPerUnit);
    }

    public PointSpec spec() {
        return decoder.spec();
    }

    /** The point it is computed from. */
    public String source() {
        return decoder.spec().derivation().source();
    }

    /** The canonical unit of its readings. */
    public String unit() {
        return decoder.unit();
    }

    /** The point's value from its source's decoded number (canonical unit) of a reading taken at {@code time}. */
    public Decoded derive(Decoded.Number source, long time) {
        Decoded result = decoder.normalize(formula.applyAsDouble(source.number()), time);
        if (result instanceof Decoded.Number n && n.quality() == Quality.GOOD && source.quality() != Quality.GOOD) {
            return new Decoded.Number(n.number(), source.quality());
        }
        return result;
    }
}
