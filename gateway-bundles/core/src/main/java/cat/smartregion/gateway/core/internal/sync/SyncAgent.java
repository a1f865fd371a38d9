package cat.smartregion.gateway.core.internal.sync;

import cat.smartregion.gateway.api.buffer.Buffer;
import cat.smartregion.gateway.api.uplink.DeliveryStatus;
import cat.smartregion.gateway.api.uplink.Uplink;
import cat.smartregion.gateway.core.internal.retry.Backoff;
import java.time.Clock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves readings from the buffer to the uplink in sequence order, on its own thread: a batch leaves
 * the buffer only when the uplink says it was delivered; failures back off with full jitter. Says how
 * delivery goes as the {@link DeliveryStatus} service.
 */
@Component(service = DeliveryStatus.class, immediate = true, configurationPid = SyncAgent.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = SyncAgent.Config.class)
public final class SyncAgent implements DeliveryStatus {

    static final String PID = "cat.smartregion.gateway.sync";
    private static final Logger LOG = LoggerFactory.getLogger(SyncAgent.class);
    private static final long STOP_WAIT_MS = 10_000;

    /** Batching and back-off of the sync agent (PID {@code cat.smartregion.gateway.sync}). */
    @ObjectClassDefinition(name = "Gateway sync agent", description = "Batches from the buffer to the uplink")
    public @interface Config {

        @AttributeDefinition(description = "Most readings per batch")
        int batch_readings() default 500;

        @AttributeDefinition(description = "About this many bytes per batch at most")
        long batch_bytes() default 262144;

        @AttributeDefinition(description = "First back-off ceiling in ms after a failed send; doubles per failure")
        long backoff_initial_ms() default 1000;

        @AttributeDefinition(description = "Back-off cap in ms")
        long backoff_max_ms() default 300000;
    }

    private final Sleeper.StopSignal stop = new Sleeper.StopSignal();
    private final Thread thread;
    private final SyncLoop loop;

    @Activate
    public SyncAgent(@Reference(name = "buffer") Buffer buffer, @Reference(name = "uplink") Uplink uplink,
                     Config config) {
        this(buffer, uplink, SyncSettings.of(config));
    }

    /** An agent outside OSGi; it starts now, stop it with {@link #stop()}. */
    public SyncAgent(Buffer buffer, Uplink uplink, SyncSettings settings) {
        Backoff backoff = Backoff.withJitter(settings.backoffInitial(), settings.backoffMax());
        loop = new SyncLoop(buffer, uplink, settings, stop, backoff, Clock.systemUTC());
        thread = new Thread(loop, "sync-agent");
        thread.setDaemon(true);
        thread.start();
        LOG.info("Sync agent started: uplink {}, batches of {} readings / {} bytes, back-off {}..{} ms",
                uplink.name(), settings.batchReadings(), settings.batchBytes(),
                settings.backoffInitial().toMillis(), settings.backoffMax().toMillis());
    }

    @Override
    public Snapshot snapshot() {
        return loop.snapshot();
    }

    /** Stops the thread, interrupting a send that does not end within 10 s. */
    @Deactivate
    public void stop() {
        stop.stop();
        try {
            thread.join(STOP_WAIT_MS);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(STOP_WAIT_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Sync agent stopped");
    }
}
