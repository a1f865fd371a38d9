package cat.smartregion.gateway.core.internal.device;

import cat.smartregion.gateway.api.buffer.Buffer;
import cat.smartregion.gateway.api.buffer.BufferException;
import cat.smartregion.gateway.api.device.DeviceConfig;
import cat.smartregion.gateway.api.device.GatewayIdentity;
import cat.smartregion.gateway.api.device.ReadResult;
import cat.smartregion.gateway.api.driver.Connection;
import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.api.driver.RawValue;
import cat.smartregion.gateway.api.profile.ProfileException;
import cat.smartregion.gateway.api.profile.ProfileLibrary;
import cat.smartregion.gateway.core.internal.retry.Backoff;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device's poll cycle, run by its poller thread only: it owns the connection, opens it lazily,
 * closes it after an unreachable answer and waits a jittered back-off before connecting again.
 * Nothing here throws: every trouble becomes figures, a last error and a state-change log line.
 */
final class PollLoop {

    private static final Logger LOG = LoggerFactory.getLogger(DevicePoller.class);
    private static final Duration MAX_RECONNECT_WAIT = Duration.ofMinutes(5);

    private final DeviceConfig device;
    private final GatewayIdentity identity;
    private final ProfileLibrary profiles;
    private final DriverSet drivers;
    private final Buffer buffer;
    private final Clock clock;
    private final PollFigures figures = new PollFigures();
    private final StateLog log;
    private final Backoff reconnect;
    private PollPlan plan;
    private Connection connection;
    private long nextConnect;

    PollLoop(DeviceConfig device, GatewayIdentity identity, ProfileLibrary profiles, DriverSet drivers,
             Buffer buffer, Clock clock) {
        this.device = device;
        this.identity = identity;
        this.profiles = profiles;
        this.drivers = drivers;
        this.buffer = buffer;
        this.clock = clock;
        this.log = new StateLog(device.id());
        Duration max = device.interval().compareTo(MAX_RECONNECT_WAIT) > 0 ? device.interval() : MAX_RECONNECT_WAIT;
        this.reconnect = Backoff.withJitter(device.interval(), max);
    }

    PollFigures figures() {
        return figures;
    }

    /** Polls once for the cycle starting at {@code cycleTime} (UTC ms), unless waiting to reconnect. */
    void cycle(long cycleTime) {
        if (connection == null && clock.millis() < nextConnect) {
            return;
        }
        plan().flatMap(this::connected).ifPresent(c -> readAndStore(c, cycleTime));
    }

    /** Closes the connection; the loop may connect again on its next cycle. */
    void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (RuntimeException e) {
                LOG.debug("Device {}: closing the connection failed: {}", device.id(), e.toString());
            }
            connection = null;
        }
    }

    private Optional<PollPlan> plan() {
        if (plan == null) {
            try {
                plan = new PollPlan(profiles.load(device.profile()), identity, device.id());
                log.cleared("profile");
            } catch (ProfileException e) {
                problem("profile", e.getMessage());
            }
        }
        return Optional.ofNullable(plan);
    }

    private Optional<Connection> connected(PollPlan current) {
        if (connection != null) {
            return Optional.of(connection);
        }
        try {
            connection = drivers.pick(device.endpoint()).connect(device.endpoint());
            log.cleared("driver");
            return Optional.of(connection);
        } catch (IllegalArgumentException e) {
            problem("driver", e.getMessage());
        } catch (IOException e) {
            record(current.unreachable("cannot connect to " + device.endpoint() + ": " + e.getMessage()));
        }
        nextConnect = clock.millis() + reconnect.next().toMillis();
        return Optional.empty();
    }

    private void readAndStore(Connection current, long cycleTime) {
        ReadResult result;
        try {
            result = plan.decode(current.read(plan.requests()), cycleTime);
        } catch (RuntimeException e) {
            result = plan.unreachable("the connection failed: " + e);
        }
        record(result);
        if (result.failures().stream().anyMatch(f -> f.status() == PointStatus.UNREACHABLE)) {
            close();
            nextConnect = clock.millis() + reconnect.next().toMillis();
        } else {
            reconnect.reset();
        }
        store(result);
    }

    private void record(ReadResult result) {
        figures.polled(result.readings().size());
        figures.latest(result.readings());
        figures.failed(result.failures().size());
        for (RawValue f : result.failures()) {
            figures.lastError(device.id() + " " + f.point() + ": " + f.status() + " " + f.detail());
        }
        log.result(result);
        LOG.trace("Device {}: {} readings, {} failures", device.id(), result.readings().size(),
                result.failures().size());
    }

    private void store(ReadResult result) {
        if (result.readings().isEmpty()) {
            return;
        }
        try {
            figures.stored(buffer.append(result.readings()).size());
            log.cleared("buffer");
        } catch (BufferException e) {
            problem("buffer", e.getMessage());
        }
    }

    private void problem(String kind, String message) {
        figures.lastError(device.id() + ": " + kind + ": " + message);
        log.problem(kind, message);
    }
}
