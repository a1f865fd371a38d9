package cat.smartregion.gateway.driver.serial.internal;

import cat.smartregion.gateway.api.driver.Connection;
import cat.smartregion.gateway.api.driver.Driver;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serial driver: devices on a serial line speaking a line protocol (ASCII lines parsed with a
 * pattern) or binary frames (header, length, checksum), pushed by the device or polled with a
 * request, as the profile's options say ({@link ProtocolOptions}). One connection per port at a
 * time, so one request is in flight per line.
 */
@Component(service = Driver.class, configurationPid = SerialDriver.PID, property = "scheme=serial")
@Designate(ocd = SerialDriverConfig.class)
public final class SerialDriver implements Driver {

    /** Configuration PID. */
    public static final String PID = "cat.smartregion.gateway.driver.serial";

    private static final Logger LOG = LoggerFactory.getLogger(SerialDriver.class);

    private final int defaultTimeoutMs;
    private final Set<String> portsInUse = ConcurrentHashMap.newKeySet();

    @Activate
    public SerialDriver(SerialDriverConfig config) {
        this(config.defaultTimeoutMs());
        LOG.info("Serial driver active: default timeout {} ms", defaultTimeoutMs);
    }

    SerialDriver(int defaultTimeoutMs) {
        if (defaultTimeoutMs < 1 || defaultTimeoutMs > 60_000) {
            throw new IllegalArgumentException("defaultTimeoutMs must be 1-60000, got " + defaultTimeoutMs);
        }
        this.defaultTimeoutMs = defaultTimeoutMs;
    }

    @Override
    public boolean supports(URI endpoint) {
        return SerialEndpoint.SCHEME.equals(endpoint.getScheme());
    }

    @Override
    public Connection connect(URI endpoint) {
        throw new IllegalArgumentException("a serial device needs its profile's options (frame, pattern or header...): "
                + endpoint);
    }

    @Override
    public Connection connect(URI uri, Map<String, String> options) throws IOException {
        SerialEndpoint endpoint = SerialEndpoint.parse(uri, defaultTimeoutMs);
        ProtocolOptions protocol = ProtocolOptions.parse(options);
        if (!portsInUse.add(endpoint.path())) {
            throw new IOException("serial port " + endpoint.path() + " is already in use by another connection");
        }
        PortLink port;
        try {
            port = PortLink.open(endpoint);
        } catch (IOException | RuntimeException e) {
            portsInUse.remove(endpoint.path());
            throw e;
        }
        Runnable release = () -> portsInUse.remove(endpoint.path());
        LOG.debug("Serial connection to {}: {}, {}", endpoint, protocol.describe(), protocol.push() ? "pushed" : "polled");
        return protocol.push() ? new PushConnection(port, protocol.framers().get(), release)
                : new PollConnection(port, protocol.framers().get(), protocol.request(), release);
    }

    @Deactivate
    void deactivate() {
        LOG.info("Serial driver stopped");
    }
}
