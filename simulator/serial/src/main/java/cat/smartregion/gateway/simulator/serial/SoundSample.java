package cat.smartregion.gateway.simulator.serial;

import java.util.Locale;
import java.util.Random;

/**
 * What a sound level meter reports, in dB: equivalent continuous level Leq, current level L,
 * maximum, minimum and peak, and the measurement's elapsed seconds.
 */
public record SoundSample(double leq, double level, double max, double min, double peak, int seconds) {

    /**
     * The answer of a Svantek meter to {@code #2,1,T?,V?,P?,M?,N?,S?,R?;} (read the current results
     * of profile 1), e.g. {@code #2,1,T3,V0,P76.92,M52.92,N38.50,S46.35,R64.50;}.
     */
    public String svantekAnswer() {
        return String.format(Locale.ROOT, "#2,1,T%d,V0,P%.2f,M%.2f,N%.2f,S%.2f,R%.2f;", seconds, peak, max, min, level, leq);
    }

    /** A plausible street level around {@code leq} dB. */
    public static SoundSample around(double leq, int seconds, Random random) {
        double level = leq + random.nextGaussian() * 3;
        double l = Math.round(leq * 100) / 100.0;
        double spl = Math.round(level * 100) / 100.0;
        return new SoundSample(l, spl, Math.round((leq + 9) * 100) / 100.0, Math.round((leq - 12) * 100) / 100.0,
                Math.round((leq + 24) * 100) / 100.0, seconds);
    }
}
