package cat.smartregion.gateway.sentilo.internal;

import cat.smartregion.gateway.api.alarm.Alarm;
import cat.smartregion.gateway.api.alarm.AlarmListener;
import cat.smartregion.gateway.api.uplink.SendResult;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes gateway alarms as Sentilo alarms, {@code PUT /alarm/{alertId}} with {@code {"message":...}},
 * for the alarm keys the configuration maps to an alert id. Listening never blocks the raising thread:
 * alarms wait in a bounded queue (the oldest dropped when full) for the thread {@code sentilo-alarms}.
 * A platform unreachable or failing (5xx) is tried again a few times with growing pauses; an alarm the
 * platform refuses is logged and dropped.
 */
@Component(service = AlarmListener.class, configurationPid = SentiloUplink.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
public final class SentiloAlarmPublisher implements AlarmListener, AutoCloseable {

    static final int QUEUE = 64;
    static final int ATTEMPTS = 5;
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final int MAX_MESSAGE = 500;
    private static final Logger LOG = LoggerFactory.getLogger(SentiloAlarmPublisher.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Publication(String alert, String message) {
    }

    private final AlarmRoutes routes;
    private final PlatformClient client;
    private final BlockingQueue<Publication> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong dropped = new AtomicLong();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread thread;

    @Activate
    public SentiloAlarmPublisher(SentiloUplinkConfig config) {
        this(UplinkSettings.from(config, ""));
    }

    /** A publisher without OSGi; {@link #close()} it. */
    public SentiloAlarmPublisher(UplinkSettings settings) {
        this.routes = new AlarmRoutes(settings.alerts());
        this.client = new PlatformClient(settings, new AuthGate(settings, Clock.systemUTC(), new AlarmOutlet()));
        this.thread = new Thread(this::run, "sentilo-alarms");
        thread.setDaemon(true);
        thread.start();
        LOG.info("Sentilo alarm publisher to {}: {}", settings.url(),
                routes.isEmpty() ? "no alert configured, publishing nothing" : "alerts " + settings.alerts());
    }

    @Override
    public void raised(Alarm alarm) {
        routes.alertFor(alarm.key()).ifPresent(alert -> enqueue(new Publication(alert,
                alarm.severity() + " " + alarm.key() + " (" + alarm.source() + "): " + alarm.message())));
    }

    @Override
    public void cleared(Alarm alarm) {
        routes.alertFor(alarm.key()).ifPresent(alert -> enqueue(new Publication(alert,
                "CLEARED " + alarm.key() + " (" + alarm.source() + ")")));
    }

    @Deactivate
    @Override
    public void close() {
        stop.countDown();
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void enqueue(Publication publication) {
        while (!queue.offer(publication)) {
            if (queue.poll() != null && dropped.incrementAndGet() == 1) {
                LOG.warn("Sentilo alarm queue full ({}): dropping the oldest alarms", QUEUE);
            }
        }
    }

    private void run() {
        try {
            while (stop.getCount() > 0) {
                publish(queue.take());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void publish(Publication publication) throws InterruptedException {
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            PlatformAnswer answer = client.putAlarm(publication.alert(), body(publication.message()));
            SendResult result = Verdict.of(answer, "alarm " + publication.alert(), Duration.ZERO);
            if (result instanceof SendResult.Delivered) {
                LOG.trace("published alarm to alert {}", publication.alert());
                return;
            }
            boolean transient5xxOrNetwork = result instanceof SendResult.RetryLater r && r.after().isZero()
                    && !(answer instanceof PlatformAnswer.Held);
            if (!transient5xxOrNetwork || attempt == ATTEMPTS || stop.await(pause.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Sentilo alarm for alert {} not published: {}", publication.alert(), reason(result));
                return;
            }
            pause = pause.multipliedBy(2);
        }
    }

    private static String reason(SendResult result) {
        if (result instanceof SendResult.RetryLater r) {
            return r.reason();
        }
        return result instanceof SendResult.Rejected r ? r.reason() : result.toString();
    }

    private static byte[] body(String message) {
        String text = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message;
        return JSON.createObjectNode().put("message", text).toString().getBytes(StandardCharsets.UTF_8);
    }
}
