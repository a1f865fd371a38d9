package cat.smartregion.gateway.core.internal.sync;

import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.buffer.Batch;
import cat.smartregion.gateway.api.buffer.Buffer;
import cat.smartregion.gateway.api.uplink.SendResult;
import cat.smartregion.gateway.api.uplink.Uplink;
import cat.smartregion.gateway.core.internal.retry.Backoff;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claim a batch, send it, settle it with the buffer, wait: the sync agent's thread runs this until
 * stopped. Nothing escapes: buffer and uplink failures become back-off waits.
 */
final class SyncLoop implements Runnable {

    static final Duration IDLE_WAIT = Duration.ofMillis(200);
    private static final Logger LOG = LoggerFactory.getLogger(SyncAgent.class);

    private final Buffer buffer;
    private final Uplink uplink;
    private final SyncSettings settings;
    private final Sleeper sleeper;
    private final Backoff backoff;
    private final UplinkState state;

    SyncLoop(Buffer buffer, Uplink uplink, SyncSettings settings, Sleeper sleeper, Backoff backoff, Clock clock) {
        this.buffer = buffer;
        this.uplink = uplink;
        this.settings = settings;
        this.sleeper = sleeper;
        this.backoff = backoff;
        this.state = new UplinkState(uplink.name(), clock);
    }

    @Override
    public void run() {
        boolean running = true;
        while (running) {
            running = sleeper.sleep(step());
        }
    }

    /** One claim-send-settle step; returns how long to wait before the next. */
    Duration step() {
        try {
            Batch batch = buffer.claim(settings.batchReadings(), settings.batchBytes());
            return batch.isEmpty() ? IDLE_WAIT : settle(batch, send(batch));
        } catch (RuntimeException e) {
            state.bufferFailed(e);
            return backoff.next();
        }
    }

    private SendResult send(Batch batch) {
        try {
            LOG.trace("Sending readings {}..{} to {}", batch.firstSeq(), batch.lastSeq(), uplink.name());
            return uplink.send(batch);
        } catch (RuntimeException e) {
            return new SendResult.RetryLater(Duration.ZERO, "the uplink failed: " + e);
        }
    }

    private Duration settle(Batch batch, SendResult result) {
        if (result instanceof SendResult.Delivered) {
            buffer.ack(batch);
            backoff.reset();
            state.delivered();
            return Duration.ZERO;
        }
        if (result instanceof SendResult.RetryLater retry) {
            buffer.release(batch);
            state.retryLater(retry.reason());
            return retryWait(retry.after(), backoff);
        }
        if (result instanceof SendResult.PartlyDelivered partly) {
            Batch refused = new Batch(partly.rejected());
            Set<Long> refusedSeqs = refused.readings().stream().map(Reading::seq).collect(Collectors.toSet());
            buffer.reject(refused, partly.reason());
            buffer.ack(new Batch(batch.readings().stream().filter(r -> !refusedSeqs.contains(r.seq())).toList()));
            backoff.reset();
            state.rejected(partly.reason(), refused.firstSeq(), refused.lastSeq());
            return Duration.ZERO;
        }
        SendResult.Rejected rejected = (SendResult.Rejected) result;
        buffer.reject(batch, rejected.reason());
        state.rejected(rejected.reason(), batch.firstSeq(), batch.lastSeq());
        return Duration.ZERO;
    }

    /** The wait after a retry-later: what the platform asked for, or the next back-off if longer. */
    static Duration retryWait(Duration after, Backoff backoff) {
        Duration next = backoff.next();
        return after.compareTo(next) > 0 ? after : next;
    }
}
