package cat.smartregion.gateway.simulator.devices;

import java.util.List;

/**
 * What a meter measures at one instant: its phases, the frequency and its energy counters.
 *
 * @param phases    one entry per phase (1 or 3)
 * @param hertz     line frequency
 * @param importKwh imported active energy counter
 * @param exportKwh exported active energy counter
 */
record ElectricalState(List<PhaseState> phases, double hertz, double importKwh, double exportKwh) {

    ElectricalState {
        phases = List.copyOf(phases);
        if (phases.isEmpty() || importKwh < 0 || exportKwh < 0) {
            throw new IllegalArgumentException("a meter state needs phases and non-negative counters");
        }
    }

    PhaseState phase(int index) {
        return phases.get(index);
    }

    double totalWatts() {
        return phases.stream().mapToDouble(PhaseState::watts).sum();
    }

    double totalVoltAmps() {
        return phases.stream().mapToDouble(PhaseState::voltAmps).sum();
    }

    double totalVars() {
        return phases.stream().mapToDouble(PhaseState::vars).sum();
    }

    double totalPowerFactor() {
        double s = totalVoltAmps();
        return s == 0 ? 1 : totalWatts() / s;
    }

    double averageVolts() {
        return phases.stream().mapToDouble(PhaseState::volts).average().orElse(0);
    }

    double sumAmps() {
        return phases.stream().mapToDouble(PhaseState::amps).sum();
    }

    double averageAmps() {
        return sumAmps() / phases.size();
    }

    /** Line-to-line voltage between two phases 120 degrees apart. */
    double lineToLineVolts(int a, int b) {
        double va = phase(a).volts();
        double vb = phase(b).volts();
        return Math.sqrt(va * va + vb * vb + va * vb);
    }

    /** Neutral current of three phase currents 120 degrees apart. */
    double neutralAmps() {
        double i1 = phase(0).amps();
        double i2 = phase(1).amps();
        double i3 = phase(2).amps();
        return Math.sqrt(Math.max(0, i1 * i1 + i2 * i2 + i3 * i3 - i1 * i2 - i2 * i3 - i3 * i1));
    }

    double totalKwh() {
        return importKwh + exportKwh;
    }
}
