package cat.smartregion.gateway.driver.coap.internal;

import cat.smartregion.gateway.api.driver.PointStatus;
import org.eclipse.californium.core.coap.MessageObserverAdapter;

/**
 * Tells whether a request ever left: over DTLS a request is sent only once the handshake is done,
 * so a request that timed out without leaving met a failed handshake (wrong key or identity, or no
 * DTLS server), which is UNREACHABLE rather than TIMEOUT.
 */
class SendTracker extends MessageObserverAdapter {

    private volatile boolean sent;

    @Override
    public void onSent(boolean retransmission) {
        sent = true;
    }

    /** The answer for a request that got no response within the timeout. */
    Answer noResponse(CoapTarget target, long timeoutMs, String what) {
        if (target.secure() && !sent) {
            return Answer.failed(PointStatus.UNREACHABLE, "DTLS handshake with " + target.resource() + " as "
                    + target.identity() + " did not complete within " + timeoutMs + " ms (wrong key or identity, or no DTLS server)");
        }
        return Answer.failed(PointStatus.TIMEOUT, "no response from " + target.resource() + what + " within " + timeoutMs + " ms");
    }
}
