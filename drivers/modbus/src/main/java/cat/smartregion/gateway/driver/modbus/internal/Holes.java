package cat.smartregion.gateway.driver.modbus.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What one unit taught us by answering illegal data address (exception 02) to a coalesced request:
 * points it does not define, read alone from then on, and address ranges a request must not bridge.
 * Kept by the driver per line and unit, so reconnecting does not forget them.
 */
final class Holes {

    /** A range of one table: {@code [start, end)}. */
    record Span(Table table, int start, int end) {
        boolean overlaps(Table t, int from, int to) {
            return table == t && start < to && from < end;
        }
    }

    private final Set<Span> badPoints = ConcurrentHashMap.newKeySet();
    private final Set<Span> unbridgeable = ConcurrentHashMap.newKeySet();

    /** Whether the point answered illegal data address when read alone. */
    boolean isBad(PointAddress point) {
        return badPoints.contains(span(point));
    }

    /** Whether a request may read the unread range {@code [from, to)} of the table between two points. */
    boolean mayBridge(Table table, int from, int to) {
        return unbridgeable.stream().noneMatch(s -> s.overlaps(table, from, to));
    }

    /**
     * Learns from a block answered with exception 02 whose members were then read one by one:
     * the members that failed alone are bad points, never bridged either; when every member
     * answered alone, the gaps the block bridged are the holes.
     */
    void learn(RegisterBlock block, List<PlannedPoint> failedAlone) {
        if (!failedAlone.isEmpty()) {
            failedAlone.forEach(p -> {
                badPoints.add(span(p.address()));
                unbridgeable.add(span(p.address()));
            });
            return;
        }
        int covered = block.start();
        for (PlannedPoint p : sorted(block.members())) {
            if (p.address().start() > covered) {
                unbridgeable.add(new Span(block.table(), covered, p.address().start()));
            }
            covered = Math.max(covered, p.address().end());
        }
    }

    int size() {
        return badPoints.size() + unbridgeable.size();
    }

    private static List<PlannedPoint> sorted(List<PlannedPoint> points) {
        return points.stream().sorted(RequestPlan.BY_ADDRESS).toList();
    }

    private static Span span(PointAddress a) {
        return new Span(a.table(), a.start(), a.end());
    }
}
