package cat.smartregion.gateway.core.internal.device;

import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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

    /** Ports of the schemes that have one by default: without it, the same endpoint would be two lines. */
    private static final Map<String, Integer> DEFAULT_PORTS = Map.of("modbus-tcp", 502, "modbus-rtutcp", 502,
            "coap", 5683, "coaps", 5684);
    /** Schemes whose path is a local serial port: whatever protocol they speak, one port is one bus. */
    private static final Set<String> SERIAL = Set.of("modbus-rtu", "modbus-ascii", "serial");
    /** Schemes whose path names a resource of the host: RFC 7252's NSTART 1 asks one request at a time per server. */
    private static final Set<String> PER_HOST = Set.of("coap", "coaps");

    private final Clock clock;
    private final Map<String, LineScheduler> lines = new HashMap<>();

    public LineSchedulers() {
        this(Clock.systemUTC());
    }

    LineSchedulers(Clock clock) {
        this.clock = clock;
    }

    /**
     * The line of an endpoint: its URI without the query, with the scheme's default port made
     * explicit (e.g. {@code modbus-tcp://10.0.0.5:502}); a serial port's line is {@code serial://PATH}
     * whichever protocol the device speaks on it; a CoAP server's resources share its line.
     */
    static String lineOf(URI endpoint) {
        String scheme = endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (endpoint.isOpaque()) {
            return scheme + ":" + endpoint.getRawSchemeSpecificPart().split("\\?", 2)[0];
        }
        String path = endpoint.getRawPath() == null || endpoint.getRawPath().equals("/") ? "" : endpoint.getRawPath();
        if (SERIAL.contains(scheme)) {
            return "serial://" + path;
        }
        String authority = endpoint.getRawAuthority() == null ? "" : endpoint.getRawAuthority();
        if (endpoint.getHost() != null) {
            int port = endpoint.getPort() != -1 ? endpoint.getPort() : DEFAULT_PORTS.getOrDefault(scheme, -1);
            authority = endpoint.getHost().toLowerCase(Locale.ROOT) + (port != -1 ? ":" + port : "");
        }
        return scheme + "://" + authority + (PER_HOST.contains(scheme) ? "" : path);
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
