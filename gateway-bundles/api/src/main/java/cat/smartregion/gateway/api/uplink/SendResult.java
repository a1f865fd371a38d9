package cat.smartregion.gateway.api.uplink;

import cat.smartregion.gateway.api.Reading;
import java.time.Duration;
import java.util.List;
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

    /** The platform refuses the whole batch for good; its readings go to the dead-letter table. */
    record Rejected(String reason) implements SendResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The platform took the batch except {@code rejected}, which it refuses for good (they go to the
     * dead-letter table with the reason); e.g. one malformed reading isolated by splitting a batch.
     */
    record PartlyDelivered(List<Reading> rejected, String reason) implements SendResult {
        public PartlyDelivered {
            rejected = List.copyOf(rejected);
            Objects.requireNonNull(reason, "reason");
            if (rejected.isEmpty()) {
                throw new IllegalArgumentException("a partly delivered batch names the readings rejected");
            }
        }
    }
}
