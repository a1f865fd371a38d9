package cat.smartregion.gateway.core.internal.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.Priority;
import cat.smartregion.gateway.api.Value;
import cat.smartregion.gateway.api.Quality;
import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.api.profile.DataType;
import cat.smartregion.gateway.api.profile.PointSpec;
import cat.smartregion.gateway.api.profile.Range;
import cat.smartregion.gateway.api.profile.WordOrder;
import org.junit.jupiter.api.Test;

/** Register bytes as they come on the wire, one comment per value, for every type and word order. */
class DecoderTest {

    private static final long NOW = 1_800_000_000_000L; // 2027-01-15, clock synchronised

    private static PointSpec spec(DataType type, WordOrder order) {
        return spec(type, order, 1, 0, "ratio", "/", Range.ANY);
    }

    private static PointSpec spec(DataType type, WordOrder order, double scale, double offset,
                                  String quantity, String unit, Range range) {
        return new PointSpec("p", "test point", quantity, "input:0x0000", type, order, scale, offset, unit, range,
                Priority.SAMPLE);
    }

    private static double value(DataType type, WordOrder order, int... wire) {
        return number(new Decoder(spec(type, order)).decode(bytes(wire), NOW)).number();
    }

    private static Decoded.Number number(Decoded decoded) {
        return assertInstanceOf(Decoded.Number.class, decoded);
    }

    private static byte[] bytes(int... wire) {
        byte[] b = new byte[wire.length];
        for (int i = 0; i < wire.length; i++) {
            b[i] = (byte) wire[i];
        }
        return b;
    }

    @Test
    void float32InEveryWordOrder() {
        // 230.5f = 0x43668000: A=43 B=66 C=80 D=00
        assertEquals(230.5, value(DataType.FLOAT32, WordOrder.ABCD, 0x43, 0x66, 0x80, 0x00));
        // CDAB: low word 80 00 first, then high word 43 66
        assertEquals(230.5, value(DataType.FLOAT32, WordOrder.CDAB, 0x80, 0x00, 0x43, 0x66));
        // BADC: words in order, bytes swapped in each: 66 43 | 00 80
        assertEquals(230.5, value(DataType.FLOAT32, WordOrder.BADC, 0x66, 0x43, 0x00, 0x80));
        // DCBA: little-endian
        assertEquals(230.5, value(DataType.FLOAT32, WordOrder.DCBA, 0x00, 0x80, 0x66, 0x43));
    }

    @Test
    void int16AndUint16() {
        // -2 = 0xFFFE; one register, so CDAB equals ABCD and DCBA equals BADC
        assertEquals(-2, value(DataType.INT16, WordOrder.ABCD, 0xFF, 0xFE));
        assertEquals(-2, value(DataType.INT16, WordOrder.CDAB, 0xFF, 0xFE));
        assertEquals(-2, value(DataType.INT16, WordOrder.BADC, 0xFE, 0xFF));
        assertEquals(-2, value(DataType.INT16, WordOrder.DCBA, 0xFE, 0xFF));
        // the same bytes unsigned: 65534
        assertEquals(65534, value(DataType.UINT16, WordOrder.ABCD, 0xFF, 0xFE));
        assertEquals(65534, value(DataType.UINT16, WordOrder.CDAB, 0xFF, 0xFE));
        assertEquals(65534, value(DataType.UINT16, WordOrder.BADC, 0xFE, 0xFF));
        assertEquals(65534, value(DataType.UINT16, WordOrder.DCBA, 0xFE, 0xFF));
    }

    @Test
    void int32InEveryWordOrder() {
        // -123456 = 0xFFFE1DC0: A=FF B=FE C=1D D=C0
        assertEquals(-123456, value(DataType.INT32, WordOrder.ABCD, 0xFF, 0xFE, 0x1D, 0xC0));
        assertEquals(-123456, value(DataType.INT32, WordOrder.CDAB, 0x1D, 0xC0, 0xFF, 0xFE));
        assertEquals(-123456, value(DataType.INT32, WordOrder.BADC, 0xFE, 0xFF, 0xC0, 0x1D));
        assertEquals(-123456, value(DataType.INT32, WordOrder.DCBA, 0xC0, 0x1D, 0xFE, 0xFF));
    }

