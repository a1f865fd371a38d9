package cat.smartregion.gateway.buffer.internal;

import java.sql.SQLException;

/**
 * Corrects the times of readings taken before the clock was synchronised, once a cycle of the same
 * boot sees a plausible clock: a reading of a cycle stamped {@code (wall, mono)} gets
 * {@code time + (later.wall - (later.mono - mono) - wall)} (see {@link ClockStamp#offsetFor}) and the
 * quality code {@link ValueCodec#CORRECTED}. Readings of other boots cannot be placed and keep their
 * times. Only rows marked as holding waiting readings are read, so looking costs nothing when there are none.
 * Not thread-safe: used under the buffer's lock, inside the append's transaction.
 */
final class ClockCorrection {

    private final ReadingTable table;
    private boolean pending;

    ClockCorrection(ReadingTable table, int boot) throws SQLException {
        this.table = table;
        pending = table.waitingIn(boot);
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
        return table.correct(now);
    }

    /** Called after the correcting transaction committed. */
    void committed() {
        pending = false;
    }
}
