package cat.smartregion.gateway.driver.modbus.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The requests one read call sends: points grouped by table, sorted by address, and coalesced into
 * one block while it stays within the size limit and the unread gap to the next point is at most
 * {@code gap} registers (or bits) that the unit has not refused before. Points the unit refused
 * alone (learned {@link Holes}) are read alone, so they cost only their own request.
 *
 * @param blocks the requests, tables in function-code order, addresses ascending
 */
record RequestPlan(List<RegisterBlock> blocks) {

    static final Comparator<PlannedPoint> BY_ADDRESS =
            Comparator.comparingInt((PlannedPoint p) -> p.address().start()).thenComparingInt(p -> p.address().length());

    /**
     * How large a request may grow.
     *
     * @param maxRegisters most registers per request (1-125)
     * @param maxBits      most bits per request (1-2000)
     * @param gap          most unread registers or bits bridged between two points (0-123)
     */
    record Limits(int maxRegisters, int maxBits, int gap) {
    }

    RequestPlan {
        blocks = List.copyOf(blocks);
    }

    /** Plans contiguous points only, nothing learned: the planner's plain behaviour. */
    static RequestPlan of(List<PlannedPoint> points, int maxRegisters, int maxBits) {
        return of(points, new Limits(maxRegisters, maxBits, 0), new Holes());
    }

    /** Plans the points within the limits, keeping clear of what the unit refused before. */
    static RequestPlan of(List<PlannedPoint> points, Limits limits, Holes holes) {
        Map<Table, List<PlannedPoint>> byTable = new EnumMap<>(Table.class);
        points.forEach(p -> byTable.computeIfAbsent(p.address().table(), t -> new ArrayList<>()).add(p));
        List<RegisterBlock> blocks = new ArrayList<>();
        byTable.forEach((table, members) -> blocks.addAll(coalesce(table, members, limits, holes)));
        return new RequestPlan(blocks);
    }

    private static List<RegisterBlock> coalesce(Table table, List<PlannedPoint> points, Limits limits, Holes holes) {
        int limit = table.holdsRegisters() ? limits.maxRegisters() : limits.maxBits();
        List<PlannedPoint> sorted = new ArrayList<>(points);
        sorted.sort(BY_ADDRESS);
        List<RegisterBlock> blocks = new ArrayList<>();
        List<PlannedPoint> current = new ArrayList<>();
        int start = 0;
        int end = 0;
        for (PlannedPoint p : sorted) {
            PointAddress a = p.address();
            if (holes.isBad(a)) {
                blocks.add(RegisterBlock.of(p));
                continue;
            }
            boolean joins = !current.isEmpty() && Math.max(end, a.end()) - start <= limit
                    && (a.start() <= end || a.start() - end <= limits.gap() && holes.mayBridge(table, end, a.start()));
            if (!joins) {
                close(current, start, end, blocks);
                start = a.start();
                end = a.end();
            }
            current.add(p);
            end = Math.max(end, a.end());
        }
        close(current, start, end, blocks);
        blocks.sort(Comparator.comparing(RegisterBlock::table).thenComparingInt(RegisterBlock::start));
        return blocks;
    }

    private static void close(List<PlannedPoint> members, int start, int end, List<RegisterBlock> blocks) {
        if (!members.isEmpty()) {
            blocks.add(new RegisterBlock(members.get(0).address().table(), start, end - start, members));
            members.clear();
        }
    }

    int requests() {
        return blocks.size();
    }

    /** Registers or bits read that no point asked for. */
    int bridged() {
        return blocks.stream().mapToInt(b -> b.count() - b.covered()).sum();
    }
}
