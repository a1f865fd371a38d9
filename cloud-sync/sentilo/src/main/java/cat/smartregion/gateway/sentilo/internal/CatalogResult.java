package cat.smartregion.gateway.sentilo.internal;

import cat.smartregion.gateway.api.uplink.SendResult;
import java.util.Map;
import java.util.Objects;

/** What making the catalog hold some entries came to. */
sealed interface CatalogResult {

    /** The catalog holds the entries, except {@code refused}: sensor id to the platform's reason, for good. */
    record Ready(Map<String, String> refused) implements CatalogResult {
        public Ready {
            refused = Map.copyOf(refused);
        }
    }

    /** The catalog could not be read or written now: the data must wait. */
    record Unavailable(SendResult.RetryLater retry) implements CatalogResult {
        public Unavailable {
            Objects.requireNonNull(retry, "retry");
        }
    }
}
