package cat.smartregion.gateway.driver.modbus.internal;

import cat.smartregion.gateway.api.driver.PointStatus;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Who still owes an answer on a line: the transaction ids (TCP) or unit ids (RTU, ASCII) of the last
 * requests that timed out. A well-formed answer from one of them is a late answer: it is dropped
 * and the line keeps waiting for the answer it asked for, so a slow unit does not cost the next
 * unit its answer. Confined to the line's exchange.
 */
final class LateAnswers {

    private static final int REMEMBERED = 8;

    private final Deque<Integer> owed = new ArrayDeque<>();

    void owe(int id) {
        owed.remove(id);
        owed.addLast(id);
        if (owed.size() > REMEMBERED) {
            owed.removeFirst();
        }
    }

    /** Reads one frame off the line. */
    interface FrameSource {
        Frame next() throws IOException;
    }

    /**
     * The answer to the request of {@code id}: late answers to earlier requests are skipped, and
     * when none comes in time, {@code id} owes its answer from then on.
     */
    Frame awaitAnswer(int id, FrameSource line) throws IOException {
        Frame frame = line.next();
        while (frame instanceof LateFrame) {
            frame = line.next();
        }
        if (frame instanceof Frame.Failed f && f.status() == PointStatus.TIMEOUT) {
            owe(id);
        }
        return frame;
    }

    /** Whether an answer from the id is a late one; it is then no longer owed. */
    boolean settle(int id) {
        return owed.remove(id);
    }
}
