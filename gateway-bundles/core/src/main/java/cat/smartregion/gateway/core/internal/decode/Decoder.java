package cat.smartregion.gateway.core.internal.decode;

import cat.smartregion.gateway.api.Quality;
import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.api.profile.DataType;
import cat.smartregion.gateway.api.profile.PointSpec;
import cat.smartregion.gateway.api.profile.ProfileException;
import cat.smartregion.gateway.core.internal.quantity.Quantities;
import cat.smartregion.gateway.core.internal.quantity.UnitConversion;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Decodes one point's raw bytes: data type and word order, then scale and offset, then conversion
 * to the canonical unit of the quantity, then the range check. A value outside the range is kept
 * and flagged {@link Quality#OUT_OF_RANGE}; a time before 2020 flags {@link Quality#CLOCK_UNSYNCHRONISED}
 * (the range flag wins when both apply). A NaN or infinite value is a failure of the point.
 */
public final class Decoder {

    private static final MathContext SIGNIFICANT = new MathContext(15);

    /** 2020-01-01T00:00:00Z: a gateway clock earlier than this has not been set. */
    public static final long CLOCK_FLOOR = 1_577_836_800_000L;

    private final PointSpec spec;
    private final UnitConversion conversion;
    private final String unit;

    /** @throws ProfileException when a numeric point's quantity or unit is not in the quantity table */
    public Decoder(PointSpec spec) {
        this.spec = spec;
        if (!spec.type().numeric()) {
            this.unit = "";
            this.conversion = new UnitConversion(1, 0);
            return;
        }
        this.unit = Quantities.canonicalUnit(spec.quantity()).orElseThrow(() ->
                new ProfileException("point " + spec.name() + ": unknown quantity '" + spec.quantity() + "'"));
        this.conversion = Quantities.conversion(spec.quantity(), spec.unit()).orElseThrow(() -> new ProfileException(
                "point " + spec.name() + ": unit '" + spec.unit() + "' does not convert to " + unit));
    }

    public PointSpec spec() {
        return spec;
    }

    /** The canonical unit of the decoded values. */
    public String unit() {
        return unit;
    }

    /** Decodes the wire bytes of a reading taken at {@code time} (UTC ms). */
    public Decoded decode(byte[] wire, long time) {
        return decode(wire, new byte[] {0, 0}, time);
    }

    /**
     * Decodes the wire bytes of a reading taken at {@code time} (UTC ms), scaled by 10 to the power
     * of the signed 16-bit {@code scaleFactor} read with it (SunSpec; 0x8000 means not implemented).
     */
    public Decoded decode(byte[] wire, byte[] scaleFactor, long time) {
        DataType type = spec.type();
        if (!type.numeric()) {
            return NonNumeric.decode(spec, wire, time < CLOCK_FLOOR ? Quality.CLOCK_UNSYNCHRONISED : Quality.GOOD);
        }
        if (type == DataType.DECIMAL) {
            return decimal(wire, time);
        }
        if (wire.length != type.bytes()) {
            return new Decoded.Failure(PointStatus.BAD_FRAME, "expected " + type.bytes() + " bytes for "
                    + type + ", got " + wire.length);
        }
        if (scaleFactor.length != 2) {
            return new Decoded.Failure(PointStatus.BAD_FRAME, "expected 2 bytes for the scale factor, got " + scaleFactor.length);
        }
        int exponent = (int) number(WireOrder.toBigEndian(scaleFactor, spec.order()), DataType.INT16);
        if (exponent == Short.MIN_VALUE || Math.abs(exponent) > 20) {
            return new Decoded.Failure(PointStatus.BAD_FRAME, "scale factor " + exponent + " at " + spec.scaleFactor()
                    + (exponent == Short.MIN_VALUE ? " means not implemented" : " outside -20..20"));
        }
        return normalized(number(WireOrder.toBigEndian(wire, spec.order()), type), exponent, time);
    }

    /**
     * A value computed in the point's unit rather than read (a derived point): unit conversion and range
     * check as for a decoded value.
     */
    public Decoded normalize(double value, long time) {
        return normalized(Double.isFinite(value) ? withoutBinaryNoise(value) : value, 0, time);
    }

    /** A number the device wrote as text, e.g. a serial line's {@code LAeq=63.2} capture. */
    private Decoded decimal(byte[] wire, long time) {
        String text = new String(wire, StandardCharsets.US_ASCII).strip();
        try {
            return normalized(Double.parseDouble(text), 0, time);
        } catch (NumberFormatException e) {
            return new Decoded.Failure(PointStatus.BAD_FRAME, "'" + text + "' is not a number");
        }
    }

    /** Scale factor, scale, offset and unit conversion, then the range check. */
    private Decoded normalized(double raw, int exponent, long time) {
        double scaled = exponent == 0 ? raw : new BigDecimal(raw).scaleByPowerOfTen(exponent).doubleValue();
        double value = conversion.apply(scaled * spec.scale() + spec.offset());
        if (!Double.isFinite(value)) {
            return new Decoded.Failure(PointStatus.BAD_FRAME, "the device sent a value that is not a number: " + raw);
        }
        if (value != raw) {
            value = withoutBinaryNoise(value);
        }
        return new Decoded.Number(value, quality(value, time));
    }

    private Quality quality(double value, long time) {
        if (!spec.range().contains(value)) {
            return Quality.OUT_OF_RANGE;
        }
        return time < CLOCK_FLOOR ? Quality.CLOCK_UNSYNCHRONISED : Quality.GOOD;
    }

    /**
     * The number the bytes encode; a float32 becomes the double of its shortest decimal form
     * (228.76208, not 228.7620849609375), so that no digits are invented.
     */
    static double number(byte[] bigEndian, DataType type) {
        ByteBuffer b = ByteBuffer.wrap(bigEndian);
        return switch (type) {
            case INT16 -> b.getShort();
            case UINT16 -> Short.toUnsignedInt(b.getShort());
            case INT32 -> b.getInt();
            case UINT32 -> Integer.toUnsignedLong(b.getInt());
            case INT64 -> b.getLong();
            case UINT64 -> unsigned(b.getLong());
            case FLOAT32 -> Double.parseDouble(Float.toString(b.getFloat()));
            case FLOAT64 -> b.getDouble();
            case BIT, STRING, DECIMAL -> throw new IllegalArgumentException(type + " is not a binary number");
        };
    }

    /**
     * Rounds to 15 significant digits, which a double always holds exactly: scaling and unit
     * conversion leave no binary noise (2301 * 0.1 is 230.1, not 230.10000000000002), and
     * integers up to 10^15 stay exact.
     */
    static double withoutBinaryNoise(double value) {
        return value == 0 ? 0 : new BigDecimal(value).round(SIGNIFICANT).doubleValue();
    }

    private static double unsigned(long bits) {
        double high = (double) (bits >>> 1) * 2.0;
        return high + (bits & 1);
    }
}
