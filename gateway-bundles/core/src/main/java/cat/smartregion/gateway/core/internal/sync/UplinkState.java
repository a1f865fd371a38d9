package cat.smartregion.gateway.core.internal.sync;

import cat.smartregion.gateway.api.uplink.DeliveryStatus;
import cat.smartregion.gateway.api.uplink.DeliveryStatus.State;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the uplink going down, coming back and rejecting, once per change and not per batch, and
 * answers how delivery goes ({@link DeliveryStatus.Snapshot}) to any thread.
 */
final class UplinkState {

    private static final Logger LOG = LoggerFactory.getLogger(SyncAgent.class);

    private final String uplink;
    private final Clock clock;
    private State state = State.WAITING;
    private long since;
    private long count;
    private long lastDelivered;
    private String lastProblem = "";

    UplinkState(String uplink, Clock clock) {
        this.uplink = uplink;
        this.clock = clock;
        this.since = clock.millis();
    }

    synchronized DeliveryStatus.Snapshot snapshot() {
        return new DeliveryStatus.Snapshot(uplink, state, since, lastDelivered, lastProblem);
    }

    synchronized void delivered() {
        lastDelivered = clock.millis();
        if (state != State.DELIVERING) {
            LOG.info("Uplink {} delivering again after {} s ({} {} events)", uplink,
                    Duration.ofMillis(lastDelivered - since).toSeconds(), count, state);
            enter(State.DELIVERING, lastDelivered);
        }
    }

    /** Some readings of a batch were delivered, others refused: a delivery, though the state stays what the refusal makes it. */
    synchronized void partlyDelivered() {
        lastDelivered = clock.millis();
    }

    synchronized void retryLater(String reason) {
        lastProblem = reason;
        if (enter(State.RETRYING, clock.millis())) {
            LOG.warn("Uplink {} cannot deliver, retrying with back-off: {}", uplink, reason);
        }
    }

    synchronized void rejected(String reason, long firstSeq, long lastSeq) {
        lastProblem = reason;
        if (enter(State.REJECTING, clock.millis())) {
            LOG.warn("Uplink {} rejects readings {}..{}, moved to dead letters: {}", uplink, firstSeq, lastSeq, reason);
        }
    }

    synchronized void bufferFailed(Throwable e) {
        lastProblem = e.toString();
        if (enter(State.BUFFER_FAILING, clock.millis())) {
            LOG.warn("Buffer failed, sync backing off: {}", e.toString());
        }
    }

    /** Enters a state at a time; true when it is a change. Counts events in the current state. */
    private boolean enter(State next, long now) {
        if (state == next) {
            count++;
            return false;
        }
        state = next;
        since = now;
        count = 1;
        return true;
    }
}
