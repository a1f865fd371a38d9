package cat.smartregion.gateway.api.buffer;

import cat.smartregion.gateway.api.Reading;
import java.util.List;

/**
 * Durable store-and-forward queue of readings. A reading is stored once {@link #append} returns.
 * Methods are thread-safe; one sync agent claims at a time.
 */
public interface Buffer {

    /**
     * Stores one poll cycle's readings in one transaction and gives each the next per-gateway
     * sequence number (increasing, never reused, no gaps).
     *
     * @return the readings as stored, with their sequence numbers, in the same order
     * @throws BufferException when the readings could not be committed
     */
    List<Reading> append(List<Reading> readings);

    /**
     * The oldest undelivered readings not yet claimed, in sequence order, at most
     * {@code maxReadings} and about {@code maxBytes}; at least one reading when any is waiting.
     * Claims not acknowledged are handed out again after a restart.
     *
     * @return the batch, empty when nothing waits
     */
    Batch claim(int maxReadings, long maxBytes);

    /** The platform confirmed the batch: its readings leave the buffer. */
    void ack(Batch batch);

    /** The platform rejects the batch's readings for good: they move to the dead-letter table with the reason. */
    void reject(Batch batch, String reason);

    /** Hands a claimed batch out again, e.g. after a failed send. */
    void release(Batch batch);

    BufferFigures figures();
}
