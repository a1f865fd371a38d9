package cat.smartregion.gateway.api.uplink;

import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * How the delivery of the buffer to the platform goes, as the sync agent sees it: what an installer
 * checks before leaving (is the platform taking the readings?). Registered by the core's sync agent.
 */
@ProviderType
public interface DeliveryStatus {

    /** What delivery is doing now. */
    enum State {
        /** No batch answered yet: nothing to send, or the first one on its way. */
        WAITING,
        /** Batches are being delivered. */
        DELIVERING,
        /** The uplink cannot deliver now (network, platform down, rate limit, credentials): retrying with back-off. */
        RETRYING,
        /** The platform refuses readings, which go to the dead letters. */
        REJECTING,
        /** The buffer fails to hand out batches. */
        BUFFER_FAILING
    }

    /**
     * One look at delivery.
     *
     * @param uplink        the uplink's name
     * @param state         what delivery is doing
     * @param since         UTC ms since when it does so
     * @param lastDelivered UTC ms of the last delivered batch, 0 before the first
     * @param lastProblem   the reason of the last failure or refusal, empty when none yet
     */
    record Snapshot(String uplink, State state, long since, long lastDelivered, String lastProblem) {

        public Snapshot {
            Objects.requireNonNull(uplink, "uplink");
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(lastProblem, "lastProblem");
        }
    }

    /** Delivery now. */
    Snapshot snapshot();
}
