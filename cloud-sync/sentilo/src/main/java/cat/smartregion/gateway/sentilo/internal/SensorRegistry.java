package cat.smartregion.gateway.sentilo.internal;

import cat.smartregion.gateway.api.uplink.SendResult;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers sensors in the Sentilo catalog before their first data, once per process. Idempotent:
 * when the platform says a sensor already exists, the registry lists the catalog, updates the
 * existing sensors (PUT) and registers only the missing ones (POST).
 */
final class SensorRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(SensorRegistry.class);

    private final PlatformClient client;
    private final String provider;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    SensorRegistry(PlatformClient client, String provider) {
        this.client = client;
        this.provider = provider;
    }

    /** Registers the entries not yet registered; empty when all are, else why not. */
    Optional<SendResult> ensure(Collection<CatalogEntry> entries) {
        Map<String, CatalogEntry> missing = new LinkedHashMap<>();
        entries.stream().filter(e -> !registered.contains(e.sensor())).forEach(e -> missing.putIfAbsent(e.sensor(), e));
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        PlatformAnswer answer = client.postCatalog(CatalogMessage.body(missing.values()));
        if (alreadyExists(answer)) {
            return reconcile(List.copyOf(missing.values()));
        }
        return settle(answer, missing.values());
    }

    /** Forgets sensors the platform no longer knows, so the next {@link #ensure} registers them again. */
    void forget(Collection<String> sensors) {
        registered.removeAll(sensors);
    }

    boolean isRegistered(String sensor) {
        return registered.contains(sensor);
    }

    private Optional<SendResult> reconcile(List<CatalogEntry> entries) {
        PlatformAnswer listing = client.getCatalog();
        if (!(listing instanceof PlatformAnswer.Answered answered) || !answered.success()) {
            return Optional.of(Verdict.of(listing, "catalog listing"));
        }
        Set<String> known = CatalogMessage.sensorIds(answered.body(), provider);
        List<CatalogEntry> existing = entries.stream().filter(e -> known.contains(e.sensor())).toList();
        List<CatalogEntry> fresh = entries.stream().filter(e -> !known.contains(e.sensor())).toList();
        if (!existing.isEmpty()) {
            PlatformAnswer update = client.putCatalog(CatalogMessage.body(existing));
            Optional<SendResult> failed = settle(update, existing);
            if (failed.isPresent()) {
                return failed;
            }
        }
        if (fresh.isEmpty()) {
            return Optional.empty();
        }
        PlatformAnswer post = client.postCatalog(CatalogMessage.body(fresh));
        if (alreadyExists(post)) {
            // exists yet not listed (the listing shows online sensors only): the data answer will say more
            markRegistered(fresh);
            return Optional.empty();
        }
        return settle(post, fresh);
    }

    private Optional<SendResult> settle(PlatformAnswer answer, Collection<CatalogEntry> entries) {
        SendResult result = Verdict.of(answer, "catalog registration");
        if (!(result instanceof SendResult.Delivered)) {
            return Optional.of(result);
        }
        markRegistered(entries);
        return Optional.empty();
    }

    private void markRegistered(Collection<CatalogEntry> entries) {
        entries.forEach(e -> registered.add(e.sensor()));
        LOG.info("registered {} sensor(s) of provider {} in the Sentilo catalog", entries.size(), provider);
    }

    private static boolean alreadyExists(PlatformAnswer answer) {
        return answer instanceof PlatformAnswer.Answered a && (a.status() == 400 || a.status() == 409)
                && a.messages().stream().anyMatch(m -> m.toLowerCase(Locale.ROOT).contains("already exist"));
    }
}
