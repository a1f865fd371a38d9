package cat.smartregion.gateway.api.uplink;

import cat.smartregion.gateway.api.buffer.Batch;

/** Carries batches to a platform. One sync agent calls it, one batch at a time. */
public interface Uplink {

    /** Short name for status and logs, e.g. {@code sentilo https://platform.example/}. */
    String name();

    /** Sends the batch and says what the platform answered. Never throws for what the platform or network does. */
    SendResult send(Batch batch);
}
