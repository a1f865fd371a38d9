package cat.smartregion.gateway.driver.serial.internal;

/**
 * Cuts a serial byte stream into frames. Keeps the bytes of an unfinished frame between calls;
 * after a broken frame it resyncs on the next header or terminator. Not thread-safe: one reader owns it.
 */
interface Framer {

    /** Takes {@code length} more bytes and tells the listener every frame or broken frame they complete. */
    void accept(byte[] bytes, int length, FrameListener listener);

    /** Forgets any unfinished frame (before a new request). */
    void reset();
}
