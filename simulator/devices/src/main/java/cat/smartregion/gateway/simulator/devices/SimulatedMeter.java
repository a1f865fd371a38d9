package cat.smartregion.gateway.simulator.devices;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A simulated meter: a model's register map over a simulated installation. {@link #tick(Instant)}
 * moves it to a new instant; {@link #snapshot()} tells what it serves now. Thread-safe: a server
 * reads snapshots while a ticker moves it on.
 */
public final class SimulatedMeter {

    private final MeterModel model;
    private final LoadSimulation simulation;
    private final Instant start;
    private ElectricalState state;
    private volatile MeterSnapshot snapshot;

    private SimulatedMeter(MeterModel model, long seed, Instant start) {
        this.model = Objects.requireNonNull(model, "model");
        this.start = Objects.requireNonNull(start, "start");
        this.simulation = new LoadSimulation(model.phases(), model.phases() == 3 ? 20 : 10, seed);
        this.state = simulation.initial();
        this.snapshot = new MeterSnapshot(start, model.map().values(state));
    }

    /** A three-phase Eastron SDM630 starting now, with a random seed. */
    public static SimulatedMeter sdm630() {
        return of(MeterModel.SDM630, ThreadLocalRandom.current().nextLong(), Instant.now());
    }

    /** A single-phase Eastron SDM120 starting now, with a random seed. */
    public static SimulatedMeter sdm120() {
        return of(MeterModel.SDM120, ThreadLocalRandom.current().nextLong(), Instant.now());
    }

    /** A meter of the model whose values are determined by the seed and the ticks it gets. */
    public static SimulatedMeter of(MeterModel model, long seed, Instant start) {
        return new SimulatedMeter(model, seed, start);
    }

    public MeterModel model() {
        return model;
    }

    /** Moves the meter to the instant; an instant not after the last one changes nothing. */
    public synchronized void tick(Instant now) {
        Instant last = snapshot.time();
        if (!now.isAfter(last)) {
            return;
        }
        double seconds = Duration.between(last, now).toNanos() / 1e9;
        double elapsed = Duration.between(start, now).toNanos() / 1e9;
        state = simulation.next(state, seconds, elapsed);
        snapshot = new MeterSnapshot(now, model.map().values(state));
    }

    /** What the meter serves now; one snapshot is internally consistent. */
    public MeterSnapshot snapshot() {
        return snapshot;
    }

    /**
     * The value now served at the register address.
     *
     * @throws IllegalArgumentException when the model defines no value there
     */
    public float value(int address) {
        return snapshot.value(address);
    }

    @Override
    public String toString() {
        return model.title() + " at " + snapshot.time();
    }
}
