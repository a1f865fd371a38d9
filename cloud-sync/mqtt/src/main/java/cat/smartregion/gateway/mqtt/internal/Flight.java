package cat.smartregion.gateway.mqtt.internal;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.common.MqttException;

/**
 * The publishes of one send: at most {@code window} await their PUBACK at once. The first failure
 * (a PUBACK reason code of 0x80 or more, a lost connection, no PUBACK in time) decides the outcome.
 * Paho's callback thread completes publishes; the sending thread waits.
 */
final class Flight implements MqttActionListener {

    private static final long CHECK_MS = 100;
    private static final long LOST_GRACE_MS = 300;

    /** What one publish carries, for the failure message. */
    record Part(String topic, String what) {
    }

    private final int window;
    private final BrokerConnection connection;
    private int outstanding;
    private Failure failure;

    Flight(int window, BrokerConnection connection) {
        this.window = window;
        this.connection = connection;
    }

    /** Waits until a publish may start; false when the flight failed or the deadline passed. */
    synchronized boolean awaitSlot(long deadlineNanos) throws InterruptedException {
        return await(deadlineNanos, () -> outstanding < window) && outstanding < window;
    }

    /** Waits until every publish has its outcome; false when one failed or the deadline passed. */
    synchronized boolean awaitAll(long deadlineNanos) throws InterruptedException {
        return await(deadlineNanos, () -> outstanding == 0) && outstanding == 0;
    }

    /** Waits, ignoring failures, until no publish is outstanding, the connection is gone or the deadline passed. */
    synchronized void settle(long deadlineNanos) throws InterruptedException {
        long left = deadlineNanos - System.nanoTime();
        while (outstanding > 0 && connection.isAlive() && left > 0) {
            wait(Math.min(CHECK_MS, TimeUnit.NANOSECONDS.toMillis(left) + 1));
            left = deadlineNanos - System.nanoTime();
        }
    }

    synchronized void started() {
        outstanding++;
    }

    /** The outcome so far: a failure, or empty when every publish finished well. */
    synchronized Optional<Failure> failure() {
        return Optional.ofNullable(failure);
    }

    /** Keeps the first failure, unless a later one needs a person and the first did not. */
    synchronized void fail(Failure reason) {
        if (failure == null || (reason.needsPerson() && !failure.needsPerson())) {
            failure = reason;
        }
        notifyAll();
    }

    @Override
    public void onSuccess(IMqttToken token) {
        int[] codes = token.getReasonCodes();
        if (codes != null && codes.length > 0 && ReasonCodes.isError(codes[0])) {
            fail(refused((Part) token.getUserContext(), codes[0]));
        }
        finished();
    }

    @Override
    public void onFailure(IMqttToken token, Throwable error) {
        failed((Part) token.getUserContext(), error);
    }

    /** A publish failed, or could not even start. */
    void failed(Part part, Throwable error) {
        if (error instanceof MqttException e && ReasonCodes.isError(e.getReasonCode())) {
            fail(refused(part, e.getReasonCode()));
        } else {
            fail(Failure.transientFault("publish of " + part.what() + " failed: " + Failure.describe(error)));
        }
        finished();
    }

    private synchronized void finished() {
        outstanding--;
        notifyAll();
    }

    private static Failure refused(Part part, int code) {
        String reason = "broker refused the publish of " + part.what() + " to " + part.topic() + ": "
                + ReasonCodes.describe(code);
        return ReasonCodes.needsPerson(code) ? new Failure(reason + "; check the broker's ACL for this gateway",
                Failure.REFUSED) : Failure.transientFault(reason);
    }

    private boolean await(long deadlineNanos, java.util.function.BooleanSupplier done) throws InterruptedException {
        while (!done.getAsBoolean()) {
            if (failure != null) {
                return false;
            }
            if (!connection.isAlive()) {
                // A broker that refuses a publish may close the connection right after its PUBACK:
                // give that refusal, which tells what a person must fix, a moment to arrive first.
                wait(LOST_GRACE_MS);
                fail(Failure.transientFault(connection.lostReason()));
                return false;
            }
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                fail(Failure.transientFault("no PUBACK within the ack timeout; " + outstanding + " publishes outstanding"));
                return false;
            }
            wait(Math.min(CHECK_MS, TimeUnit.NANOSECONDS.toMillis(left) + 1));
        }
        return failure == null;
    }
}
