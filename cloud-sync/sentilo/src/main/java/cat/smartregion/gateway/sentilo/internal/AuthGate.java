package cat.smartregion.gateway.sentilo.internal;

import cat.smartregion.gateway.api.alarm.Alarm;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops all calls to the platform after it refused our credentials (401/403): a critical alarm
 * {@value #ALARM_KEY} is raised and nothing is sent for the configured pause; then one call probes
 * again. The first accepted call clears the alarm. Thread-safe.
 */
final class AuthGate {

    static final String ALARM_KEY = "uplink.sentilo.auth";
    private static final Logger LOG = LoggerFactory.getLogger(AuthGate.class);

    private final UplinkSettings settings;
    private final Clock clock;
    private final AlarmOutlet alarms;
    private long closedUntil;
    private boolean refused;

    AuthGate(UplinkSettings settings, Clock clock, AlarmOutlet alarms) {
        this.settings = settings;
        this.clock = clock;
        this.alarms = alarms;
    }

    /** How long calls are still held back; empty when a call may go. */
    synchronized Optional<Duration> held() {
        long remaining = closedUntil - clock.millis();
        return remaining > 0 ? Optional.of(Duration.ofMillis(remaining)) : Optional.empty();
    }

    synchronized void refused(int status, String message) {
        closedUntil = clock.millis() + settings.authRetry().toMillis();
        if (!refused) {
            refused = true;
            LOG.warn("Sentilo at {} refuses the token of provider {} (HTTP {}: {}); sending nothing for {} s;"
                    + " check provider and token", settings.url(), settings.provider(), status, message,
                    settings.authRetry().toSeconds());
        }
        alarms.raise(new Alarm(ALARM_KEY, Alarm.Severity.CRITICAL, "uplink",
                "Sentilo at " + settings.url() + " refuses provider " + settings.provider() + " (HTTP " + status
                        + " " + message + "): check the provider id and its token; uploads are paused and retried"
                        + " every " + settings.authRetry().toMinutes() + " min", clock.millis()));
    }

    synchronized void accepted() {
        if (refused) {
            refused = false;
            LOG.info("Sentilo at {} accepts provider {} again", settings.url(), settings.provider());
            alarms.clear(ALARM_KEY);
        }
    }
}