    @Test
    void uint32InEveryWordOrder() {
        // 4000000000 = 0xEE6B2800: above Integer.MAX_VALUE, must stay positive
        assertEquals(4_000_000_000.0, value(DataType.UINT32, WordOrder.ABCD, 0xEE, 0x6B, 0x28, 0x00));
        assertEquals(4_000_000_000.0, value(DataType.UINT32, WordOrder.CDAB, 0x28, 0x00, 0xEE, 0x6B));
        assertEquals(4_000_000_000.0, value(DataType.UINT32, WordOrder.BADC, 0x6B, 0xEE, 0x00, 0x28));
        assertEquals(4_000_000_000.0, value(DataType.UINT32, WordOrder.DCBA, 0x00, 0x28, 0x6B, 0xEE));
    }

    @Test
    void int64InEveryWordOrder() {
        // 0x0102030405060708 = 72623859790382856; words W1=0102 W2=0304 W3=0506 W4=0708
        double expected = 72623859790382856.0;
        assertEquals(expected, value(DataType.INT64, WordOrder.ABCD, 1, 2, 3, 4, 5, 6, 7, 8));
        // CDAB: words in reverse order W4 W3 W2 W1
        assertEquals(expected, value(DataType.INT64, WordOrder.CDAB, 7, 8, 5, 6, 3, 4, 1, 2));
        // BADC: words in order, bytes swapped in each
        assertEquals(expected, value(DataType.INT64, WordOrder.BADC, 2, 1, 4, 3, 6, 5, 8, 7));
        // DCBA: little-endian
        assertEquals(expected, value(DataType.INT64, WordOrder.DCBA, 8, 7, 6, 5, 4, 3, 2, 1));
        // -2 = 0xFFFFFFFFFFFFFFFE
        assertEquals(-2, value(DataType.INT64, WordOrder.ABCD, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE));
    }

