package cat.smartregion.gateway.core.internal.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.Priority;
import cat.smartregion.gateway.api.profile.DataType;
import cat.smartregion.gateway.api.profile.PointSpec;
import cat.smartregion.gateway.api.profile.Range;
import cat.smartregion.gateway.api.profile.WordOrder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The ranking of hypotheses on register bytes as they come on the wire, one comment per value. */
class RankingTest {

    static final long NOW = 1_800_000_000_000L;

    static PointSpec point(String name, String quantity, DataType type, double scale, String unit, Range range) {
        return new PointSpec(name, name, quantity, "input:0x0000", type, WordOrder.ABCD, scale, 0, unit, range,
                Priority.SAMPLE);
    }

    static final PointSpec VOLTAGE = point("voltage", "voltage", DataType.FLOAT32, 1, "V", new Range(180, 265));
    static final PointSpec FREQUENCY = point("frequency", "frequency", DataType.FLOAT32, 1, "Hz", new Range(45, 55));
    static final PointSpec CURRENT = point("current", "current", DataType.FLOAT32, 1, "A", new Range(0, 100));
    static final PointSpec ENERGY = point("energy", "activeEnergy", DataType.FLOAT32, 1, "Wh", new Range(0, 1e12));

    static byte[] bytes(int... wire) {
        byte[] b = new byte[wire.length];
        for (int i = 0; i < wire.length; i++) {
            b[i] = (byte) wire[i];
        }
        return b;
    }

    /** An SDM630-like meter sending its float32 values low word first. */
    static List<Sample> wordSwappedMeter() {
        return List.of(
                new Sample(VOLTAGE, bytes(0x80, 0x00, 0x43, 0x66)),   // 230.5f = 43 66 80 00, words swapped
                new Sample(FREQUENCY, bytes(0x00, 0x00, 0x42, 0x48)), // 50.0f = 42 48 00 00
                new Sample(CURRENT, bytes(0x00, 0x00, 0x40, 0xA8)),   // 5.25f = 40 A8 00 00
                new Sample(ENERGY, bytes(0xE6, 0x00, 0x46, 0x40)));   // 12345.5f = 46 40 E6 00
    }

    @Test
    void aWordSwappedMeterRanksCdabFirstAndTheProfileFarBehind() {
        Ranking ranking = Ranking.of(wordSwappedMeter(), NOW);

        Trial best = ranking.best();
        assertEquals(new Hypothesis(Optional.of(WordOrder.CDAB), 1), best.hypothesis());
        assertEquals(4, best.inRange());
        assertEquals(230.5, best.value("voltage").getAsDouble());
        assertEquals(12345.5, best.value("energy").getAsDouble());
        assertTrue(best.score() > 0.99, "every value in range and the voltage near 230 V: " + best.score());
        // Read as ABCD: the voltage 80 00 43 66 is -2.4e-41 and the frequency 2.4e-41 (out of range), the
        // current 2.3e-41 A (in [0, 100] but 34 decades below its floor: 0.5) and the energy -1.5e23 (absurd).
        Trial profile = ranking.profile();
        assertEquals(1, profile.inRange());
        assertEquals(0.125, profile.score(), 1e-9);
        assertFalse(ranking.profileFirst());
        assertEquals("the meter looks word-swapped (CDAB): set order: CDAB", Verdict.of(ranking));
    }

    @Test
    void aCorrectMeterRanksTheProfileFirst() {
        Ranking ranking = Ranking.of(List.of(
                new Sample(VOLTAGE, bytes(0x43, 0x66, 0x80, 0x00)),   // 230.5 V
                new Sample(FREQUENCY, bytes(0x42, 0x48, 0x00, 0x00)), // 50.0 Hz
                new Sample(CURRENT, bytes(0x40, 0xA8, 0x00, 0x00)),   // 5.25 A
                new Sample(ENERGY, bytes(0x46, 0x40, 0xE6, 0x00))),   // 12345.5 Wh
                NOW);

        assertTrue(ranking.best().hypothesis().isProfile());
        assertEquals("ABCD x1", ranking.best().label());
        assertEquals(1, ranking.profileRank());
        assertTrue(ranking.profileFirst());
        assertEquals("the profile's settings are the most plausible (ABCD x1, 4 of 4 points in range)", Verdict.of(ranking));
        assertEquals(List.of("voltage", "frequency", "current", "energy"), ranking.keyPoints());
    }

