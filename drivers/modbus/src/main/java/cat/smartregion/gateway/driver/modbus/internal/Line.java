package cat.smartregion.gateway.driver.modbus.internal;

import cat.smartregion.gateway.api.driver.PointStatus;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One physical line, an RS-485 bus or a TCP connection, shared by the units that answer on it:
 * one request in flight at a time, the line kept silent between frames (RTU frame gap plus the
 * configured delay), stale bytes of a late answer dropped before each request, and the medium
 * opened again after it broke. After a garbled answer a serial line waits for silence and a TCP
 * line connects again; a TCP line that stays silent twice in a row connects again too, in case
 * the connection is half open.
 */
final class Line {

    private static final Logger LOG = LoggerFactory.getLogger(Line.class);
    private static final int TCP_TIMEOUTS_BEFORE_RECONNECT = 2;
    private static final long MIN_QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final String key;
    private final Optional<SerialSettings> serial;
    private final Link link;
    private final Framer framer;
    private final FrameReader reader;
    private final long frameGapNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile long delayNanos;
    private long lastFrameEnd = System.nanoTime();
    private int silentInARow;
    private boolean clean;
    private int users;

    Line(Endpoint endpoint) {
        this(endpoint, endpoint.framing().serial()
                ? new SerialLink(endpoint.place(), endpoint.serial().orElseThrow())
                : new SocketLink(endpoint.place(), endpoint.port(), endpoint.connectTimeoutMs()));
    }

    Line(Endpoint endpoint, Link link) {
        this.key = endpoint.line();
        this.serial = endpoint.serial();
        this.link = link;
        this.framer = Framer.of(endpoint.framing());
        this.reader = new FrameReader(link);
        this.frameGapNanos = serial.map(s -> TimeUnit.MICROSECONDS.toNanos(s.frameSilenceMicros())).orElse(0L);
        this.delayNanos = TimeUnit.MILLISECONDS.toNanos(endpoint.delayMs());
    }

    String key() {
        return key;
    }

    /** @throws IllegalArgumentException when the endpoint asks for other serial settings than the line has */
    void checkCompatible(Endpoint endpoint) {
        if (!serial.equals(endpoint.serial())) {
            throw new IllegalArgumentException("line " + key + " is in use at " + serial.map(String::valueOf).orElse("")
                    + "; endpoint " + endpoint + " asks for " + endpoint.serial().map(String::valueOf).orElse(""));
        }
    }

    /** The line keeps the longest inter-frame delay any of its devices asks for. */
    void requireDelay(int delayMs) {
        delayNanos = Math.max(delayNanos, TimeUnit.MILLISECONDS.toNanos(delayMs));
    }

    int addUser() {
        return ++users;
    }

    int removeUser() {
        return --users;
    }

    /** Opens the medium unless it is open. */
    void ensureOpen() throws IOException {
        lock.lock();
        try {
            openIfClosed();
        } finally {
            lock.unlock();
        }
    }

    /** Sends one request PDU to the unit and waits for its answer; never throws for what the line does. */
    Frame exchange(int unit, byte[] pdu, int timeoutMs) {
        lock.lock();
        try {
            openIfClosed();
            keepSilence();
            dropStale(unit);
            link.write(framer.encode(unit, pdu));
            Frame frame = framer.receive(reader, unit, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs));
            clean = frame instanceof Frame.Answer;
            recover(frame, timeoutMs);
            return frame;
        } catch (IOException e) {
            closeLink();
            return new Frame.Failed(PointStatus.UNREACHABLE, e.getMessage() == null ? e.toString() : e.getMessage(), false);
        } finally {
            lastFrameEnd = System.nanoTime();
            lock.unlock();
        }
    }

    /**
     * Drops bytes nobody asked for: a late answer after a failed exchange, or noise on a serial line.
     * A TCP line whose last exchange went well has none, and skips the system call.
     */
    private void dropStale(int unit) throws IOException {
        if (clean && serial.isEmpty()) {
            return;
        }
        int stale = reader.discard();
        if (stale > 0) {
            LOG.trace("{}: dropped {} stale bytes (a late answer) before the request to unit {}", key, stale, unit);
        }
    }

    private void openIfClosed() throws IOException {
        if (!link.isOpen()) {
            reader.reset();
            link.open();
            silentInARow = 0;
            clean = true;
            LOG.info("Modbus line {} open", describe());
        }
    }

    private void keepSilence() {
        long until = lastFrameEnd + frameGapNanos + delayNanos;
        for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    private void recover(Frame frame, int timeoutMs) throws IOException {
        if (!(frame instanceof Frame.Failed failed)) {
            silentInARow = 0;
            return;
        }
        boolean silent = failed.status() == PointStatus.TIMEOUT;
        silentInARow = silent ? silentInARow + 1 : 0;
        if (serial.isPresent() && failed.resync()) {
            long quiet = Math.max(MIN_QUIET_NANOS, 4 * frameGapNanos);
            int dropped = reader.awaitSilence(quiet, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs));
            LOG.trace("{}: line silent again after a bad frame, {} bytes dropped", key, dropped);
        } else if (serial.isEmpty() && (failed.resync() || silentInARow >= TCP_TIMEOUTS_BEFORE_RECONNECT)) {
            LOG.trace("{}: connecting again after {}", key, failed.detail());
            closeLink();
        }
    }

    private void closeLink() {
        link.close();
        reader.reset();
    }

    /** Closes the medium; the next exchange opens it again. */
    void close() {
        lock.lock();
        try {
            if (link.isOpen()) {
                closeLink();
                LOG.info("Modbus line {} closed", describe());
            }
        } finally {
            lock.unlock();
        }
    }

    String describe() {
        return key + serial.map(s -> " " + s).orElse("");
    }
}
