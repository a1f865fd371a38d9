package cat.smartregion.gateway.simulator.platform.internal;

import cat.smartregion.gateway.simulator.platform.RequestRecord;
import java.util.ArrayDeque;
import java.util.List;

/** The latest requests the stand-in answered, in arrival order, kept in memory (at most {@link #CAPACITY}). */
public final class RequestLog {

    static final int CAPACITY = 100_000;

    private final ArrayDeque<RequestRecord> records = new ArrayDeque<>();

    synchronized void add(RequestRecord record) {
        if (records.size() == CAPACITY) {
            records.removeFirst();
        }
        records.addLast(record);
    }

    public synchronized List<RequestRecord> all() {
        return List.copyOf(records);
    }
}
