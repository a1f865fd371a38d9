package cat.smartregion.gateway.driver.serial.internal;

/** What a {@link Framer} finds in the byte stream. */
interface FrameListener {

    /** A complete frame that passed its checks. */
    void frame(Frame frame);

    /** Bytes that did not make a frame (checksum, length, garbage, a line the pattern refuses); the framer resyncs. */
    void broken(String detail);
}
