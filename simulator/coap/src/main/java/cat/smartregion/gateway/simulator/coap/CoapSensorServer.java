package cat.smartregion.gateway.simulator.coap;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;

/**
 * A simulated air-quality node on loopback (plain CoAP, or DTLS 1.2 with a pre-shared key), with
 * observable resources {@code /aq/text} (0, PM10 as text), {@code /aq/json} (50),
 * {@code /aq/senml} (110), {@code /aq/senml-cbor} (112) and {@code /aq/history} (110, about
 * 8 KB: block-wise). Values change at each {@link #tick()} (and every {@code tickMs} when
 * started with one), which notifies the observers unless {@link #muteNotifications} says not to.
 * No Californium3.properties file is written.
 */
public final class CoapSensorServer implements AutoCloseable {

    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
    }

    private final AirQualitySensor sensor = new AirQualitySensor();
    private final CoapServer server;
    private final CoapEndpoint endpoint;
    private final List<SensorResource> resources;
    private final ScheduledExecutorService ticker;
    private volatile Fault fault = Fault.NONE;
    private volatile boolean muted;
    private volatile int maxAge = 60;

    private CoapSensorServer(CoapEndpoint endpoint, long tickMs) {
        Configuration config = endpoint.getConfig();
        this.server = new CoapServer(config);
        this.endpoint = endpoint;
        this.resources = List.of(
                resource("text", MediaTypeRegistry.TEXT_PLAIN, Payloads::text),
                resource("json", MediaTypeRegistry.APPLICATION_JSON, Payloads::json),
                resource("senml", MediaTypeRegistry.APPLICATION_SENML_JSON, Payloads::senmlJson),
                resource("senml-cbor", MediaTypeRegistry.APPLICATION_SENML_CBOR, Payloads::senmlCbor),
                resource("history", MediaTypeRegistry.APPLICATION_SENML_JSON, s -> Payloads.history(s, 160)));
        CoapResource aq = new CoapResource("aq");
        resources.forEach(aq::add);
        server.add(aq);
        server.addEndpoint(endpoint);
        server.start();
        if (tickMs > 0) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "coap-sensor-ticker"));
            ticker.scheduleAtFixedRate(this::tick, tickMs, tickMs, TimeUnit.MILLISECONDS);
        } else {
            ticker = null;
        }
    }

    /** A plain CoAP server on 127.0.0.1 ({@code port} 0 for any free port), values changed only by {@link #tick()}. */
    public static CoapSensorServer start(int port) {
        return start(port, 0);
    }

    /** A plain CoAP server whose values change every {@code tickMs} (0: only by {@link #tick()}). */
    public static CoapSensorServer start(int port, long tickMs) {
        Configuration config = config();
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(config)
                .setInetSocketAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)).build();
        return new CoapSensorServer(endpoint, tickMs);
    }

    /** A DTLS 1.2 server with one pre-shared key for {@code identity}. */
    public static CoapSensorServer startDtls(int port, String identity, byte[] secret) {
        Configuration config = config();
        config.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.SERVER_ONLY);
        DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config)
                .setAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))
                .setAdvancedPskStore(new AdvancedSinglePskStore(identity, secret)).build();
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(config)
                .setConnector(new DTLSConnector(dtls)).build();
        return new CoapSensorServer(endpoint, 0);
    }

    private static Configuration config() {
        Configuration config = Configuration.createStandardWithoutFile();
        config.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, 65536);
        return config;
    }

    private SensorResource resource(String name, int contentFormat,
                                    java.util.function.Function<AirQualitySensor.Sample, byte[]> payload) {
        return new SensorResource(name, sensor, contentFormat, payload, () -> fault, () -> maxAge);
    }

    public int port() {
        return endpoint.getAddress().getPort();
    }

    /** {@code coap://127.0.0.1:PORT} or {@code coaps://...}. */
    public String uri() {
        return endpoint.getUri().getScheme() + "://127.0.0.1:" + port();
    }

    public AirQualitySensor sensor() {
        return sensor;
    }

    /** Sets what every resource does wrong from now on. */
    public void fault(Fault fault) {
        this.fault = fault;
    }

    /** While muted, ticks change the values but notify no observer (their registrations lapse). */
    public void muteNotifications(boolean muted) {
        this.muted = muted;
    }

    /** The Max-Age (s) of the responses and notifications from now on. */
    public void maxAge(int seconds) {
        this.maxAge = seconds;
    }

    /** Observe registrations received by the resource ({@code json}, {@code senml}, ...). */
    public int registrations(String resource) {
        return resources.stream().filter(r -> r.getName().equals(resource)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no resource " + resource)).registrations();
    }

    /** Changes the values and notifies the observers (unless muted). */
    public void tick() {
        sensor.tick();
        if (!muted) {
            resources.forEach(CoapResource::changed);
        }
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        server.destroy();
    }
}
