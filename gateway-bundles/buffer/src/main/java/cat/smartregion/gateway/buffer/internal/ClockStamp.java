package cat.smartregion.gateway.buffer.internal;

import java.nio.ByteBuffer;

/**
 * When a cycle was appended: the wall clock (UTC ms), the monotonic clock (ns, {@code System.nanoTime},
 * which on Linux counts from boot and is shared by every process of the boot) and the boot it happened in
 * (an id of the {@code boot} table). Stored with the cycle's readings as a 20-byte blob.
 */
record ClockStamp(long wall, long monoNanos, int boot) {

    /** 2020-01-01T00:00:00Z: a wall clock before this has not been synchronised yet. */
    static final long PLAUSIBLE_FLOOR = 1_577_836_800_000L;

    private static final int BYTES = 20;

    static boolean plausible(long time) {
        return time >= PLAUSIBLE_FLOOR;
    }

    boolean plausible() {
        return plausible(wall);
    }

    /**
     * What to add to the time of a reading of the {@code earlier} cycle (same boot, clock not yet
     * synchronised) so it reads on this synchronised clock: the earlier cycle really happened at
     * {@code wall - (monoNanos - earlier.monoNanos)}, and its readings keep their distance to it.
     */
    long offsetFor(ClockStamp earlier) {
        if (earlier.boot != boot) {
            throw new IllegalArgumentException("stamps of different boots");
        }
        long corrected = wall - (monoNanos - earlier.monoNanos) / 1_000_000;
        return corrected - earlier.wall;
    }

    byte[] encode() {
        return ByteBuffer.allocate(BYTES).putLong(wall).putLong(monoNanos).putInt(boot).array();
    }

    static ClockStamp decode(byte[] blob) {
        if (blob.length != BYTES) {
            throw new IllegalArgumentException("a clock stamp has " + BYTES + " bytes, not " + blob.length);
        }
        ByteBuffer bytes = ByteBuffer.wrap(blob);
        return new ClockStamp(bytes.getLong(), bytes.getLong(), bytes.getInt());
    }
}
