package cat.smartregion.gateway.driver.coap.internal;

import cat.smartregion.gateway.api.driver.Connection;
import cat.smartregion.gateway.api.driver.PointRequest;
import cat.smartregion.gateway.api.driver.RawValue;
import java.util.List;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to one CoAP resource, with its own endpoint (its own UDP port, DTLS session and
 * threads, all stopped by {@link #close()}). Every read answers all points from one response.
 */
final class CoapConnection implements Connection {

    private static final Logger LOG = LoggerFactory.getLogger(CoapConnection.class);

    private final CoapTarget target;
    private final CoapEndpoint endpoint;
    private final CoapClient client;
    private final Source source;

    CoapConnection(CoapTarget target, DriverSettings settings, CoapEndpoint endpoint) {
        this.target = target;
        this.endpoint = endpoint;
        long timeoutMs = target.timeoutMs() > 0 ? target.timeoutMs() : settings.timeoutMs();
        this.client = new CoapClient(target.resource());
        client.setEndpoint(endpoint);
        client.setTimeout(timeoutMs);
        this.source = target.observe() ? new Observer(client, target, timeoutMs, settings.observeGraceMs())
                : new Poller(client, target, timeoutMs);
    }

    @Override
    public List<RawValue> read(List<PointRequest> points) {
        Answer answer = source.answer();
        LOG.trace("{} answered {}", target, answer);
        return answer.values(points, target.format(), target.resource());
    }

    /** The observer, when the connection observes; for tests. */
    Source source() {
        return source;
    }

    @Override
    public void close() {
        try {
            source.close();
            client.shutdown();
        } finally {
            endpoint.destroy();
            LOG.debug("CoAP connection to {} closed", target);
        }
    }
}
