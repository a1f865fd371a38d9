package cat.smartregion.gateway.driver.serial.internal;

import cat.smartregion.gateway.api.driver.PointRequest;
import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.api.driver.RawValue;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A device that sends by itself: the connection's own thread ({@code serial-<port>}) reads the
 * stream continuously through the framer into a {@link FrameSlot}; {@code read} answers from it.
 * A broken frame is counted and skipped, never ends the thread; a port error does, and the
 * following reads are UNREACHABLE.
 */
final class PushConnection implements SerialConnection {

    private static final Logger LOG = LoggerFactory.getLogger(PushConnection.class);

    private final PortLink port;
    private final Framer framer;
    private final Runnable release;
    private final SerialFigures figures = new SerialFigures();
    private final FrameSlot slot;
    private final Thread reader;
    private volatile boolean running = true;

    PushConnection(PortLink port, Framer framer, Runnable release) {
        this.port = port;
        this.framer = framer;
        this.release = release;
        this.slot = new FrameSlot(port.endpoint().path(), figures);
        this.reader = new Thread(this::readStream, "serial-" + port.endpoint().path());
        reader.setDaemon(true);
        reader.start();
    }

    private void readStream() {
        byte[] buffer = new byte[512];
        try {
            while (running) {
                int n = port.read(buffer);
                if (n > 0) {
                    LOG.trace("Serial port {}: {} bytes", port.endpoint().path(), n);
                    framer.accept(buffer, n, slot);
                }
            }
        } catch (IOException e) {
            slot.fail(e);
        } catch (RuntimeException e) {
            LOG.warn("Serial port {}: reader stopped by a bug", port.endpoint().path(), e);
            slot.fail(new IOException("reader failed: " + e, e));
        }
    }

    @Override
    public List<RawValue> read(List<PointRequest> points) {
        try {
            return slot.answer(points, port.endpoint().timeoutMs());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Answers.failed(points, PointStatus.TIMEOUT, "interrupted while waiting for a frame");
        }
    }

    @Override
    public SerialFigures figures() {
        return figures;
    }

    @Override
    public void close() {
        running = false;
        try {
            reader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        port.close();
        release.run();
        LOG.debug("Serial port {} closed: {}", port.endpoint().path(), figures);
    }
}
