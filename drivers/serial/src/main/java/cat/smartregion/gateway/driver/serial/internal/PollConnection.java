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
 * A device that answers requests: each {@code read} drops what is waiting, sends the request and
 * reads until the first good frame or the timeout (BAD_FRAME when only broken frames came,
 * TIMEOUT when nothing did). One request in flight: the calling thread does it all.
 */
final class PollConnection implements SerialConnection {

    private static final Logger LOG = LoggerFactory.getLogger(PollConnection.class);

    private final PortLink port;
    private final Framer framer;
    private final byte[] request;
    private final Runnable release;
    private final SerialFigures figures = new SerialFigures();

    PollConnection(PortLink port, Framer framer, byte[] request, Runnable release) {
        this.port = port;
        this.framer = framer;
        this.request = request.clone();
        this.release = release;
    }

    @Override
    public List<RawValue> read(List<PointRequest> points) {
        String path = port.endpoint().path();
        int timeoutMs = port.endpoint().timeoutMs();
        try {
            port.discard();
            framer.reset();
            port.write(request);
            Answer answer = awaitAnswer(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs));
            if (answer.frame != null) {
                return Answers.of(points, answer.frame);
            }
            return answer.broken > 0
                    ? Answers.failed(points, PointStatus.BAD_FRAME, answer.broken + " broken answers and no good one within "
                            + timeoutMs + " ms on " + path + " (last: " + answer.lastBroken + ")")
                    : Answers.failed(points, PointStatus.TIMEOUT, "no answer within " + timeoutMs + " ms on " + path);
        } catch (IOException e) {
            return Answers.failed(points, PointStatus.UNREACHABLE, e.getMessage());
        }
    }

    private Answer awaitAnswer(long deadline) throws IOException {
        Answer answer = new Answer();
        byte[] buffer = new byte[512];
        while (answer.frame == null && System.nanoTime() - deadline < 0) {
            int n = port.read(buffer);
            if (n > 0) {
                LOG.trace("Serial port {}: {} bytes", port.endpoint().path(), n);
                framer.accept(buffer, n, answer);
            }
        }
        return answer;
    }

    @Override
    public SerialFigures figures() {
        return figures;
    }

    @Override
    public void close() {
        port.close();
        release.run();
        LOG.debug("Serial port {} closed: {}", port.endpoint().path(), figures);
    }

    /** The first good frame of an answer, and the broken ones before it. */
    private final class Answer implements FrameListener {
        private Frame frame;
        private int broken;
        private String lastBroken = "";

        @Override
        public void frame(Frame f) {
            figures.countFrame();
            if (frame == null) {
                frame = f;
            }
        }

        @Override
        public void broken(String detail) {
            figures.countBroken();
            broken++;
            lastBroken = detail;
            LOG.debug("Serial port {}: broken answer, {}", port.endpoint().path(), detail);
        }
    }
}
