package cat.smartregion.gateway.api.uplink;

import java.time.Duration;
import java.util.Objects;

/** What became of a batch. */
public sealed interface SendResult {

    /** The platform acknowledged the whole batch. */
    record Delivered() implements SendResult {
    }

    /** Nothing wrong with the batch; send it again, not before {@code after} (zero: the agent chooses). */
    record RetryLater(Duration after, String reason) implements SendResult {
        public RetryLater {
            Objects.requireNonNull(after, "after");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The platform refuses these readings for good; they go to the dead-letter table. */
    record Rejected(String reason) implements SendResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
