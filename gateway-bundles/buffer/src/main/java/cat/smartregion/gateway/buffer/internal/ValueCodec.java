package cat.smartregion.gateway.buffer.internal;

import cat.smartregion.gateway.api.Quality;
import cat.smartregion.gateway.api.Value;

/**
 * Packs a reading's value and quality into two small columns: {@code flags} (value kind and
 * quality, under 128 so SQLite stores it in one byte or none) and {@code value}.
 * A number with at most {@value #MAX_SCALE} decimals is stored as a scaled integer
 * (230.1 becomes 2301 with scale 1, two bytes instead of eight), any other number as a REAL;
 * both come back bit for bit.
 */
final class ValueCodec {

    static final int MAX_SCALE = 7;
    /** Quality code of a reading taken before the clock was synchronised, time not corrected (yet). */
    static final int UNSYNCHRONISED = 2;
    /** Quality code of such a reading whose time the buffer corrected; reads as CLOCK_UNSYNCHRONISED. */
    static final int CORRECTED = 3;
    static final int KIND_REAL = 8;
    static final int KIND_BOOL = 9;
    private static final int KIND_TEXT = 10;
    private static final long MAX_EXACT = 1L << 53;
    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7};

    /** A value as stored: the flags column and the value column (a Long, Double or String). */
    record Encoded(int flags, Object value) {
    }

    private ValueCodec() {
    }

    static Encoded encode(Value value, Quality quality) {
        int q = qualityCode(quality);
        if (value instanceof Value.Bool bool) {
            return new Encoded(KIND_BOOL << 3 | q, bool.value() ? 1L : 0L);
        }
        if (value instanceof Value.Text text) {
            return new Encoded(KIND_TEXT << 3 | q, text.value());
        }
        double number = ((Value.Number) value).value();
        for (int scale = 0; scale <= MAX_SCALE; scale++) {
            long scaled = Math.round(number * POW10[scale]);
            if (Math.abs(scaled) < MAX_EXACT && sameBits(scaled / POW10[scale], number)) {
                return new Encoded(scale << 3 | q, scaled);
            }
        }
        return new Encoded(KIND_REAL << 3 | q, number);
    }

    /** The value from its flags and the stored column as JDBC gives it (a Number or a String). */
    static Value decodeValue(int flags, Object stored) {
        int kind = flags >>> 3;
        if (kind <= MAX_SCALE) {
            return Value.of(((Number) stored).longValue() / POW10[kind]);
        }
        return switch (kind) {
            case KIND_REAL -> Value.of(((Number) stored).doubleValue());
            case KIND_BOOL -> Value.of(((Number) stored).longValue() != 0);
            case KIND_TEXT -> Value.of((String) stored);
            default -> throw new IllegalStateException("unknown value kind " + kind);
        };
    }

    static Quality decodeQuality(int flags) {
        return switch (flags & 7) {
            case 0 -> Quality.GOOD;
            case 1 -> Quality.OUT_OF_RANGE;
            case UNSYNCHRONISED, CORRECTED -> Quality.CLOCK_UNSYNCHRONISED;
            default -> throw new IllegalStateException("unknown quality code " + (flags & 7));
        };
    }

    /** The flags with the quality code replaced by {@link #CORRECTED}. */
    static int corrected(int flags) {
        return flags & ~7 | CORRECTED;
    }

    private static int qualityCode(Quality quality) {
        return switch (quality) {
            case GOOD -> 0;
            case OUT_OF_RANGE -> 1;
            case CLOCK_UNSYNCHRONISED -> UNSYNCHRONISED;
        };
    }

    private static boolean sameBits(double a, double b) {
        return Double.doubleToRawLongBits(a) == Double.doubleToRawLongBits(b);
    }
}
