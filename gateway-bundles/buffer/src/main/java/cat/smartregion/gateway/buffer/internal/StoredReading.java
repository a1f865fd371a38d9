package cat.smartregion.gateway.buffer.internal;

/**
 * A reading as the buffer keeps it: its number, the series id, the time, the flags of
 * {@link ValueCodec} (value kind and quality), the value (a Long, Double or String) and, on the first
 * reading of a cycle and on each reading waiting for a synchronised clock, its cycle's
 * {@link ClockStamp} (20 bytes; null otherwise).
 */
record StoredReading(long seq, int series, long time, int flags, Object value, byte[] stamp) {

    /** Waiting for a synchronised clock: taken before it, time not corrected yet. */
    boolean waiting() {
        return (flags & 7) == ValueCodec.UNSYNCHRONISED && stamp != null;
    }

    StoredReading corrected(long offset) {
        return new StoredReading(seq, series, time + offset, ValueCodec.corrected(flags), value, stamp);
    }
}
