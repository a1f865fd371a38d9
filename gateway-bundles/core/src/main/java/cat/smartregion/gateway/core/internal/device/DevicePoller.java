package cat.smartregion.gateway.core.internal.device;

import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.buffer.Buffer;
import cat.smartregion.gateway.api.device.DeviceConfig;
import cat.smartregion.gateway.api.device.DeviceStatus;
import cat.smartregion.gateway.api.device.GatewayIdentity;
import cat.smartregion.gateway.api.driver.Driver;
import cat.smartregion.gateway.api.profile.ProfileLibrary;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * Polls one device (one factory configuration each) on its own thread, at multiples of its
 * interval in wall-clock time, and appends each cycle's readings to the buffer in one call.
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

        @AttributeDefinition(description = "Endpoint URI, e.g. modbus-tcp://10.0.0.5:502?unit=1 (required)")
        String endpoint() default "";

        @AttributeDefinition(description = "Poll interval in milliseconds, at least 100")
        long interval_ms() default 5000;
    }

    private final DriverSet drivers = new DriverSet();
    private final DeviceConfig device;
    private final Clock clock;
    private final PollLoop loop;
    private final ScheduledExecutorService executor;
    private long lastCycle;

    @Activate
    public DevicePoller(@Reference(name = "profiles") ProfileLibrary profiles,
                        @Reference(name = "buffer") Buffer buffer, Config config, IdentityConfig identity) {
        this(new DeviceConfig(config.id(), config.profile(), URI.create(config.endpoint()),
                        Duration.ofMillis(config.interval_ms())),
                new GatewayIdentity(identity.tenant(), identity.gateway()), profiles, buffer, Clock.systemUTC());
    }

    /** A poller outside OSGi: it starts polling now; add drivers with {@link #addDriver}, stop with {@link #stop}. */
    public DevicePoller(DeviceConfig device, GatewayIdentity identity, ProfileLibrary profiles, Buffer buffer,
                        Clock clock) {
        this.device = device;
        this.clock = clock;
        this.loop = new PollLoop(device, identity, profiles, drivers, buffer, clock);
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "poller-" + device.id());
            t.setDaemon(true);
            return t;
        });
        scheduleNext();
        LOG.info("Polling device {} ({} at {}) every {} ms", device.id(), device.profile(), device.endpoint(),
                device.interval().toMillis());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addDriver(Driver driver) {
        drivers.add(driver);
    }

    public void removeDriver(Driver driver) {
        drivers.remove(driver);
    }

    /** Stops the thread and closes the connection. */
    @Deactivate
    public void stop() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Device {}: the poller thread did not stop within 10 s", device.id());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        loop.close();
        LOG.info("Stopped polling device {}", device.id());
    }

    @Override
    public DeviceConfig config() {
        return device;
    }

    @Override
    public long polled() {
        return loop.figures().polled();
    }

    @Override
    public long failed() {
        return loop.figures().failed();
    }

    @Override
    public long stored() {
        return loop.figures().stored();
    }

    @Override
    public List<Reading> lastReadings() {
        return loop.figures().latest();
    }

    @Override
    public String lastError() {
        return loop.figures().lastError();
    }

    private void cycle(long cycleTime) {
        try {
            loop.cycle(cycleTime);
        } catch (RuntimeException e) {
            LOG.warn("Device {}: poll cycle failed", device.id(), e);
            loop.figures().lastError(device.id() + ": " + e);
            loop.close();
        } finally {
            scheduleNext();
        }
    }

    /** Schedules the next cycle at the next multiple of the interval after now (skipping missed ones). */
    private void scheduleNext() {
        long interval = device.interval().toMillis();
        long now = clock.millis();
        long next = Math.max(Math.floorDiv(now, interval) * interval + interval, lastCycle + interval);
        lastCycle = next;
        try {
            executor.schedule(() -> cycle(next), next - now, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("Device {}: stopping, no further cycle", device.id());
        }
    }
}
