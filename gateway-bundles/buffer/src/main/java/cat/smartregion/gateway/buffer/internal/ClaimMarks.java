package cat.smartregion.gateway.buffer.internal;

import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.buffer.Batch;
import java.util.HashSet;
import java.util.Set;

/**
 * Sequence numbers handed out by {@code claim} and not yet acknowledged, rejected or released.
 * Kept in memory only: after a restart every stored reading is claimable again.
 * Not thread-safe: used under the buffer's lock.
 */
final class ClaimMarks {

    private final Set<Long> claimed = new HashSet<>();

    boolean isClaimed(long seq) {
        return claimed.contains(seq);
    }

    int size() {
        return claimed.size();
    }

    void mark(Batch batch) {
        for (Reading reading : batch.readings()) {
            claimed.add(reading.seq());
        }
    }

    void clear(Batch batch) {
        for (Reading reading : batch.readings()) {
            claimed.remove(reading.seq());
        }
    }
}
