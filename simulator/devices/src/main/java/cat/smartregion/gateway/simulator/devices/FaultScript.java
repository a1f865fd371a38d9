package cat.smartregion.gateway.simulator.devices;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Which faults the units of a slave show: queued for their next requests, or standing until healed. */
final class FaultScript {

    private final Map<Integer, Deque<Fault>> queued = new HashMap<>();
    private final Map<Integer, Fault> standing = new HashMap<>();

    synchronized void inject(int unit, Fault fault, int times) {
        Deque<Fault> queue = queued.computeIfAbsent(unit, u -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(fault);
        }
    }

    synchronized void always(int unit, Fault fault) {
        standing.put(unit, fault);
    }

    synchronized void heal(int unit) {
        standing.remove(unit);
        queued.remove(unit);
    }

    /** The fault for the unit's request now, consuming a queued one first. */
    synchronized Optional<Fault> next(int unit) {
        Deque<Fault> queue = queued.get(unit);
        if (queue != null && !queue.isEmpty()) {
            return Optional.of(queue.poll());
        }
        return Optional.ofNullable(standing.get(unit));
    }
}
