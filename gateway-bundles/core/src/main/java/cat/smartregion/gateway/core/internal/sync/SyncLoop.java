package cat.smartregion.gateway.core.internal.sync;

import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.buffer.Batch;
import cat.smartregion.gateway.api.buffer.Buffer;
import cat.smartregion.gateway.api.uplink.DeliveryStatus;
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
    private static final int REJECTIONS_BEFORE_BACKOFF = 3;
    private static final Logger LOG = LoggerFactory.getLogger(SyncAgent.class);

    private final Buffer buffer;
    private final Uplink uplink;
    private final SyncSettings settings;
    private final Sleeper sleeper;
    private final Backoff backoff;
    private final UplinkState state;
    private int rejectionsInARow;

    SyncLoop(Buffer buffer, Uplink uplink, SyncSettings settings, Sleeper sleeper, Backoff backoff, Clock clock) {
        this.buffer = buffer;
        this.uplink = uplink;
        this.settings = settings;
        this.sleeper = sleeper;
        this.backoff = backoff;
        this.state = new UplinkState(uplink.name(), clock);
    }

    /** How delivery goes, for any thread. */
    DeliveryStatus.Snapshot snapshot() {
        return state.snapshot();
    }

    @Override
    public void run() {
        boolean running = true;
        while (running) {
            running = sleeper.sleep(step());
        }
    }

    /**
     * One claim-send-settle step; returns how long to wait before the next. A batch whose settling
     * fails is released, so that it is claimed again in order rather than stranded until a restart.
     */
    Duration step() {
        Batch batch = Batch.EMPTY;
        try {
            batch = buffer.claim(settings.batchReadings(), settings.batchBytes());
            return batch.isEmpty() ? IDLE_WAIT : settle(batch, send(batch));
        } catch (RuntimeException | Error e) {
            if (!batch.isEmpty()) {
                buffer.release(batch);
            }
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
            rejectionsInARow = 0;
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
            Set<Long> refusedSeqs = partly.rejected().stream().map(Reading::seq).collect(Collectors.toSet());
            Batch refused = new Batch(batch.readings().stream().filter(r -> refusedSeqs.contains(r.seq())).toList());
            Batch taken = new Batch(batch.readings().stream().filter(r -> !refusedSeqs.contains(r.seq())).toList());
            if (!refused.isEmpty()) {
                buffer.reject(refused, partly.reason());
            }
            if (!taken.isEmpty()) {
                buffer.ack(taken);
                state.partlyDelivered();
            }
            state.rejected(partly.reason(), refused.firstSeq(), refused.lastSeq());
            return afterRejection();
        }
        SendResult.Rejected rejected = (SendResult.Rejected) result;
        buffer.reject(batch, rejected.reason());
        state.rejected(rejected.reason(), batch.firstSeq(), batch.lastSeq());
        return afterRejection();
    }

    /**
     * A poison reading now and then costs no time; rejections in a row (a platform that refuses
     * everything, e.g. a sensor type its catalog lacks) slow down with the back-off, so the backlog
     * does not pour into the dead-letter table in seconds.
     */
    private Duration afterRejection() {
        return ++rejectionsInARow < REJECTIONS_BEFORE_BACKOFF ? Duration.ZERO : backoff.next();
    }

    /** The wait after a retry-later: what the platform asked for, or the next back-off if longer. */
    static Duration retryWait(Duration after, Backoff backoff) {
        Duration next = backoff.next();
        return after.compareTo(next) > 0 ? after : next;
    }
}
