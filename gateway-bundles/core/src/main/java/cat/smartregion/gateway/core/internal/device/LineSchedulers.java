package cat.smartregion.gateway.core.internal.device;

import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's physical lines, each polled by one {@link LineScheduler}: devices whose endpoints
 * differ only in their query (e.g. {@code modbus-rtu:///dev/ttyUSB0?unit=1} and {@code ?unit=2}, or
 * two units behind one Modbus TCP gateway) share a line, a thread and, through their driver, a
 * connection. A line's thread starts with its first device and stops with its last.
 */
@Component(service = LineSchedulers.class)
public final class LineSchedulers {

    private static final Logger LOG = LoggerFactory.getLogger(LineSchedulers.class);

    private final Clock clock;
    private final Map<String, LineScheduler> lines = new HashMap<>();

    public LineSchedulers() {
        this(Clock.systemUTC());
    }

    LineSchedulers(Clock clock) {
        this.clock = clock;
    }

    /** The line of an endpoint: its URI without the query, e.g. {@code modbus-tcp://10.0.0.5:502}. */
    static String lineOf(URI endpoint) {
        if (endpoint.isOpaque()) {
            return endpoint.getScheme() + ":" + endpoint.getRawSchemeSpecificPart().split("\\?", 2)[0];
        }
        String authority = endpoint.getRawAuthority() == null ? "" : endpoint.getRawAuthority();
        String path = endpoint.getRawPath() == null || endpoint.getRawPath().equals("/") ? "" : endpoint.getRawPath();
        return endpoint.getScheme() + "://" + authority + path;
    }

    void join(PollLoop loop) {
        String line = lineOf(loop.device().endpoint());
        synchronized (this) {
            lines.computeIfAbsent(line, l -> {
                LOG.info("Line {}: poller thread started", l);
                return new LineScheduler(l, clock);
            }).add(loop);
        }
    }

    /** Takes the device off its line once its running cycle has ended; the last device stops the line. */
    void leave(PollLoop loop) {
        String line = lineOf(loop.device().endpoint());
        LineScheduler scheduler;
        synchronized (this) {
            scheduler = lines.get(line);
        }
        if (scheduler == null) {
            return;
        }
        scheduler.remove(loop);
        synchronized (this) {
            if (lines.get(line) != scheduler || !scheduler.isEmpty()) {
                return;
            }
            lines.remove(line);
        }
        scheduler.stop();
        LOG.info("Line {}: poller thread stopped", line);
    }

    synchronized int lines() {
        return lines.size();
    }

    @Deactivate
    void stop() {
        Map<String, LineScheduler> all;
        synchronized (this) {
            all = new HashMap<>(lines);
            lines.clear();
        }
        all.values().forEach(LineScheduler::stop);
    }
}
