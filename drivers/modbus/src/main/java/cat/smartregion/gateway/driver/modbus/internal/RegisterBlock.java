package cat.smartregion.gateway.driver.modbus.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One read request: a contiguous range of a table and the points it serves.
 *
 * @param table   the table read
 * @param start   first register or bit
 * @param count   registers or bits read
 * @param members the points whose data lies in the range
 */
record RegisterBlock(Table table, int start, int count, List<PlannedPoint> members) {

    RegisterBlock {
        Objects.requireNonNull(table, "table");
        members = List.copyOf(members);
        if (count < 1 || count > table.protocolLimit()) {
            throw new IllegalArgumentException("block of " + count + " outside 1-" + table.protocolLimit());
        }
        for (PlannedPoint p : members) {
            PointAddress a = p.address();
            if (a.table() != table || a.start() < start || a.end() > start + count) {
                throw new IllegalArgumentException("point " + p.name() + " outside block " + table.prefix() + ":" + start + "+" + count);
            }
        }
    }

    /** The request PDU that reads the block. */
    byte[] pdu() {
        return Pdu.request(table, start, count);
    }

    /** A block reading one point alone. */
    static RegisterBlock of(PlannedPoint point) {
        PointAddress a = point.address();
        return new RegisterBlock(a.table(), a.start(), a.length(), List.of(point));
    }

    int end() {
        return start + count;
    }

    /** Registers or bits of the range that some member asked for. */
    int covered() {
        boolean[] used = new boolean[count];
        members.forEach(p -> Arrays.fill(used, p.address().start() - start, p.address().end() - start, true));
        int n = 0;
        for (boolean u : used) {
            n += u ? 1 : 0;
        }
        return n;
    }

    /** Whether the block reads registers or bits no member asked for. */
    boolean bridges() {
        return covered() < count;
    }

    @Override
    public String toString() {
        return table.prefix() + ":" + start + "+" + count + " (" + members.size() + " points)";
    }
}
