package cat.smartregion.gateway.core.internal.sync;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs the uplink going down, coming back and rejecting, once per change and not per batch. */
final class UplinkState {

    private static final Logger LOG = LoggerFactory.getLogger(SyncAgent.class);

    private enum State { UP, DOWN, REJECTING, BUFFER_FAILING }

    private final String uplink;
    private final Clock clock;
    private State state = State.UP;
    private long since;
    private long count;

    UplinkState(String uplink, Clock clock) {
        this.uplink = uplink;
        this.clock = clock;
    }

    void delivered() {
        if (state != State.UP) {
            LOG.info("Uplink {} delivering again after {} s ({} {} events)", uplink,
                    Duration.ofMillis(clock.millis() - since).toSeconds(), count, state);
            enter(State.UP);
        }
    }

    void retryLater(String reason) {
        if (enter(State.DOWN)) {
            LOG.warn("Uplink {} cannot deliver, retrying with back-off: {}", uplink, reason);
        }
    }

    void rejected(String reason, long firstSeq, long lastSeq) {
        if (enter(State.REJECTING)) {
            LOG.warn("Uplink {} rejects readings {}..{}, moved to dead letters: {}", uplink, firstSeq, lastSeq, reason);
        }
    }

    void bufferFailed(Throwable e) {
        if (enter(State.BUFFER_FAILING)) {
            LOG.warn("Buffer failed, sync backing off: {}", e.toString());
        }
    }

    /** Enters a state; true when it is a change. Counts events in the current state. */
    private boolean enter(State next) {
        if (state == next) {
            count++;
            return false;
        }
        state = next;
        since = clock.millis();
        count = 1;
        return true;
    }
}
