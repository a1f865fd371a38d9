package cat.smartregion.gateway.buffer.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Corrects the times of readings taken before the clock was synchronised, once a cycle of the same
 * boot sees a plausible clock: a reading of a cycle stamped {@code (wall, mono)} gets
 * {@code time + (later.wall - (later.mono - mono) - wall)} (see {@link ClockStamp#offsetFor}) and the
 * quality code {@link ValueCodec#CORRECTED}. Readings of other boots cannot be placed and keep their
 * times. The candidates come from a partial index, so looking costs nothing when there are none.
 * Not thread-safe: used under the buffer's lock, inside the append's transaction.
 */
final class ClockCorrection {

    private final PreparedStatement waiting;
    private final PreparedStatement correct;
    private final int boot;
    private boolean pending;

    ClockCorrection(Connection connection, int boot) throws SQLException {
        this.boot = boot;
        waiting = connection.prepareStatement("SELECT seq, cycle FROM reading WHERE flags & 7 = 2 ORDER BY seq");
        correct = connection.prepareStatement("UPDATE reading SET time = time + ?, flags = flags & ~7 | "
                + ValueCodec.CORRECTED + " WHERE seq BETWEEN ? AND ? AND flags & 7 = 2");
        pending = !waitingOfThisBoot().isEmpty();
    }

    /** Whether readings of this boot wait for a synchronised clock. */
    boolean pending() {
        return pending;
    }

    /** Notes that an append of this boot stored readings with an unsynchronised clock. */
    void unsynchronisedStored() {
        pending = true;
    }

    /** Corrects the waiting readings of this boot against the plausible stamp; returns how many. */
    int correct(ClockStamp now) throws SQLException {
        int corrected = 0;
        for (Map.Entry<ClockStamp, List<Long>> cycle : waitingOfThisBoot().entrySet()) {
            correct.setLong(1, now.offsetFor(cycle.getKey()));
            for (SeqRange range : SeqRange.ofSeqs(cycle.getValue())) {
                correct.setLong(2, range.first());
                correct.setLong(3, range.last());
                corrected += correct.executeUpdate();
            }
        }
        return corrected;
    }

    /** Called after the correcting transaction committed. */
    void committed() {
        pending = false;
    }

    private Map<ClockStamp, List<Long>> waitingOfThisBoot() throws SQLException {
        Map<ClockStamp, List<Long>> cycles = new LinkedHashMap<>();
        try (ResultSet rows = waiting.executeQuery()) {
            while (rows.next()) {
                byte[] blob = rows.getBytes(2);
                if (blob == null) {
                    continue;
                }
                ClockStamp stamp = ClockStamp.decode(blob);
                if (stamp.boot() == boot) {
                    cycles.computeIfAbsent(stamp, s -> new ArrayList<>()).add(rows.getLong(1));
                }
            }
        }
        return cycles;
    }
}
