package cat.smartregion.gateway.core.internal.probe;

import static cat.smartregion.gateway.core.internal.probe.RankingTest.CURRENT;
import static cat.smartregion.gateway.core.internal.probe.RankingTest.ENERGY;
import static cat.smartregion.gateway.core.internal.probe.RankingTest.VOLTAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cat.smartregion.gateway.api.profile.DataType;
import cat.smartregion.gateway.api.profile.PointSpec;
import cat.smartregion.gateway.api.profile.Range;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The score of one value: 0 outside the range, 0.5 to 1 inside by closeness to a typical magnitude. */
class PlausibilityTest {

    private static double score(PointSpec point, double value) {
        return Plausibility.score(point, OptionalDouble.of(value));
    }

    @Test
    void noNumberOutsideTheRangeOrAbsurdScoresZero() {
        assertEquals(0, Plausibility.score(VOLTAGE, OptionalDouble.empty()));
        assertEquals(0, score(VOLTAGE, 23.0));
        assertEquals(0, score(CURRENT, -1));
        assertEquals(0, score(ENERGY, 2e15), "beyond 1e15 no meter counts");
        PointSpec open = RankingTest.point("x", "ratio", DataType.FLOAT32, 1, "/", Range.ANY);
        assertEquals(0, score(open, 1e16));
        assertEquals(0, score(open, Double.NaN));
    }

    @Test
    void aTypicalValueScoresOneAndFallsWithTheDecadesOff() {
        PointSpec wideVoltage = RankingTest.point("v", "voltage", DataType.FLOAT32, 1, "V", new Range(0, 1000));
        assertEquals(1, score(wideVoltage, 230));
        assertEquals(0.75, score(wideVoltage, 23), 1e-9, "one decade off: half the closeness");
        assertEquals(0.5, score(wideVoltage, 2.3), 1e-9, "two decades off: in range, nothing more");
    }

    @Test
    void aWideRangeOnlyPenalisesMagnitudesNoDeviceShows() {
        assertEquals(1, score(ENERGY, 12_345), "a small count is as plausible as a large one");
        assertEquals(1, score(ENERGY, 9e11));
        assertEquals(1, score(CURRENT, 1e-7), "nine decades below 100 A: still fine");
        assertEquals(0.75, score(CURRENT, 1e-10), 1e-9, "three decades below the floor");
        assertEquals(0.5, score(CURRENT, 2.3e-41), "a word-swapped 5.25f");
        assertEquals(1, score(CURRENT, 0), "zero is zero in every order");
    }
}
