package cat.smartregion.gateway.core.internal.device;

import cat.smartregion.gateway.api.buffer.Buffer;
import cat.smartregion.gateway.api.buffer.BufferException;
import cat.smartregion.gateway.api.device.DeviceConfig;
import cat.smartregion.gateway.api.device.GatewayIdentity;
import cat.smartregion.gateway.api.device.ReadResult;
import cat.smartregion.gateway.api.driver.Connection;
import cat.smartregion.gateway.api.driver.PointRequest;
import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.api.driver.RawValue;
import cat.smartregion.gateway.api.profile.ProfileException;
import cat.smartregion.gateway.api.profile.ProfileLibrary;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device's poll cycle, run by its line's thread only: it owns the device's connection, opens it
 * lazily, closes it after an unreachable answer, reads the points due, and keeps the device's
 * {@link CircuitBreaker}: a device that does not answer is left alone longer and longer. Nothing
 * here throws: every trouble becomes figures, a last error and a state-change log line.
 */
final class PollLoop {

    private static final Logger LOG = LoggerFactory.getLogger(DevicePoller.class);
    private static final Duration MAX_PAUSE = Duration.ofMinutes(5);

    private final DeviceConfig device;
    private final GatewayIdentity identity;
    private final ProfileLibrary profiles;
    private final DriverSet drivers;
    private final Buffer buffer;
    private final Clock clock;
    private final PointSchedule schedule;
    private final PollFigures figures = new PollFigures();
    private final StateLog log;
    private final CircuitBreaker breaker;
    private PollPlan plan;
    private Connection connection;
    private String lastConnectFailure = "";

    PollLoop(DeviceConfig device, PointSchedule schedule, GatewayIdentity identity, ProfileLibrary profiles,
             DriverSet drivers, Buffer buffer, Clock clock) {
        this.device = device;
        this.schedule = schedule;
        this.identity = identity;
        this.profiles = profiles;
        this.drivers = drivers;
        this.buffer = buffer;
        this.clock = clock;
        this.log = new StateLog(device.id());
        Duration max = device.interval().compareTo(MAX_PAUSE) > 0 ? device.interval() : MAX_PAUSE;
        this.breaker = new CircuitBreaker(device.interval(), max);
    }

    DeviceConfig device() {
        return device;
    }

    Duration interval() {
        return device.interval();
    }

    PollFigures figures() {
        return figures;
    }

    /** Polls once for the cycle starting at {@code cycleTime} (UTC ms), unless the breaker leaves the device alone. */
    void cycle(long cycleTime) {
        if (!breaker.allows(clock.millis())) {
            figures.skipped();
            return;
        }
        plan().ifPresent(p -> {
            List<PointRequest> due = schedule.due(p.requests(), cycleTime);
            if (!due.isEmpty()) {
                readAndStore(p, due, cycleTime);
            }
        });
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
                plan = new PollPlan(profiles.load(device.profile()), identity, device);
                schedule.pointIntervals().keySet().stream().filter(p -> !plan.hasPoint(p)).findFirst().ifPresent(p -> {
                    throw new ProfileException("point interval given for '" + p + "', a point profile "
                            + device.profile() + " does not have");
                });
                log.cleared("profile");
            } catch (ProfileException e) {
                plan = null;
                problem("profile", e.getMessage());
            }
        }
        return Optional.ofNullable(plan);
    }

    private void readAndStore(PollPlan current, List<PointRequest> due, long cycleTime) {
        Optional<ReadResult> result = connected().map(c -> read(c, current, due, cycleTime))
                .or(() -> unreachable(current, due));
        result.ifPresent(r -> {
            record(r);
            if (r.failures().stream().anyMatch(f -> f.status() == PointStatus.UNREACHABLE)) {
                close();
            }
            judge(r);
            store(r);
        });
    }

    /** No connection: every point unreachable, unless no driver speaks the endpoint yet (not the device's fault). */
    private Optional<ReadResult> unreachable(PollPlan current, List<PointRequest> due) {
        return lastConnectFailure.isEmpty() ? Optional.empty() : Optional.of(current.unreachable(due, lastConnectFailure));
    }

    private Optional<Connection> connected() {
        if (connection != null) {
            return Optional.of(connection);
        }
        lastConnectFailure = "";
        try {
            connection = drivers.pick(device.endpoint()).connect(device.endpoint(), plan.options());
            log.cleared("driver");
            return Optional.of(connection);
        } catch (IllegalArgumentException e) {
            problem("driver", e.getMessage());
        } catch (IOException e) {
            lastConnectFailure = "cannot connect to " + device.endpoint() + ": " + e.getMessage();
        }
        return Optional.empty();
    }

    private ReadResult read(Connection current, PollPlan p, List<PointRequest> due, long cycleTime) {
        try {
            return p.decode(due, current.read(due), cycleTime);
        } catch (RuntimeException e) {
            return p.unreachable(due, "the connection failed: " + e);
        }
    }

    /** The breaker's verdict: the device answered (data or a protocol exception of its own) or not at all. */
    private void judge(ReadResult result) {
        if (!result.readings().isEmpty() || result.failures().stream().anyMatch(PollLoop::isAnswer)) {
            if (breaker.failures() >= CircuitBreaker.THRESHOLD) {
                log.cleared("silent");
            }
            breaker.succeeded();
            return;
        }
        long pause = breaker.failed(clock.millis());
        if (pause > 0) {
            figures.lastError(device.id() + ": no answer in " + breaker.failures() + " cycles in a row, next attempt at "
                    + Instant.ofEpochMilli(breaker.openUntil()));
            log.problem("silent", "no answer in " + CircuitBreaker.THRESHOLD + " cycles in a row; retrying less and less often");
            LOG.debug("Device {}: left alone for {} ms", device.id(), pause);
        }
    }

    /** Whether a failure still proves the device is there: an exception it answered itself, not its gateway's 0A/0B. */
    private static boolean isAnswer(RawValue failure) {
        return failure.status() == PointStatus.EXCEPTION && failure.exceptionCode() != 0x0A && failure.exceptionCode() != 0x0B;
    }

    private void record(ReadResult result) {
        figures.polled(result.readings().size());
        figures.latest(result.readings());
        figures.failed(result.failures().size());
        for (RawValue f : result.failures()) {
            figures.failed(f.status());
            figures.lastError(device.id() + " " + f.point() + ": " + f.status() + " " + f.detail());
        }
        log.result(result);
        LOG.trace("Device {}: {} readings, {} failures", device.id(), result.readings().size(), result.failures().size());
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
