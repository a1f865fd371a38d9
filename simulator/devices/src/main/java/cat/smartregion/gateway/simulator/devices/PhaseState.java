package cat.smartregion.gateway.simulator.devices;

/**
 * The electrical state of one phase; power figures derive from voltage, current and power factor.
 *
 * @param volts       line-to-neutral voltage (V)
 * @param amps        current (A), not negative
 * @param powerFactor power factor, 0 to 1 (inductive load)
 */
record PhaseState(double volts, double amps, double powerFactor) {

    PhaseState {
        if (volts < 0 || amps < 0 || powerFactor < 0 || powerFactor > 1) {
            throw new IllegalArgumentException("implausible phase state " + volts + " V " + amps + " A pf " + powerFactor);
        }
    }

    /** Active power, W. */
    double watts() {
        return voltAmps() * powerFactor;
    }

    /** Apparent power, VA. */
    double voltAmps() {
        return volts * amps;
    }

    /** Reactive power, var (positive: inductive). */
    double vars() {
        double s = voltAmps();
        double p = watts();
        return Math.sqrt(Math.max(0, s * s - p * p));
    }
}
