package cat.smartregion.gateway.buffer.internal;

import static cat.smartregion.gateway.buffer.internal.Fixtures.givenBuffer;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cat.smartregion.gateway.api.Priority;
import cat.smartregion.gateway.api.Quality;
import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoundTripTest {

    @TempDir
    Path dir;

    private static final List<Value> VALUES = List.of(
            Value.of(0.0), Value.of(-0.0), Value.of(1.0), Value.of(-1.0), Value.of(230.1), Value.of(0.1),
            Value.of(-12.345), Value.of(1.2345678), Value.of(0.123456789), Value.of(Math.PI),
            Value.of(1e-300), Value.of(Double.MIN_VALUE), Value.of(Double.MAX_VALUE), Value.of(-Double.MAX_VALUE),
            Value.of(9_007_199_254_740_993.0), Value.of(123_456_789_012.5), Value.of(4.9e15),
            Value.of(true), Value.of(false),
            Value.of(""), Value.of("OK"), Value.of("123"), Value.of("1.50"), Value.of("true"),
            Value.of("falla de fase: L2 — ñ, ç, 水"));

    @Test
    void everyValueKindAndQualityComesBackExactly() {
        List<Reading> input = new ArrayList<>();
        long time = ClockStamp.PLAUSIBLE_FLOOR + 5;
        for (Quality quality : Quality.values()) {
            for (Value value : VALUES) {
                input.add(new Reading("diba-vic", "gw-7", "meter-" + input.size() % 4, "p" + input.size() % 5,
                        "q" + quality.ordinal(), value, input.size() % 2 == 0 ? "Wh" : "/", time, quality,
                        Priority.values()[input.size() % Priority.values().length], 0));
                time += 100_000_000_000L / VALUES.size();
            }
        }
        List<Reading> stored;
        try (SqliteBuffer buffer = givenBuffer(dir)) {
            stored = buffer.append(input);
            assertEquals(stored, buffer.claim(10_000, Long.MAX_VALUE).readings());
        }
        try (SqliteBuffer buffer = givenBuffer(dir)) {
            List<Reading> reread = buffer.claim(10_000, Long.MAX_VALUE).readings();
            assertEquals(stored, reread);
            for (int i = 0; i < reread.size(); i++) {
                assertEquals(input.get(i).withSeq(i + 1), reread.get(i));
                assertSameBits(input.get(i).value(), reread.get(i).value());
            }
        }
    }

    private static void assertSameBits(Value expected, Value actual) {
        if (expected instanceof Value.Number number) {
            assertEquals(Double.doubleToRawLongBits(number.value()),
                    Double.doubleToRawLongBits(((Value.Number) actual).value()), expected.text());
        }
    }
}
