package cat.smartregion.gateway.simulator.serial;

import java.util.List;
import java.util.Random;

/**
 * What a PMS5003-class sensor measures: mass concentrations in ug/m3 (CF=1 "standard" and
 * "atmospheric environment") and particle counts per 0.1 L of air above 0.3, 0.5, 1.0, 2.5,
 * 5.0 and 10 um; every value an unsigned 16-bit number.
 */
public record ParticleSample(int pm1Standard, int pm25Standard, int pm10Standard,
                             int pm1Atmospheric, int pm25Atmospheric, int pm10Atmospheric,
                             int over03, int over05, int over10, int over25, int over50, int over100) {

    public ParticleSample {
        for (int v : List.of(pm1Standard, pm25Standard, pm10Standard, pm1Atmospheric, pm25Atmospheric,
                pm10Atmospheric, over03, over05, over10, over25, over50, over100)) {
            if (v < 0 || v > 0xFFFF) {
                throw new IllegalArgumentException("a PMS5003 value is an unsigned 16-bit number, got " + v);
            }
        }
    }

    /** The twelve values in frame order (data 1 to 12; data 13 is reserved). */
    public int[] values() {
        return new int[] {pm1Standard, pm25Standard, pm10Standard, pm1Atmospheric, pm25Atmospheric, pm10Atmospheric,
            over03, over05, over10, over25, over50, over100};
    }

    /** A plausible urban sample around a PM2.5 level that drifts with {@code random}. */
    public static ParticleSample around(int pm25, Random random) {
        int p25 = Math.max(1, pm25 + random.nextInt(5) - 2);
        int p1 = Math.max(0, p25 * 2 / 3);
        int p10 = p25 + 2 + random.nextInt(6);
        int a25 = p25 * 9 / 10;
        int over03 = p25 * 180 + random.nextInt(100);
        return new ParticleSample(p1, p25, p10, p1 * 9 / 10, a25, p10 * 9 / 10,
                over03, over03 * 3 / 10, over03 / 20, over03 / 200, over03 / 1000, over03 / 4000);
    }
}
