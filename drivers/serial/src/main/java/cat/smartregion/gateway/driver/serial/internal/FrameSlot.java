package cat.smartregion.gateway.driver.serial.internal;

import cat.smartregion.gateway.api.driver.PointRequest;
import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.api.driver.RawValue;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The newest complete frame a pushing device sent, filled by the connection's reader thread and
 * taken by {@code read}: each frame answers one read, so a fast poll does not repeat readings.
 */
final class FrameSlot implements FrameListener {

    private static final Logger LOG = LoggerFactory.getLogger(FrameSlot.class);

    private final String port;
    private final SerialFigures figures;
    private Frame newest;
    private long sequence;
    private long taken;
    private long receivedAt;
    private long brokenSinceGood;
    private String lastBroken = "";
    private IOException failure;

    FrameSlot(String port, SerialFigures figures) {
        this.port = port;
        this.figures = figures;
    }

    @Override
    public synchronized void frame(Frame frame) {
        figures.countFrame();
        newest = frame;
        sequence++;
        receivedAt = System.nanoTime();
        brokenSinceGood = 0;
        notifyAll();
    }

    @Override
    public synchronized void broken(String detail) {
        figures.countBroken();
        brokenSinceGood++;
        lastBroken = detail;
        LOG.debug("Serial port {}: broken frame, {}", port, detail);
    }

    /** The reader stopped on a port error. */
    synchronized void fail(IOException e) {
        failure = e;
        notifyAll();
    }

    /**
     * Answers from a frame no read has used and younger than the timeout, waiting up to the
     * timeout for one: TIMEOUT when none came, BAD_FRAME when only broken frames came.
     */
    synchronized List<RawValue> answer(List<PointRequest> points, long timeoutMs) throws InterruptedException {
        long timeout = TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        long deadline = System.nanoTime() + timeout;
        while (true) {
            if (failure != null) {
                return Answers.failed(points, PointStatus.UNREACHABLE, "serial port " + port + " failed: " + failure.getMessage());
            }
            long now = System.nanoTime();
            if (sequence > taken && now - receivedAt <= timeout) {
                taken = sequence;
                return Answers.of(points, newest);
            }
            if (now - deadline >= 0) {
                return brokenSinceGood > 0
                        ? Answers.failed(points, PointStatus.BAD_FRAME, brokenSinceGood + " broken frames and no good one within "
                                + timeoutMs + " ms on " + port + " (last: " + lastBroken + ")")
                        : Answers.failed(points, PointStatus.TIMEOUT, "no frame within " + timeoutMs + " ms on " + port);
            }
            TimeUnit.NANOSECONDS.timedWait(this, deadline - now);
        }
    }
}
