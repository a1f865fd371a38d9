package cat.smartregion.gateway.driver.coap.internal;

import cat.smartregion.gateway.api.driver.Connection;
import cat.smartregion.gateway.api.driver.Driver;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CoAP driver: polls a resource with GET or follows it with Observe, over UDP
 * ({@code coap://HOST:5683/PATH}) or DTLS 1.2 with a pre-shared key read from a 0600 file
 * ({@code coaps://HOST:5684/PATH?identity=ID&keyFile=FILE}); text, JSON, SenML JSON and SenML CBOR
 * payloads. One Californium endpoint per connection.
 */
@Component(service = Driver.class, configurationPid = CoapDriver.PID, property = {"scheme=coap", "scheme=coaps"})
@Designate(ocd = CoapDriverConfig.class)
public final class CoapDriver implements Driver {

    /** Configuration PID. */
    public static final String PID = "cat.smartregion.gateway.driver.coap";

    private static final Logger LOG = LoggerFactory.getLogger(CoapDriver.class);

    private final DriverSettings settings;

    @Activate
    public CoapDriver(CoapDriverConfig config) {
        this(DriverSettings.of(config));
        LOG.info("CoAP driver active: {}", settings);
    }

    CoapDriver(DriverSettings settings) {
        this.settings = settings;
    }

    @Override
    public boolean supports(URI endpoint) {
        return "coap".equals(endpoint.getScheme()) || "coaps".equals(endpoint.getScheme());
    }

    @Override
    public Connection connect(URI endpoint) throws IOException {
        return connect(endpoint, Map.of());
    }

    @Override
    public Connection connect(URI uri, Map<String, String> options) throws IOException {
        CoapTarget target = CoapTarget.parse(uri, options);
        CoapEndpoint endpoint = Endpoints.open(target, settings);
        LOG.debug("CoAP connection to {}", target);
        return new CoapConnection(target, settings, endpoint);
    }

    @Deactivate
    void deactivate() {
        LOG.info("CoAP driver stopped");
    }
}
