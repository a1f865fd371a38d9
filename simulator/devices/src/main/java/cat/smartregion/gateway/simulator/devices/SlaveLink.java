package cat.smartregion.gateway.simulator.devices;

import java.io.IOException;

/** The slave's end of a medium: a client's TCP connection or a serial port. One session reads it. */
interface SlaveLink extends AutoCloseable {

    /**
     * The next byte, waiting at most {@code timeoutMs} (0: until one comes).
     *
     * @return the byte, or -1 when none came in time
     * @throws java.io.EOFException when the link closed
     */
    int read(long timeoutMs) throws IOException;

    void write(byte[] bytes) throws IOException;

    @Override
    void close();

    /** The peer, for log lines. */
    String describe();
}
