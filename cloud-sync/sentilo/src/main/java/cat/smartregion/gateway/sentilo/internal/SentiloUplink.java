package cat.smartregion.gateway.sentilo.internal;

import cat.smartregion.gateway.api.alarm.Alarms;
import cat.smartregion.gateway.api.buffer.Batch;
import cat.smartregion.gateway.api.device.DeviceStatus;
import cat.smartregion.gateway.api.profile.ProfileLibrary;
import cat.smartregion.gateway.api.uplink.SendResult;
import cat.smartregion.gateway.api.uplink.Uplink;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uplink to a Sentilo platform. Registers the sensors of the device inventory (the {@link DeviceStatus}
 * services and their profiles) in the catalog as soon as they are known, on its own thread
 * {@code sentilo-catalog}, and again before any data; sends each batch in capped {@code PUT /data}
 * requests with explicit UTC timestamps and the {@code X-Gateway-Batch: first-last} header. Every platform
 * or network outcome is a {@link SendResult}; refused credentials raise {@value AuthGate#ALARM_KEY} on the
 * optional alarm board.
 */
@Component(service = Uplink.class, configurationPid = {SentiloUplink.PID, GatewayIdConfig.PID},
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class SentiloUplink implements Uplink, AutoCloseable {

    /** Configuration PID. */
    public static final String PID = "cat.smartregion.gateway.sentilo";

    private static final Logger LOG = LoggerFactory.getLogger(SentiloUplink.class);
    private static final long STOP_WAIT_S = 10;

    private final UplinkSettings settings;
    private final Inventory inventory;
    private final SensorRegistry registry;
    private final Delivery delivery;
    private final AlarmOutlet alarms = new AlarmOutlet();
    private final AtomicBoolean catalogSyncQueued = new AtomicBoolean();
    private final ExecutorService catalogThread;
    private volatile Optional<ProfileLibrary> profiles = Optional.empty();
    private volatile Optional<Alarms> board = Optional.empty();

    @Activate
    public SentiloUplink(SentiloUplinkConfig config, GatewayIdConfig identity) {
        this(UplinkSettings.from(config, identity.gateway()));
    }

    /** An uplink without OSGi; {@link #close()} it. */
    public SentiloUplink(UplinkSettings settings) {
        this(settings, Clock.systemUTC());
    }

    SentiloUplink(UplinkSettings settings, Clock clock) {
        this.settings = settings;
        this.inventory = new Inventory(settings);
        PlatformClient client = new PlatformClient(settings, new AuthGate(settings, clock, alarms));
        this.registry = new SensorRegistry(client, settings.provider());
        this.delivery = new Delivery(settings, client, registry, inventory);
        ThreadPoolExecutor executor = new ThreadPoolExecutor(0, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "sentilo-catalog");
                    thread.setDaemon(true);
                    return thread;
                });
        this.catalogThread = executor;
        LOG.info("Sentilo uplink to {} as provider {}, requests of {} readings / {} bytes at most", settings.url(),
                settings.provider(), settings.requestReadings(), settings.requestBytes());
    }

    @Override
    public String name() {
        return "sentilo " + settings.url();
    }

    @Override
    public SendResult send(Batch batch) {
        return delivery.send(batch);
    }

    @Reference(name = "devices", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addDevice(DeviceStatus device) {
        inventory.putDevice(device.config());
        syncCatalogSoon();
    }

    public void removeDevice(DeviceStatus device) {
        inventory.removeDevice(device.config().id());
    }

    @Reference(name = "profiles", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void setProfiles(ProfileLibrary library) {
        profiles = Optional.of(library);
        inventory.profiles(profiles);
        syncCatalogSoon();
    }

    public void unsetProfiles(ProfileLibrary library) {
        if (profiles.filter(p -> p == library).isPresent()) {
            profiles = Optional.empty();
            inventory.profiles(profiles);
        }
    }

    @Reference(name = "alarms", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void setAlarms(Alarms alarmBoard) {
        board = Optional.of(alarmBoard);
        alarms.bind(board);
    }

    public void unsetAlarms(Alarms alarmBoard) {
        if (board.filter(b -> b == alarmBoard).isPresent()) {
            board = Optional.empty();
            alarms.bind(board);
        }
    }

    /** Stops the catalog thread. */
    @Deactivate
    @Override
    public void close() {
        catalogThread.shutdownNow();
        try {
            if (!catalogThread.awaitTermination(STOP_WAIT_S, TimeUnit.SECONDS)) {
                LOG.warn("Sentilo catalog thread did not stop within {} s", STOP_WAIT_S);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Registers the inventory's sensors on the catalog thread; changes arriving meanwhile share one sync. */
    private void syncCatalogSoon() {
        if (catalogSyncQueued.compareAndSet(false, true)) {
            try {
                catalogThread.execute(this::syncCatalog);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                catalogSyncQueued.set(false);
            }
        }
    }

    private void syncCatalog() {
        catalogSyncQueued.set(false);
        CatalogResult result = registry.ensure(inventory.entries().values());
        if (result instanceof CatalogResult.Unavailable unavailable) {
            LOG.debug("Inventory not registered yet, retried before the next data: {}", unavailable.retry().reason());
        }
    }
}
