package cat.smartregion.gateway.core.internal.sync;

import java.time.Duration;

/**
 * Validated settings of the sync agent.
 *
 * @param batchReadings  most readings per batch
 * @param batchBytes     about this many bytes per batch at most
 * @param backoffInitial first back-off ceiling after a failed send
 * @param backoffMax     back-off cap
 */
public record SyncSettings(int batchReadings, long batchBytes, Duration backoffInitial, Duration backoffMax) {

    public SyncSettings {
        if (batchReadings < 1 || batchBytes < 1) {
            throw new IllegalArgumentException("batch.readings and batch.bytes must be positive, got "
                    + batchReadings + ", " + batchBytes);
        }
        if (backoffInitial.toMillis() < 1 || backoffMax.compareTo(backoffInitial) < 0) {
            throw new IllegalArgumentException("need 1 <= backoff.initial.ms <= backoff.max.ms, got "
                    + backoffInitial.toMillis() + ", " + backoffMax.toMillis());
        }
    }

    static SyncSettings of(SyncAgent.Config config) {
        return new SyncSettings(config.batch_readings(), config.batch_bytes(),
                Duration.ofMillis(config.backoff_initial_ms()), Duration.ofMillis(config.backoff_max_ms()));
    }
}
