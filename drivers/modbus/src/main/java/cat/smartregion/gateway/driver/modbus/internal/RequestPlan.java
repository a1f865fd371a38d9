package cat.smartregion.gateway.driver.modbus.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The requests one read call sends: points grouped by table, sorted by address, and contiguous or
 * overlapping points coalesced into one block as long as it stays within the size limit. Points
 * separated by a gap are never bridged: a real meter answers a range over undefined registers with
 * an exception.
 *
 * @param blocks the requests, tables in function-code order, addresses ascending
 */
record RequestPlan(List<RegisterBlock> blocks) {

    RequestPlan {
        blocks = List.copyOf(blocks);
    }

    /**
     * Plans the points.
     *
     * @param maxRegisters most registers per request (1-125)
     * @param maxBits      most bits per request (1-2000)
     */
    static RequestPlan of(List<PlannedPoint> points, int maxRegisters, int maxBits) {
        Map<Table, List<PlannedPoint>> byTable = new EnumMap<>(Table.class);
        points.forEach(p -> byTable.computeIfAbsent(p.address().table(), t -> new ArrayList<>()).add(p));
        List<RegisterBlock> blocks = new ArrayList<>();
        byTable.forEach((table, members) -> blocks.addAll(coalesce(members, table.holdsRegisters() ? maxRegisters : maxBits)));
        return new RequestPlan(blocks);
    }

    private static List<RegisterBlock> coalesce(List<PlannedPoint> points, int limit) {
        List<PlannedPoint> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingInt((PlannedPoint p) -> p.address().start()).thenComparingInt(p -> p.address().length()));
        List<RegisterBlock> blocks = new ArrayList<>();
        List<PlannedPoint> current = new ArrayList<>();
        int start = 0;
        int end = 0;
        for (PlannedPoint p : sorted) {
            PointAddress a = p.address();
            boolean joins = !current.isEmpty() && a.start() <= end && Math.max(end, a.end()) - start <= limit;
            if (!joins) {
                close(current, start, end, blocks);
                start = a.start();
                end = a.end();
            }
            current.add(p);
            end = Math.max(end, a.end());
        }
        close(current, start, end, blocks);
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
}
