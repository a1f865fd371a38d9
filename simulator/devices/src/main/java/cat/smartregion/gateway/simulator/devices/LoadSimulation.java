package cat.smartregion.gateway.simulator.devices;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * How a simulated installation behaves: voltages drift a few volts around 230 V, the frequency
 * stays within 50 Hz +- 0.05, currents follow a slow load cycle with noise, power factors stay
 * between 0.8 and 1, and the energy counters integrate the power over the elapsed time.
 * Deterministic for a given seed. Not thread-safe: its meter serializes the calls.
 */
final class LoadSimulation {

    private static final double NOMINAL_VOLTS = 230;
    private static final double MAX_VOLT_DEVIATION = 4;
    private static final double NOMINAL_HERTZ = 50;
    private static final double MAX_HERTZ_DEVIATION = 0.05;
    private static final double LOAD_CYCLE_SECONDS = 600;
    private static final double EXPORT_SHARE = 0.005;
    private static final double SECONDS_PER_HOUR = 3600;

    private final Random random;
    private final double[] voltBias;
    private final double[] baseAmps;
    private final double[] cyclePhase;
    private final double[] typicalPowerFactor;

    LoadSimulation(int phases, double maxAmps, long seed) {
        random = new Random(seed);
        voltBias = new double[phases];
        baseAmps = new double[phases];
        cyclePhase = new double[phases];
        typicalPowerFactor = new double[phases];
        for (int p = 0; p < phases; p++) {
            voltBias[p] = uniform(-2, 2);
            baseAmps[p] = uniform(maxAmps / 4, maxAmps);
            cyclePhase[p] = uniform(0, 2 * Math.PI);
            typicalPowerFactor[p] = uniform(0.86, 0.97);
        }
    }

    /** A plausible state to start from, with counters already well advanced. */
    ElectricalState initial() {
        List<PhaseState> phases = new ArrayList<>();
        for (int p = 0; p < voltBias.length; p++) {
            phases.add(new PhaseState(NOMINAL_VOLTS + voltBias[p], amps(p, 0), typicalPowerFactor[p]));
        }
        return new ElectricalState(phases, NOMINAL_HERTZ, uniform(1_000, 50_000), uniform(0, 50));
    }

    /**
     * The state after {@code seconds} more seconds, {@code elapsed} seconds after the start.
     * The counters grow by the power served during the interval.
     */
    ElectricalState next(ElectricalState state, double seconds, double elapsed) {
        double importedKwh = state.totalWatts() / 1000 * seconds / SECONDS_PER_HOUR;
        List<PhaseState> phases = new ArrayList<>();
        for (int p = 0; p < voltBias.length; p++) {
            PhaseState now = state.phase(p);
            phases.add(new PhaseState(nextVolts(p, now.volts()), amps(p, elapsed), nextPowerFactor(p, now.powerFactor())));
        }
        return new ElectricalState(phases, nextHertz(state.hertz()),
                state.importKwh() + importedKwh, state.exportKwh() + importedKwh * EXPORT_SHARE);
    }

    private double nextVolts(int phase, double volts) {
        double target = NOMINAL_VOLTS + voltBias[phase];
        double v = volts + (target - volts) * 0.1 + random.nextGaussian() * 0.3;
        return clamp(v, NOMINAL_VOLTS - MAX_VOLT_DEVIATION, NOMINAL_VOLTS + MAX_VOLT_DEVIATION);
    }

    private double nextHertz(double hertz) {
        double f = hertz + (NOMINAL_HERTZ - hertz) * 0.2 + random.nextGaussian() * 0.01;
        return clamp(f, NOMINAL_HERTZ - MAX_HERTZ_DEVIATION, NOMINAL_HERTZ + MAX_HERTZ_DEVIATION);
    }

    private double nextPowerFactor(int phase, double pf) {
        double next = pf + (typicalPowerFactor[phase] - pf) * 0.1 + random.nextGaussian() * 0.005;
        return clamp(next, 0.8, 1.0);
    }

    private double amps(int phase, double elapsed) {
        double cycle = Math.sin(2 * Math.PI * elapsed / LOAD_CYCLE_SECONDS + cyclePhase[phase]);
        double load = baseAmps[phase] * (0.65 + 0.35 * cycle);
        return Math.max(0.05, load * (1 + random.nextGaussian() * 0.02));
    }

    private double uniform(double from, double to) {
        return from + random.nextDouble() * (to - from);
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
