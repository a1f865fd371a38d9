package cat.smartregion.gateway.driver.coap.internal;

import cat.smartregion.gateway.api.driver.PointStatus;
import java.io.IOException;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.elements.exception.ConnectorException;

/** One GET per read. */
final class Poller implements Source {

    private final CoapClient client;
    private final CoapTarget target;
    private final long timeoutMs;

    Poller(CoapClient client, CoapTarget target, long timeoutMs) {
        this.client = client;
        this.target = target;
        this.timeoutMs = timeoutMs;
    }

    @Override
    public Answer answer() {
        try {
            Request request = Request.newGet();
            request.setURI(target.resource());
            SendTracker tracker = new SendTracker();
            request.addMessageObserver(tracker);
            CoapResponse response = client.advanced(request);
            if (response == null) {
                return tracker.noResponse(target, timeoutMs, "");
            }
            return Answer.of(response.advanced());
        } catch (ConnectorException | IOException e) {
            return Answer.failed(PointStatus.UNREACHABLE, Failures.describe(target, e));
        }
    }

    @Override
    public void close() {
        // the connection shuts the client down
    }
}
