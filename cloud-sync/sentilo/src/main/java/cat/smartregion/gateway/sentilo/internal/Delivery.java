package cat.smartregion.gateway.sentilo.internal;

import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.buffer.Batch;
import cat.smartregion.gateway.api.uplink.SendResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sends one batch: makes the catalog hold its sensors (and the inventory's), then sends its observations
 * in capped requests, in order. Per request: 2xx taken; 400/413 split in halves down to the reading the
 * platform refuses; 404 takes what the platform stored (every sensor it did not name), refuses the
 * offline sensors' readings, registers the unknown sensors again and resends only their readings once;
 * anything else stops the send with a retry, remembering what was taken so that the resend skips it.
 * One caller at a time (the sync agent).
 */
final class Delivery {

    private final UplinkSettings settings;
    private final PlatformClient client;
    private final SensorRegistry registry;
    private final Inventory inventory;
    private final Ledger ledger = new Ledger();

    Delivery(UplinkSettings settings, PlatformClient client, SensorRegistry registry, Inventory inventory) {
        this.settings = settings;
        this.client = client;
        this.registry = registry;
        this.inventory = inventory;
    }

    SendResult send(Batch batch) {
        List<Reading> pending = ledger.pending(batch.readings());
        if (!pending.isEmpty()) {
            List<Reading> registered = register(pending, true);
            for (DataPut put : plan(registered)) {
                put(put, true);
                if (ledger.stopped()) {
                    break;
                }
            }
        }
        return ledger.result(batch.readings());
    }

    /** Makes the catalog hold the readings' sensors; returns the readings that may be sent. */
    private List<Reading> register(List<Reading> readings, boolean withInventory) {
        Map<String, CatalogEntry> entries = new LinkedHashMap<>(withInventory ? inventory.entries() : Map.of());
        readings.forEach(r -> entries.put(CatalogEntry.sensorId(r), inventory.entryFor(r)));
        CatalogResult result = registry.ensure(entries.values());
        if (result instanceof CatalogResult.Unavailable unavailable) {
            ledger.stop(unavailable.retry());
            return List.of();
        }
        Map<String, String> refused = ((CatalogResult.Ready) result).refused();
        List<Reading> sendable = new ArrayList<>();
        for (Reading r : readings) {
            String reason = refused.get(CatalogEntry.sensorId(r));
            if (reason == null) {
                sendable.add(r);
            } else {
                ledger.refused(List.of(r), reason);
            }
        }
        return sendable;
    }

    private List<DataPut> plan(List<Reading> readings) {
        List<Observation> observations = readings.stream()
                .map(r -> Observation.of(r, inventory.location(r.device()))).toList();
        return PutPlan.split(observations, settings.requestReadings(), settings.requestBytes());
    }

    private void put(DataPut put, boolean mayRegisterAgain) {
        PlatformAnswer answer = client.putData(put.body(), put.seqRange());
        if (!(answer instanceof PlatformAnswer.Answered a)) {
            ledger.stop(Verdict.retry(answer, "data", client.authPause()));
        } else if (a.success()) {
            ledger.taken(put.readings());
        } else if (a.status() == 400 || a.status() == 413) {
            isolate(put, a, mayRegisterAgain);
        } else if (a.status() == 404) {
            notFound(put, a, mayRegisterAgain);
        } else {
            ledger.stop(Verdict.retry(answer, "data", client.authPause()));
        }
    }

    /** Halves a refused request until the refused readings stand alone. */
    private void isolate(DataPut put, PlatformAnswer.Answered answer, boolean mayRegisterAgain) {
        if (put.size() == 1) {
            ledger.refused(put.readings(), "data: HTTP " + answer.status() + " " + answer.message());
            return;
        }
        List<Observation> all = put.observations();
        int half = all.size() / 2;
        for (List<Observation> part : List.of(all.subList(0, half), all.subList(half, all.size()))) {
            put(DataPut.of(part), mayRegisterAgain);
            if (ledger.stopped()) {
                return;
            }
        }
    }

    /**
     * Sentilo stored the observations of every sensor it did not name. Offline sensors' readings are
     * refused for good; unknown sensors are registered again and only their readings resent, once.
     */
    private void notFound(DataPut put, PlatformAnswer.Answered answer, boolean mayRegisterAgain) {
        Set<String> sent = put.observations().stream().map(Observation::sensor).collect(Collectors.toSet());
        NotFound named = NotFound.of(answer.messages(), sent);
        if (named.namesNone()) {
            registry.forget(sent);
            ledger.stop(new SendResult.RetryLater(Duration.ZERO, "data: HTTP 404 " + answer.message()
                    + " naming no sensor of the request; its sensors are registered again before the resend"));
            return;
        }
        List<Reading> unknown = new ArrayList<>();
        for (Observation o : put.observations()) {
            if (!named.names(o.sensor())) {
                ledger.taken(List.of(o.reading()));
            } else if (named.offline().contains(o.sensor())) {
                ledger.refused(List.of(o.reading()), "data: sensor " + o.sensor() + " is offline on the platform"
                        + " (HTTP 404 " + NotFound.OFFLINE_CODE + ")");
            } else {
                unknown.add(o.reading());
            }
        }
        if (!unknown.isEmpty()) {
            resendUnknown(unknown, named.unknown(), answer, mayRegisterAgain);
        }
    }

    private void resendUnknown(List<Reading> unknown, Collection<String> sensors, PlatformAnswer.Answered answer,
                               boolean mayRegisterAgain) {
        if (!mayRegisterAgain) {
            ledger.refused(unknown, "data: HTTP 404 " + answer.message() + " even after registering it again");
            return;
        }
        registry.forget(sensors);
        List<Reading> registered = register(unknown, false);
        for (DataPut again : plan(registered)) {
            put(again, false);
            if (ledger.stopped()) {
                return;
            }
        }
    }
}