    @Test
    void aMeterSendingVoltsWhereTheProfileExpectsDecivoltsNeedsTimesTen() {
        PointSpec decivolts = point("voltage", "voltage", DataType.UINT16, 0.1, "V", new Range(180, 265));
        PointSpec centihertz = point("frequency", "frequency", DataType.UINT16, 0.01, "Hz", new Range(45, 55));
        Ranking ranking = Ranking.of(List.of(
                new Sample(decivolts, bytes(0x00, 0xE7)),   // 231: the profile reads 23.1 V
                new Sample(centihertz, bytes(0x01, 0xF4))), // 500: the profile reads 5.00 Hz
                NOW);

        assertEquals(new Hypothesis(Optional.empty(), 10), ranking.best().hypothesis());
        assertEquals(231, ranking.best().value("voltage").getAsDouble());
        assertEquals(50, ranking.best().value("frequency").getAsDouble());
        assertEquals("the meter's values look 10 times too small: multiply each point's scale by 10 "
                + "(device parameter scale: 10)", Verdict.of(ranking));
    }

    @Test
    void aWordSwappedMeterInDecivoltsNeedsBothCorrections() {
        Ranking ranking = Ranking.of(List.of(
                new Sample(VOLTAGE, bytes(0x10, 0x00, 0x45, 0x10)),   // 2305.0f = 45 10 10 00, words swapped
                new Sample(FREQUENCY, bytes(0x00, 0x00, 0x43, 0xFA))), // 500.0f = 43 FA 00 00, words swapped
                NOW);

        assertEquals(new Hypothesis(Optional.of(WordOrder.CDAB), 0.1), ranking.best().hypothesis());
        assertEquals("the meter looks word-swapped (CDAB) and its values 10 times too large: set order: CDAB and "
                + "divide each point's scale by 10 (device parameter scale: 0.1)", Verdict.of(ranking));
    }

    @Test
    void sixteenBitValuesReadAlikeInAbcdAndCdabAndAreRankedAsOne() {
        PointSpec voltage = point("voltage", "voltage", DataType.UINT16, 0.1, "V", new Range(180, 265));
        Ranking ranking = Ranking.of(List.of(new Sample(voltage, bytes(0x09, 0x06))), NOW); // 2310: 231.0 V

        Trial best = ranking.best();
        assertTrue(best.hypothesis().isProfile());
        assertEquals(List.of("CDAB x1"), best.same(), "ABCD x1 is the profile itself, CDAB reads one word alike");
        // Bytes swapped (BADC, DCBA): 06 09 = 1545, 154.5 V: out of range, far behind.
        assertTrue(ranking.trials().stream().filter(t -> t.label().equals("BADC x1")).findFirst().orElseThrow().score() < 0.5);
    }

    @Test
    void aTieGoesToTheProfile() {
        // A current of 0 A decodes alike under every order and scale: nothing tells them apart.
        Ranking ranking = Ranking.of(List.of(new Sample(CURRENT, bytes(0, 0, 0, 0))), NOW);

        assertEquals(1, ranking.trials().size());
        assertTrue(ranking.profileFirst());
        // 35 hypotheses, one decoding: the profile's ABCD at each scale is ABCD, so 28 labels, one shown
        assertEquals(27, ranking.best().same().size(), ranking.best().same().toString());
    }

    @Test
    void mixedOrdersInTheProfileAreNamedProfile() {
        PointSpec swapped = new PointSpec("frequency", "f", "frequency", "input:0x0000", DataType.FLOAT32, WordOrder.CDAB,
                1, 0, "Hz", new Range(45, 55), Priority.SAMPLE);
        Ranking ranking = Ranking.of(List.of(
                new Sample(VOLTAGE, bytes(0x43, 0x66, 0x80, 0x00)),  // 230.5 V, ABCD
                new Sample(swapped, bytes(0x00, 0x00, 0x42, 0x48))), // 50.0 Hz, CDAB
                NOW);

        assertEquals("profile x1", ranking.best().label());
        assertTrue(ranking.profileFirst());
    }
}
