package cat.smartregion.gateway.driver.coap.internal;

import cat.smartregion.gateway.api.driver.PointStatus;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapHandler;
import org.eclipse.californium.core.CoapObserveRelation;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a resource with Observe (RFC 7641): each read answers from the newest notification,
 * and registers again (waiting up to the timeout for the first answer) when there is none yet,
 * when it was an error, or when the notifications lapsed: none for the Max-Age of the last one
 * plus the driver's grace, or for the profile's {@code lapseMs}.
 */
final class Observer implements Source {

    private static final Logger LOG = LoggerFactory.getLogger(Observer.class);

    private final CoapClient client;
    private final CoapTarget target;
    private final long timeoutMs;
    private final long graceMs;
    private final Object lock = new Object();
    private Answer latest;
    private long receivedNanos;
    private long sequence;
    private CoapObserveRelation relation;
    private int registrations;
    private SendTracker tracker = new SendTracker();

    Observer(CoapClient client, CoapTarget target, long timeoutMs, long graceMs) {
        this.client = client;
        this.target = target;
        this.timeoutMs = timeoutMs;
        this.graceMs = graceMs;
    }

    @Override
    public Answer answer() {
        Answer current;
        long at;
        long seen;
        synchronized (lock) {
            current = latest;
            at = receivedNanos;
            seen = sequence;
        }
        if (relation != null && current != null && fresh(current, at)) {
            return current;
        }
        register(current);
        return awaitAfter(seen);
    }

    private boolean fresh(Answer answer, long at) {
        if (answer.status() != PointStatus.OK || answer.code() / 32 != 2) {
            return false;
        }
        long lapseMs = target.lapseMs() > 0 ? target.lapseMs() : answer.maxAgeSeconds() * 1000 + graceMs;
        return System.nanoTime() - at <= lapseMs * 1_000_000;
    }

    private void register(Answer previous) {
        if (relation != null) {
            relation.reactiveCancel();
            LOG.debug("Observation of {} lapsed or failed ({}), registering again", target.resource(), previous);
        }
        Request request = Request.newGet();
        request.setURI(target.resource());
        request.setObserve();
        tracker = new SendTracker() {
            @Override
            public void onTimeout() {
                store(noResponse(target, timeoutMs, " to Observe"));
            }

            @Override
            protected void failed() {
                // timeouts and send errors are stored by their own callbacks
            }

            @Override
            public void onSendError(Throwable error) {
                store(Answer.failed(PointStatus.UNREACHABLE, Failures.describe(target, error)));
            }
        };
        request.addMessageObserver(tracker);
        relation = client.observe(request, new CoapHandler() {
            @Override
            public void onLoad(CoapResponse response) {
                LOG.trace("Notification from {}: {}", target.resource(), response.advanced());
                store(Answer.of(response.advanced()));
            }

            @Override
            public void onError() {
                // reported through the message observer
            }
        });
        registrations++;
    }

    private void store(Answer answer) {
        synchronized (lock) {
            latest = answer;
            receivedNanos = System.nanoTime();
            sequence++;
            lock.notifyAll();
        }
    }

    private Answer awaitAfter(long seen) {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        synchronized (lock) {
            while (sequence == seen) {
                long remainingMs = (deadline - System.nanoTime()) / 1_000_000;
                if (remainingMs <= 0) {
                    return tracker.noResponse(target, timeoutMs, " to Observe");
                }
                try {
                    lock.wait(remainingMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Answer.failed(PointStatus.TIMEOUT, "interrupted while waiting for " + target.resource());
                }
            }
            return latest;
        }
    }

    /** Registrations sent so far, the first one included. */
    int registrations() {
        return registrations;
    }

    @Override
    public void close() {
        if (relation != null) {
            relation.reactiveCancel();
        }
    }
}
