package cat.smartregion.gateway.api.buffer;

/**
 * Health figures of the buffer.
 *
 * @param backlog       readings stored and not yet delivered
 * @param bytes         size of the buffer on disk
 * @param oldestTime    time of the oldest undelivered reading, ms since the epoch; 0 when empty
 * @param stored        readings stored since start
 * @param delivered     readings acknowledged since start
 * @param evicted       readings evicted by policy since the buffer was created
 * @param deadLettered  readings in the dead-letter table
 * @param lastSeq       highest sequence number given so far
 */
public record BufferFigures(long backlog, long bytes, long oldestTime, long stored, long delivered,
                            long evicted, long deadLettered, long lastSeq) {
}
