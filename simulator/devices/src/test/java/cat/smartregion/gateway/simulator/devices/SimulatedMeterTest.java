package cat.smartregion.gateway.simulator.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedMeterTest {

    private static final Instant START = Instant.parse("2026-11-27T08:00:00Z");

    @Test
    void sdm630ValuesStayPlausibleAndConsistentForAnHour() {
        SimulatedMeter meter = SimulatedMeter.of(MeterModel.SDM630, 42, START);
        List<Float> currents = new ArrayList<>();
        for (int s = 1; s <= 3600; s++) {
            meter.tick(START.plusSeconds(s));
            MeterSnapshot v = meter.snapshot();
            for (int p = 0; p < 3; p++) {
                assertPhaseConsistent(v, 0x0000 + 2 * p, 0x0006 + 2 * p, 0x000C + 2 * p, 0x0012 + 2 * p, 0x0018 + 2 * p, 0x001E + 2 * p);
            }
            assertBetween(49.95, 50.05, v.value(0x0046));
            assertClose(v.value(0x000C) + v.value(0x000E) + v.value(0x0010), v.value(0x0034), 0.01);
            assertClose(v.value(0x0034) / v.value(0x0038), v.value(0x003E), 1e-4);
            assertClose(v.value(0x0048) + v.value(0x004A), v.value(0x0156), 1e-6);
            currents.add(v.value(0x0006));
        }
        float spread = currents.stream().reduce(Float::max).orElseThrow() - currents.stream().reduce(Float::min).orElseThrow();
        assertTrue(spread > 1, "currents vary over the hour, spread " + spread);
    }

    @Test
    void importEnergyIntegratesPowerAndNeverDecreases() {
        SimulatedMeter meter = SimulatedMeter.of(MeterModel.SDM120, 7, START);
        double expectedKwh = meter.value(0x0048);
        float lastImport = meter.value(0x0048);
        float lastExport = meter.value(0x004A);
        for (int s = 1; s <= 600; s++) {
            expectedKwh += meter.value(0x000C) / 1000.0 / 3600.0;
            meter.tick(START.plusSeconds(s));
            assertTrue(meter.value(0x0048) >= lastImport, "import counter grows");
            assertTrue(meter.value(0x004A) >= lastExport, "export counter grows");
            lastImport = meter.value(0x0048);
            lastExport = meter.value(0x004A);
        }
        assertClose(expectedKwh, meter.value(0x0048), 0.01);
        assertTrue(lastImport > SimulatedMeter.of(MeterModel.SDM120, 7, START).value(0x0048), "counter moved");
    }

    @Test
    void sdm120ServesItsOwnMap() {
        SimulatedMeter meter = SimulatedMeter.of(MeterModel.SDM120, 3, START);
        meter.tick(START.plusSeconds(1));
        MeterSnapshot v = meter.snapshot();
        assertPhaseConsistent(v, 0x0000, 0x0006, 0x000C, 0x0012, 0x0018, 0x001E);
        assertEquals(List.of(0x0000, 0x0006, 0x000C, 0x0012, 0x0018, 0x001E, 0x0046, 0x0048, 0x004A, 0x0156),
                List.copyOf(v.values().keySet()));
        assertThrows(IllegalArgumentException.class, () -> meter.value(0x0002));
    }

    @Test
    void sameSeedAndTicksGiveSameValues() {
        SimulatedMeter a = SimulatedMeter.of(MeterModel.SDM630, 99, START);
        SimulatedMeter b = SimulatedMeter.of(MeterModel.SDM630, 99, START);
        a.tick(START.plus(Duration.ofMillis(1500)));
        b.tick(START.plus(Duration.ofMillis(1500)));
        assertEquals(a.snapshot(), b.snapshot());
    }

    @Test
    void aTickIntoThePastChangesNothing() {
        SimulatedMeter meter = SimulatedMeter.of(MeterModel.SDM630, 5, START);
        meter.tick(START.plusSeconds(10));
        MeterSnapshot before = meter.snapshot();
        meter.tick(START.plusSeconds(5));
        assertEquals(before, meter.snapshot());
    }

    @Test
    void wordsAreFloat32HighWordFirst() {
        MeterSnapshot snapshot = new MeterSnapshot(START, new java.util.TreeMap<>(java.util.Map.of(0x0046, 50.0f)));
        // 50.0f = 0x42480000: high word 0x4248 at 0x0046, low word 0x0000 at 0x0047
        assertEquals(0x4248, snapshot.word(0x0046).orElseThrow());
        assertEquals(0x0000, snapshot.word(0x0047).orElseThrow());
        assertTrue(snapshot.word(0x0048).isEmpty());
    }

    private static void assertPhaseConsistent(MeterSnapshot v, int volts, int amps, int watts, int va, int vars, int pf) {
        assertBetween(226, 234, v.value(volts));
        assertBetween(0.8, 1.0, v.value(pf));
        double s = v.value(volts) * v.value(amps);
        assertClose(s * v.value(pf), v.value(watts), 0.01);
        assertClose(s, v.value(va), 0.01);
        assertClose(Math.sqrt(s * s - v.value(watts) * v.value(watts)), v.value(vars), 0.05);
    }

    private static void assertBetween(double min, double max, double value) {
        assertTrue(value >= min && value <= max, value + " within [" + min + ", " + max + "]");
    }

    private static void assertClose(double expected, double actual, double tolerance) {
        assertEquals(expected, actual, Math.max(tolerance, Math.abs(expected) * 1e-5));
    }
}
