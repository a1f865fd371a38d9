package cat.smartregion.gateway.sentilo.internal;

import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.uplink.SendResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the platform did with the readings of a batch, kept across the sends of the same batch: a
 * reading it took or refused for good is not sent again when the sync agent resends the batch after a
 * retry-later, so that known sensors of a 404'd request or earlier requests of a batch are not
 * duplicated. Settled once the batch's outcome is final. One caller at a time (the sync agent).
 */
final class Ledger {

    private static final int REASONS_SHOWN = 3;

    /** Sequence number to the reason of a refusal; empty string: taken. */
    private final Map<Long, String> settled = new HashMap<>();
    private Optional<SendResult.RetryLater> stop = Optional.empty();

    /** The readings of the batch the platform has neither taken nor refused yet; starts a new send. */
    List<Reading> pending(List<Reading> batch) {
        stop = Optional.empty();
        return batch.stream().filter(r -> !settled.containsKey(r.seq())).toList();
    }

    void taken(Collection<Reading> readings) {
        readings.forEach(r -> settled.put(r.seq(), ""));
    }

    void refused(Collection<Reading> readings, String reason) {
        readings.forEach(r -> settled.put(r.seq(), reason.isEmpty() ? "refused" : reason));
    }

    /** The platform cannot take more now: the send ends with this retry. */
    void stop(SendResult.RetryLater retry) {
        stop = Optional.of(retry);
    }

    boolean stopped() {
        return stop.isPresent();
    }

    /** The result of this send of the batch; when final, forgets the batch. */
    SendResult result(List<Reading> batch) {
        if (stop.isPresent()) {
            return stop.get();
        }
        List<Reading> refused = new ArrayList<>();
        Set<String> reasons = new LinkedHashSet<>();
        for (Reading r : batch) {
            String reason = settled.getOrDefault(r.seq(), "");
            if (!reason.isEmpty()) {
                refused.add(r);
                reasons.add(reason);
            }
        }
        settled.clear();
        if (refused.isEmpty()) {
            return Verdict.DELIVERED;
        }
        String reason = summary(reasons);
        return refused.size() == batch.size() ? new SendResult.Rejected(reason)
                : new SendResult.PartlyDelivered(refused, reason);
    }

    private static String summary(Set<String> reasons) {
        List<String> shown = reasons.stream().limit(REASONS_SHOWN).toList();
        String text = String.join("; ", shown);
        return reasons.size() > REASONS_SHOWN ? text + "; and " + (reasons.size() - REASONS_SHOWN) + " more" : text;
    }
}
