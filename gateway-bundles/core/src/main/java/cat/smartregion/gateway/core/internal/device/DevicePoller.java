package cat.smartregion.gateway.core.internal.device;

import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.buffer.Buffer;
import cat.smartregion.gateway.api.device.DeviceConfig;
import cat.smartregion.gateway.api.device.DeviceStatus;
import cat.smartregion.gateway.api.device.GatewayIdentity;
import cat.smartregion.gateway.api.driver.Driver;
import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.api.profile.ProfileLibrary;
import cat.smartregion.gateway.api.push.PushIngest;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One installed device (one factory configuration each): its poll loop runs on the thread of its
 * physical line ({@link LineSchedulers}), at multiples of its interval in wall-clock time, and
 * appends each cycle's readings to the buffer in one call. Registered as its {@link DeviceStatus}.
 */
@Component(service = DeviceStatus.class, immediate = true, configurationPid = {DevicePoller.PID, IdentityConfig.PID},
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class DevicePoller implements DeviceStatus {

    static final String PID = "cat.smartregion.gateway.device";
    private static final Logger LOG = LoggerFactory.getLogger(DevicePoller.class);

    /**
     * One installed device (factory PID {@code cat.smartregion.gateway.device}). The OCD names its
     * factory PID itself: {@code @Designate} cannot, as the component has two configuration PIDs.
     */
    @ObjectClassDefinition(name = "Gateway device", description = "A device the gateway polls", factoryPid = PID)
    public @interface Config {

        @AttributeDefinition(description = "Device id, unique within the gateway, 1-64 of A-Z a-z 0-9 _ - (required)")
        String id() default "";

        @AttributeDefinition(description = "Profile id from the profile library, or a path to a .yaml file (required)")
        String profile() default "";

        @AttributeDefinition(description = "Endpoint URI, e.g. modbus-tcp://10.0.0.5:502?unit=1 (required); devices whose "
                + "endpoints differ only in the query share a line: one thread, one request at a time; a device that "
                + "pushes: coap-push:IDENTITY?keyFile=FILE")
        String endpoint() default "";

        @AttributeDefinition(description = "Poll interval in milliseconds, at least 100")
        long interval_ms() default 5000;

        @AttributeDefinition(description = "Per-installation parameters as key=value, e.g. location=41.39 2.17 or ctRatio=40")
        String[] params() default {};

        @AttributeDefinition(description = "Points read less often than every interval, as point=milliseconds, a multiple of "
                + "interval.ms, e.g. totalActiveEnergyImport=900000")
        String[] pointIntervals() default {};
    }

    private final DriverSet drivers = new DriverSet();
    private final DeviceConfig device;
    private final PollFigures figures;
    private final Optional<PollLoop> loop;
    private final Optional<PushReceiver> receiver;
    private final LineSchedulers lines;
    private final Optional<LineSchedulers> owned;
    private volatile boolean stopped;
    private final Optional<PushRegistry> pushed;

    @Activate
    public DevicePoller(@Reference(name = "profiles") ProfileLibrary profiles, @Reference(name = "buffer") Buffer buffer,
                        @Reference(name = "lines") LineSchedulers lines, @Reference(name = "push") PushRegistry push,
                        Config config, IdentityConfig identity) {
        this(new DeviceConfig(config.id(), config.profile(), URI.create(config.endpoint()),
                        Duration.ofMillis(config.interval_ms()), KeyValues.parse("params", config.params())),
                durations(KeyValues.parse("pointIntervals", config.pointIntervals())),
                new GatewayIdentity(identity.tenant(), identity.gateway()), profiles, buffer, Clock.systemUTC(), lines, List.of(),
                push);
    }

    /** A poller outside OSGi on a line of its own: it starts polling now; add drivers with {@link #addDriver}, stop with {@link #stop}. */
    DevicePoller(DeviceConfig device, GatewayIdentity identity, ProfileLibrary profiles, Buffer buffer, Clock clock) {
        this(device, Map.of(), identity, profiles, buffer, clock, null, List.of(), null);
    }

    /** A poller of a device that does not push, sharing its line with the other pollers of {@code lines} (its own when null). */
    public DevicePoller(DeviceConfig device, Map<String, Duration> pointIntervals, GatewayIdentity identity,
                        ProfileLibrary profiles, Buffer buffer, Clock clock, LineSchedulers lines,
                        List<Driver> initialDrivers) {
        this(device, pointIntervals, identity, profiles, buffer, clock, lines, initialDrivers, null);
    }

    /**
     * A poller sharing its line with the other pollers of {@code lines} (its own lines when null),
     * or, when the device pushes ({@link PushIngest#isPush}), a receiver that joins {@code push}.
     *
     * @param pointIntervals points read less often, by name; multiples of the device interval
     * @param initialDrivers drivers known before the first cycle; more come with {@link #addDriver}
     * @throws IllegalArgumentException when a pushing device has no identity or shares another's
     */
    public DevicePoller(DeviceConfig device, Map<String, Duration> pointIntervals, GatewayIdentity identity,
                        ProfileLibrary profiles, Buffer buffer, Clock clock, LineSchedulers lines,
                        List<Driver> initialDrivers, PushRegistry push) {
        this.device = device;
        initialDrivers.forEach(drivers::add);
        if (PushIngest.isPush(device.endpoint())) {
            PushReceiver pushReceiver = new PushReceiver(device, identity, profiles, buffer, clock);
            Objects.requireNonNull(push, "push").join(pushReceiver);
            pushReceiver.check();
            this.receiver = Optional.of(pushReceiver);
            this.loop = Optional.empty();
            this.figures = pushReceiver.figures();
            this.owned = Optional.empty();
            this.lines = null;
            this.pushed = Optional.of(push);
            LOG.info("Device {} ({}) pushes as {}", device.id(), device.profile(), PushIngest.identity(device.endpoint()));
            return;
        }
        this.receiver = Optional.empty();
        this.pushed = Optional.empty();
        this.owned = lines == null ? Optional.of(new LineSchedulers(clock)) : Optional.empty();
        this.lines = owned.orElse(lines);
        PollLoop pollLoop = new PollLoop(device, new PointSchedule(device.interval(), pointIntervals), identity, profiles,
                drivers, buffer, clock);
        this.loop = Optional.of(pollLoop);
        this.figures = pollLoop.figures();
        this.lines.join(pollLoop);
        LOG.info("Polling device {} ({} at {}) every {} ms", device.id(), device.profile(), device.endpoint(),
                device.interval().toMillis());
    }

    private static Map<String, Duration> durations(Map<String, String> millis) {
        return millis.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getKey,
                e -> Duration.ofMillis(KeyValues.number("pointIntervals", e.getKey(), e.getValue()))));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addDriver(Driver driver) {
        drivers.add(driver);
    }

    public void removeDriver(Driver driver) {
        drivers.remove(driver);
    }

    /** Takes the device off its line (after its running cycle) and closes its connection, or stops taking its pushes. */
    @Deactivate
    public void stop() {
        receiver.ifPresent(r -> {
            pushed.orElseThrow().leave(r);
            r.close();
        });
        loop.ifPresent(l -> {
            lines.leave(l);
            l.close();
        });
        owned.ifPresent(LineSchedulers::stop);
        stopped = true;
        LOG.info("Stopped {} device {}", loop.isPresent() ? "polling" : "taking pushes from", device.id());
    }

    @Override
    public DeviceConfig config() {
        return device;
    }

    @Override
    public boolean stopped() {
        return stopped;
    }

    @Override
    public long polled() {
        return figures.polled();
    }

    @Override
    public long failed() {
        return figures.failed();
    }

    @Override
    public long stored() {
        return figures.stored();
    }

    @Override
    public List<Reading> lastReadings() {
        return figures.latest();
    }

    @Override
    public String lastError() {
        return figures.lastError();
    }

    /** Points that failed with the status since start. */
    public long failures(PointStatus status) {
        return figures.failures(status);
    }

    /** Cycles the circuit breaker skipped since start. */
    public long skippedCycles() {
        return figures.skippedCycles();
    }
}
