package cat.smartregion.gateway.sentilo.internal;

import cat.smartregion.gateway.api.uplink.SendResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the Sentilo catalog hold the sensors the gateway wants, with the attributes it wants. Idempotent:
 * it lists the provider's catalog once per process, then registers (POST) only missing sensors and
 * updates (PUT) only sensors whose attributes differ, so a restart re-registers nothing needlessly. A
 * request the platform refuses (400) is retried entry by entry to isolate the refused sensors, which
 * are then not asked for again until their entry changes. One caller at a time.
 */
final class SensorRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(SensorRegistry.class);

    private record Refusal(CatalogEntry entry, String reason) {
    }

    private final PlatformClient client;
    private final String provider;
    /** The platform's view of our sensors, as listed or as last written; null until listed. */
    private Map<String, CatalogEntry> platform;
    private final Map<String, Refusal> refused = new HashMap<>();

    SensorRegistry(PlatformClient client, String provider) {
        this.client = client;
        this.provider = provider;
    }

    synchronized CatalogResult ensure(Collection<CatalogEntry> wanted) {
        if (platform == null) {
            Optional<SendResult.RetryLater> failed = list();
            if (failed.isPresent()) {
                return new CatalogResult.Unavailable(failed.get());
            }
        }
        Map<String, String> refusedNow = new HashMap<>();
        List<CatalogEntry> fresh = new ArrayList<>();
        List<CatalogEntry> changed = new ArrayList<>();
        for (CatalogEntry e : unique(wanted)) {
            Refusal refusal = refused.get(e.sensor());
            if (refusal != null && refusal.entry().equals(e)) {
                refusedNow.put(e.sensor(), refusal.reason());
            } else if (!platform.containsKey(e.sensor())) {
                fresh.add(e);
            } else if (!platform.get(e.sensor()).equals(e)) {
                changed.add(e);
            }
        }
        Optional<SendResult.RetryLater> failed = write(fresh, true, refusedNow)
                .or(() -> write(changed, false, refusedNow));
        return failed.<CatalogResult>map(CatalogResult.Unavailable::new)
                .orElseGet(() -> new CatalogResult.Ready(refusedNow));
    }

    /** Forgets sensors the platform says it does not know, so that the next {@link #ensure} registers them. */
    synchronized void forget(Collection<String> sensors) {
        if (platform != null) {
            sensors.forEach(platform::remove);
        }
    }

    private Optional<SendResult.RetryLater> list() {
        PlatformAnswer answer = client.getCatalog();
        if (answer instanceof PlatformAnswer.Answered a && a.success()) {
            Optional<Map<String, CatalogEntry>> listed = CatalogMessage.entries(a.body(), provider);
            if (listed.isPresent()) {
                platform = new HashMap<>(listed.get());
                return Optional.empty();
            }
        }
        if (answer instanceof PlatformAnswer.Answered a && a.success()) {
            return Optional.of(new SendResult.RetryLater(Duration.ZERO, "catalog listing: unreadable answer"));
        }
        return Optional.of(Verdict.retry(answer, "catalog listing", client.authPause()));
    }

    /** Registers or updates the entries; isolates refused ones; empty unless the platform is unavailable. */
    private Optional<SendResult.RetryLater> write(List<CatalogEntry> entries, boolean register,
                                                  Map<String, String> refusedNow) {
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        PlatformAnswer answer = register ? client.postCatalog(CatalogMessage.register(entries))
                : client.putCatalog(CatalogMessage.update(entries));
        if (answer instanceof PlatformAnswer.Answered a && a.success()) {
            written(entries, register);
            return Optional.empty();
        }
        if (!(answer instanceof PlatformAnswer.Answered a && (a.status() == 400 || a.status() == 409))) {
            return Optional.of(Verdict.retry(answer, "catalog", client.authPause()));
        }
        if (entries.size() > 1) {
            for (CatalogEntry e : entries) {
                Optional<SendResult.RetryLater> failed = write(List.of(e), register, refusedNow);
                if (failed.isPresent()) {
                    return failed;
                }
            }
            return Optional.empty();
        }
        return settleRefusal(entries.get(0), register, a, refusedNow);
    }

    private Optional<SendResult.RetryLater> settleRefusal(CatalogEntry entry, boolean register,
                                                          PlatformAnswer.Answered answer, Map<String, String> refusedNow) {
        if (register && alreadyExists(answer)) {
            // registered, yet not in our view (e.g. offline sensors are not listed): update it instead
            return write(List.of(entry), false, refusedNow);
        }
        String reason = "catalog " + (register ? "registration" : "update") + " of " + entry.sensor() + ": HTTP "
                + answer.status() + " " + answer.message();
        LOG.warn("Sentilo refuses sensor {} of provider {}: {}", entry.sensor(), provider, reason);
        refused.put(entry.sensor(), new Refusal(entry, reason));
        refusedNow.put(entry.sensor(), reason);
        return Optional.empty();
    }

    private void written(List<CatalogEntry> entries, boolean register) {
        entries.forEach(e -> {
            platform.put(e.sensor(), e);
            refused.remove(e.sensor());
        });
        LOG.info("{} {} sensor(s) of provider {} in the Sentilo catalog", register ? "registered" : "updated",
                entries.size(), provider);
    }

    private static Collection<CatalogEntry> unique(Collection<CatalogEntry> entries) {
        Map<String, CatalogEntry> bySensor = new LinkedHashMap<>();
        entries.forEach(e -> bySensor.put(e.sensor(), e));
        return bySensor.values();
    }

    private static boolean alreadyExists(PlatformAnswer.Answered answer) {
        return answer.messages().stream().anyMatch(m -> m.toLowerCase(Locale.ROOT).contains("already exist"));
    }
}
