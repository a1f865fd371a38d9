package cat.smartregion.gateway.driver.modbus.internal;

import java.io.IOException;

/**
 * A byte pipe to a line: a TCP connection or a serial port. Used by one thread at a time (its
 * {@link Line} serializes the exchanges). Deadlines are {@link System#nanoTime()} values.
 */
interface Link {

    /** Opens the medium, or opens it again after {@link #close()}. */
    void open() throws IOException;

    boolean isOpen();

    void write(byte[] frame) throws IOException;

    /**
     * Reads what has arrived, waiting until at least one byte arrives or the deadline passes.
     *
     * @return the number of bytes read, 0 when the deadline passed first
     * @throws IOException when the medium broke (peer closed, port gone)
     */
    int read(byte[] buffer, int offset, int length, long deadline) throws IOException;

    /** Drops whatever has arrived and was not read; returns how many bytes. */
    int discard() throws IOException;

    /** Closes the medium; idempotent. */
    void close();

    /** What the link connects to, for messages. */
    String describe();
}
