package cat.smartregion.gateway.driver.coap.internal;

import cat.smartregion.gateway.api.push.PushIngest;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.Resource;
import org.eclipse.californium.elements.config.Configuration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CoAP server for sensors that push: DTLS 1.2 with a pre-shared key per device (the key of the
 * {@code coap-push:IDENTITY?keyFile=FILE} device the handshake's identity names), POST or PUT of SenML
 * JSON or CBOR on one resource, handed to the core's {@link PushIngest}. Opens its port only when
 * configured (PID {@value #PID}).
 */
@Component(service = {}, configurationPid = CoapPushServer.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = CoapPushServerConfig.class)
public final class CoapPushServer implements AutoCloseable {

    /** Configuration PID. */
    public static final String PID = "cat.smartregion.gateway.coap.server";

    private static final Logger LOG = LoggerFactory.getLogger(CoapPushServer.class);

    private final CoapServer server;
    private final InetSocketAddress address;

    @Activate
    public CoapPushServer(@Reference(name = "ingest") PushIngest ingest, CoapPushServerConfig config) {
        this(ingest, PushServerSettings.of(config), System::currentTimeMillis);
    }

    /** A started server; {@link #close()} stops it and its threads. */
    CoapPushServer(PushIngest ingest, PushServerSettings settings, LongSupplier clock) {
        Configuration config = PushEndpoints.config(settings);
        WarningThrottle warnings = new WarningThrottle(TimeUnit.MINUTES.toNanos(1), System::nanoTime);
        CoapEndpoint endpoint = PushEndpoints.dtls(settings, config, new DevicePskStore(ingest, warnings));
        this.server = new CoapServer(config);
        server.addEndpoint(endpoint);
        server.add(resource(settings, new SenmlPushResource(last(settings.segments()), ingest,
                settings.maxPayloadBytes(), clock)));
        try {
            server.start();
        } catch (RuntimeException e) {
            server.destroy();
            throw new IllegalStateException("the CoAP push server cannot listen on " + settings.host() + ":"
                    + settings.port() + ": " + e.getMessage(), e);
        }
        this.address = endpoint.getAddress();
        LOG.info("CoAP push server listening on coaps://{}:{}/{} (DTLS-PSK, SenML up to {} bytes)",
                address.getHostString(), address.getPort(), settings.path(), settings.maxPayloadBytes());
    }

    /** The bound address (the actual port when configured with 0). */
    public InetSocketAddress address() {
        return address;
    }

    @Deactivate
    public void close() {
        server.destroy();
        LOG.info("CoAP push server on {}:{} stopped", address.getHostString(), address.getPort());
    }

    /** The push resource under the path's leading segments, e.g. {@code push/senml}. */
    private static Resource resource(PushServerSettings settings, CoapResource push) {
        List<String> segments = settings.segments();
        Resource top = push;
        for (int i = segments.size() - 2; i >= 0; i--) {
            CoapResource parent = new CoapResource(segments.get(i));
            parent.add(top);
            top = parent;
        }
        return top;
    }

    private static String last(List<String> segments) {
        return segments.get(segments.size() - 1);
    }
}
