package cat.smartregion.gateway.buffer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cat.smartregion.gateway.api.Quality;
import cat.smartregion.gateway.api.Value;
import org.junit.jupiter.api.Test;

class ValueCodecTest {

    @Test
    void decimalsAreStoredAsSmallScaledIntegers() {
        assertEncoded(new ValueCodec.Encoded(1 << 3, 2301L), Value.of(230.1), Quality.GOOD);
        assertEncoded(new ValueCodec.Encoded(0, 230L), Value.of(230.0), Quality.GOOD);
        assertEncoded(new ValueCodec.Encoded(3 << 3 | 1, -12345L), Value.of(-12.345), Quality.OUT_OF_RANGE);
    }

    @Test
    void goodIntegralReadingsHaveFlagsZero() {
        assertEncoded(new ValueCodec.Encoded(0, 0L), Value.of(0.0), Quality.GOOD);
    }

    @Test
    void numbersWithoutShortDecimalFormStayReal() {
        assertEncoded(new ValueCodec.Encoded(8 << 3, Math.PI), Value.of(Math.PI), Quality.GOOD);
        assertEncoded(new ValueCodec.Encoded(8 << 3, -0.0), Value.of(-0.0), Quality.GOOD);
        assertEncoded(new ValueCodec.Encoded(8 << 3, 1e300), Value.of(1e300), Quality.GOOD);
    }

    @Test
    void boolsAndTextsKeepTheirKind() {
        assertEncoded(new ValueCodec.Encoded(9 << 3 | 2, 1L), Value.of(true), Quality.CLOCK_UNSYNCHRONISED);
        assertEncoded(new ValueCodec.Encoded(9 << 3, 0L), Value.of(false), Quality.GOOD);
        assertEncoded(new ValueCodec.Encoded(10 << 3, "230.1"), Value.of("230.1"), Quality.GOOD);
    }

    @Test
    void flagsStayBelowOneByte() {
        for (Quality quality : Quality.values()) {
            for (Value value : new Value[] {Value.of(0.1234567), Value.of(Math.E), Value.of(true), Value.of("x")}) {
                int flags = ValueCodec.encode(value, quality).flags();
                assertEquals(true, flags >= 0 && flags < 128, value + " " + quality + " " + flags);
            }
        }
    }

    private static void assertEncoded(ValueCodec.Encoded expected, Value value, Quality quality) {
        ValueCodec.Encoded encoded = ValueCodec.encode(value, quality);
        assertEquals(expected, encoded);
        assertEquals(value, ValueCodec.decodeValue(encoded.flags(), encoded.value()));
        assertEquals(quality, ValueCodec.decodeQuality(encoded.flags()));
    }
}