    @Test
    void uint64InEveryWordOrder() {
        // 0xFFFFFFFFFFFFFFFE = 18446744073709551614, above Long.MAX_VALUE
        double expected = 18446744073709551614.0;
        int[] abcd = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE};
        assertEquals(expected, value(DataType.UINT64, WordOrder.ABCD, abcd));
        assertEquals(expected, value(DataType.UINT64, WordOrder.CDAB, 0xFF, 0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF));
        assertEquals(expected, value(DataType.UINT64, WordOrder.BADC, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE, 0xFF));
        assertEquals(expected, value(DataType.UINT64, WordOrder.DCBA, 0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF));
        // 0x0102030405060708 unsigned is the same as signed
        assertEquals(72623859790382856.0, value(DataType.UINT64, WordOrder.ABCD, 1, 2, 3, 4, 5, 6, 7, 8));
    }

    @Test
    void float64InEveryWordOrder() {
        // 230.5 = 0x406CD00000000000: W1=406C W2=D000 W3=0000 W4=0000
        assertEquals(230.5, value(DataType.FLOAT64, WordOrder.ABCD, 0x40, 0x6C, 0xD0, 0, 0, 0, 0, 0));
        assertEquals(230.5, value(DataType.FLOAT64, WordOrder.CDAB, 0, 0, 0, 0, 0xD0, 0, 0x40, 0x6C));
        assertEquals(230.5, value(DataType.FLOAT64, WordOrder.BADC, 0x6C, 0x40, 0, 0xD0, 0, 0, 0, 0));
        assertEquals(230.5, value(DataType.FLOAT64, WordOrder.DCBA, 0, 0, 0, 0, 0, 0xD0, 0x6C, 0x40));
    }

    @Test
    void scaleThenOffset() {
        // 2305 = 0x0901, scale 0.1 -> 230.5 V
        PointSpec volts = spec(DataType.UINT16, WordOrder.ABCD, 0.1, 0, "voltage", "V", Range.ANY);
        assertEquals(230.5, number(new Decoder(volts).decode(bytes(0x09, 0x01), NOW)).number(), 1e-9);
        // 500 = 0x01F4, scale 0.1, offset -40 -> 10 Cel
        PointSpec temp = spec(DataType.INT16, WordOrder.ABCD, 0.1, -40, "temperature", "degC", Range.ANY);
        assertEquals(10.0, number(new Decoder(temp).decode(bytes(0x01, 0xF4), NOW)).number(), 1e-9);
    }

    @Test
    void convertsToTheCanonicalUnit() {
        // 1.5f = 0x3FC00000 kWh -> 1500 Wh
        PointSpec energy = spec(DataType.FLOAT32, WordOrder.ABCD, 1, 0, "activeEnergy", "kWh", Range.ANY);
        Decoder decoder = new Decoder(energy);
        assertEquals("Wh", decoder.unit());
        assertEquals(1500.0, number(decoder.decode(bytes(0x3F, 0xC0, 0, 0), NOW)).number());
        // 2931 = 0x0B73, scale 0.1 -> 293.1 K -> 19.95 Cel
        PointSpec kelvin = spec(DataType.UINT16, WordOrder.ABCD, 0.1, 0, "temperature", "K", Range.ANY);
        assertEquals(19.95, number(new Decoder(kelvin).decode(bytes(0x0B, 0x73), NOW)).number(), 1e-9);
        // 1013 = 0x03F5 hPa -> 101300 Pa
        PointSpec pressure = spec(DataType.UINT16, WordOrder.ABCD, 1, 0, "pressure", "hPa", Range.ANY);
        assertEquals(101300.0, number(new Decoder(pressure).decode(bytes(0x03, 0xF5), NOW)).number());
    }

    @Test
    void rangeIsCheckedInTheCanonicalUnitAndTheValueKept() {
        // the device says kV; range is in V. 0.3f = 0x3E99999A kV -> ~300 V, above 265
        PointSpec volts = spec(DataType.FLOAT32, WordOrder.ABCD, 1, 0, "voltage", "kV", new Range(180, 265));
        Decoded.Number high = number(new Decoder(volts).decode(bytes(0x3E, 0x99, 0x99, 0x9A), NOW));
        assertEquals(Quality.OUT_OF_RANGE, high.quality());
        assertEquals(300.0, high.number(), 1e-3);
        // 0.23f = 0x3E6B851F kV -> 230 V, inside
        Decoded.Number good = number(new Decoder(volts).decode(bytes(0x3E, 0x6B, 0x85, 0x1F), NOW));
        assertEquals(Quality.GOOD, good.quality());
    }

    @Test
    void aTimeBefore2020IsFlagged() {
        Decoder decoder = new Decoder(spec(DataType.UINT16, WordOrder.ABCD));
        // 1 = 0x0001, read at 2019-12-31T23:59:59.999Z
        assertEquals(Quality.CLOCK_UNSYNCHRONISED,
                number(decoder.decode(bytes(0, 1), Decoder.CLOCK_FLOOR - 1)).quality());
        assertEquals(Quality.GOOD, number(decoder.decode(bytes(0, 1), Decoder.CLOCK_FLOOR)).quality());
    }

    @Test
    void notANumberIsAFailureOfThePoint() {
        Decoder decoder = new Decoder(spec(DataType.FLOAT32, WordOrder.ABCD));
        // 0x7FC00000 = NaN, 0x7F800000 = +infinity
        for (byte[] wire : new byte[][] {bytes(0x7F, 0xC0, 0, 0), bytes(0x7F, 0x80, 0, 0)}) {
            Decoded.Failure failure = assertInstanceOf(Decoded.Failure.class, decoder.decode(wire, NOW));
            assertEquals(PointStatus.BAD_FRAME, failure.status());
        }
    }

    @Test
    void wrongLengthIsAFailure() {
        Decoder decoder = new Decoder(spec(DataType.FLOAT32, WordOrder.ABCD));
        Decoded.Failure failure = assertInstanceOf(Decoded.Failure.class, decoder.decode(bytes(0x43, 0x66), NOW));
        assertEquals("expected 4 bytes for FLOAT32, got 2", failure.detail());
    }

    @Test
    void aFloat32KeepsOnlyTheDigitsItHas() {
        // 230.1f = 0x4366199A, whose exact binary value is 230.1000061035156
        assertEquals(230.1, value(DataType.FLOAT32, WordOrder.ABCD, 0x43, 0x66, 0x19, 0x9A));
    }

    @Test
    void scalingLeavesNoBinaryNoise() {
        // 2301 = 0x08FD at scale 0.1: 230.1, not 230.10000000000002
        PointSpec tenths = spec(DataType.UINT16, WordOrder.ABCD, 0.1, 0, "voltage", "V", Range.ANY);
        assertEquals(230.1, number(new Decoder(tenths).decode(bytes(0x08, 0xFD), NOW)).number());
        // 42060.973f kWh = 0x47244CF9 becomes 42060973 Wh, not 42060972.65625
        PointSpec energy = spec(DataType.FLOAT32, WordOrder.ABCD, 1, 0, "activeEnergy", "kWh", Range.ANY);
        assertEquals(42_060_973, number(new Decoder(energy).decode(bytes(0x47, 0x24, 0x4C, 0xF9), NOW)).number());
    }

    private static PointSpec special(DataType type, WordOrder order, String address, int length, String scaleFactor) {
        return new PointSpec("p", "test point", type.numeric() ? "activePower" : "state", address, type, order, 1, 0,
                type.numeric() ? "W" : "", Range.ANY, Priority.STATE, length, scaleFactor);
    }

    @Test
    void bitsOfCoilsAndOfRegisters() {
        Decoder coil = new Decoder(special(DataType.BIT, WordOrder.ABCD, "coil:3", 1, ""));
        assertEquals(Value.of(true), good(coil.decode(bytes(0x01), NOW)).value());   // one packed coil: on
        assertEquals(Value.of(false), good(coil.decode(bytes(0x00), NOW)).value());
        Decoder bit9 = new Decoder(special(DataType.BIT, WordOrder.ABCD, "holding:100.9", 1, ""));
        assertEquals(Value.of(true), good(bit9.decode(bytes(0x02, 0x00), NOW)).value()); // 0x0200: bit 9 set
        assertEquals(Value.of(false), good(bit9.decode(bytes(0x00, 0x02), NOW)).value());
        Decoder swapped = new Decoder(special(DataType.BIT, WordOrder.BADC, "holding:100.9", 1, ""));
        assertEquals(Value.of(true), good(swapped.decode(bytes(0x00, 0x02), NOW)).value(), "bytes swapped on the wire");
        assertEquals("", coil.unit());
    }

    @Test
    void stringsEndAtTheirPadding() {
        Decoder text = new Decoder(special(DataType.STRING, WordOrder.ABCD, "holding:40004", 4, ""));
        // "Fron" "iu" then NUL padding: two characters per register, first in the high byte
        assertEquals(Value.of("Froniu"), good(text.decode(bytes('F', 'r', 'o', 'n', 'i', 'u', 0, 0), NOW)).value());
        assertEquals(Value.of("AB"), good(text.decode(bytes('A', 'B', ' ', ' ', ' ', ' ', ' ', ' '), NOW)).value());
        Decoder swapped = new Decoder(special(DataType.STRING, WordOrder.BADC, "holding:40004", 4, ""));
        assertEquals(Value.of("Froniu"), good(swapped.decode(bytes('r', 'F', 'n', 'o', 'u', 'i', 0, 0), NOW)).value());
        assertInstanceOf(Decoded.Failure.class, text.decode(bytes('A', 'B'), NOW), "a string of 4 registers needs 8 bytes");
    }

    @Test
    void aScaleFactorRegisterScalesByAPowerOfTen() {
        Decoder power = new Decoder(special(DataType.INT16, WordOrder.ABCD, "holding:40083", 1, "holding:40084"));
        assertEquals(1234.5, number(power.decode(bytes(0x30, 0x39), bytes(0xFF, 0xFF), NOW)).number()); // 12345 x 10^-1
        assertEquals(1_234_500.0, number(power.decode(bytes(0x30, 0x39), bytes(0x00, 0x02), NOW)).number()); // x 10^2
        assertEquals(12345.0, number(power.decode(bytes(0x30, 0x39), NOW)).number(), "no factor: 10^0");
        Decoded notImplemented = power.decode(bytes(0x30, 0x39), bytes(0x80, 0x00), NOW);
        assertTrue(assertInstanceOf(Decoded.Failure.class, notImplemented).detail().contains("not implemented"));
    }

    private static Decoded.Good good(Decoded decoded) {
        return assertInstanceOf(Decoded.Good.class, decoded);
    }

    @Test
    void aDecimalIsTheNumberItsTextSays() {
        // "63.2" as a sound level meter prints it on its serial line
        PointSpec level = spec(DataType.DECIMAL, WordOrder.ABCD, 1, 0, "soundLevel", "dB", Range.ANY);
        assertEquals(63.2, number(new Decoder(level).decode(bytes(0x36, 0x33, 0x2E, 0x32), NOW)).number());
        // " 1.5e3 " with blanks around it, in mV, becomes 1.5 V
        PointSpec volts = spec(DataType.DECIMAL, WordOrder.ABCD, 1, 0, "voltage", "mV", Range.ANY);
        assertEquals(1.5, number(new Decoder(volts).decode(" 1.5e3 ".getBytes(java.nio.charset.StandardCharsets.US_ASCII), NOW)).number());
        // "6x.2" is a broken frame, not a reading
        Decoded broken = new Decoder(level).decode(bytes(0x36, 0x78, 0x2E, 0x32), NOW);
        assertEquals(PointStatus.BAD_FRAME, assertInstanceOf(Decoded.Failure.class, broken).status());
    }
}
