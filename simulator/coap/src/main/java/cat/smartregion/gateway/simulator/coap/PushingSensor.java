package cat.smartregion.gateway.simulator.coap;

import cat.smartregion.gateway.simulator.coap.AirQualitySensor.Sample;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.eclipse.californium.core.CoapClient;
import org.eclipse.californium.core.CoapResponse;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.elements.exception.ConnectorException;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;

/**
 * A simulated air-quality sensor that pushes: each {@link #push()} POSTs one SenML pack (temperature Cel,
 * humidity %RH, pm10 and pm25 ug/m3, co2 ppm measured a second before the others) to a gateway over DTLS 1.2
 * with a pre-shared key, and tells what it sent and what the gateway answered. Values change at every push.
 */
public final class PushingSensor implements AutoCloseable {

    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
    }

    private static final long TIMEOUT_MS = 15_000;

    private final AirQualitySensor sensor = new AirQualitySensor();
    private final URI gateway;
    private final String baseName;
    private final PushFormat format;
    private final LongSupplier clock;
    private final CoapEndpoint endpoint;
    private final CoapClient client;

    private PushingSensor(URI gateway, String baseName, PushFormat format, LongSupplier clock, CoapEndpoint endpoint) {
        this.gateway = gateway;
        this.baseName = baseName;
        this.format = format;
        this.clock = clock;
        this.endpoint = endpoint;
        this.client = new CoapClient(gateway).setEndpoint(endpoint).setTimeout(TIMEOUT_MS);
    }

    /**
     * A sensor pushing to {@code gateway} (e.g. {@code coaps://127.0.0.1:5684/senml}) as {@code identity} with
     * {@code key}, with the base name {@code IDENTITY:}.
     */
    public static PushingSensor start(URI gateway, String identity, byte[] key, PushFormat format) {
        return start(gateway, identity, key, format, identity + ":");
    }

    public static PushingSensor start(URI gateway, String identity, byte[] key, PushFormat format, String baseName) {
        if (!"coaps".equals(gateway.getScheme())) {
            throw new IllegalArgumentException("a pushing sensor speaks coaps://, got " + gateway);
        }
        Configuration config = Configuration.createStandardWithoutFile();
        config.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.CLIENT_ONLY);
        config.set(CoapConfig.PROTOCOL_STAGE_THREAD_COUNT, 1);
        config.set(DtlsConfig.DTLS_RECEIVER_THREAD_COUNT, 1);
        config.set(DtlsConfig.DTLS_CONNECTOR_THREAD_COUNT, 1);
        DtlsConnectorConfig dtls = DtlsConnectorConfig.builder(config).setAddress(new InetSocketAddress(0))
                .setAdvancedPskStore(new AdvancedSinglePskStore(identity, key)).build();
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(config)
                .setConnector(new DTLSConnector(dtls)).build();
        try {
            endpoint.start();
        } catch (IOException e) {
            endpoint.destroy();
            throw new UncheckedIOException("cannot start the sensor's DTLS endpoint", e);
        }
        return new PushingSensor(gateway, Objects.requireNonNull(baseName), format, System::currentTimeMillis, endpoint);
    }

    /** The pack of the current values, stamped now; the next call has the next values. */
    public PushPack nextPack() {
        Sample s = sensor.sample();
        sensor.tick();
        long co2 = Math.round(430 + 60 * Math.sin(s.tick() / 5.0));
        return new PushPack(baseName, clock.getAsLong(), List.of(
                new PushPack.Record("temperature", "Cel", BigDecimal.valueOf(s.temperature()), 0),
                new PushPack.Record("humidity", "%RH", BigDecimal.valueOf(s.humidity()), 0),
                new PushPack.Record("pm10", "ug/m3", BigDecimal.valueOf(s.pm10()), 0),
                new PushPack.Record("pm25", "ug/m3", BigDecimal.valueOf(s.pm25()), 0),
                new PushPack.Record("co2", "ppm", BigDecimal.valueOf(co2), -1000)));
    }

    /** POSTs the next pack and waits for the answer (up to 15 s). */
    public Push push() {
        return post(nextPack());
    }

    /** POSTs {@code pack} and waits for the answer (up to 15 s). */
    public Push post(PushPack pack) {
        Request request = Request.newPost();
        request.setURI(gateway);
        request.setPayload(pack.encode(format));
        request.getOptions().setContentFormat(format.contentFormat());
        try {
            CoapResponse response = client.advanced(request);
            if (response == null) {
                return new Push(pack, "none", "no answer within " + TIMEOUT_MS + " ms");
            }
            return new Push(pack, response.getCode().toString(), response.getResponseText());
        } catch (ConnectorException | IOException e) {
            return new Push(pack, "none", String.valueOf(e.getMessage()));
        }
    }

    @Override
    public void close() {
        client.shutdown();
        endpoint.destroy();
    }

    /**
     * What one push sent and what came back.
     *
     * @param pack   the pack sent
     * @param code   the response code, e.g. {@code 2.04}, or {@code none} when nothing came back
     * @param answer the response's payload as text, or why nothing came back
     */
    public record Push(PushPack pack, String code, String answer) {

        private static final ObjectMapper JSON = new ObjectMapper();

        /**
         * One JSON line: {@code {"time":MS,"records":[{"n":"temperature","u":"Cel","v":21.5,"time":MS},...],
         * "code":"2.04","answer":"..."}}, times in ms since the epoch.
         */
        public String jsonLine() {
            ObjectNode line = JsonNodeFactory.instance.objectNode();
            line.put("time", pack.baseTimeMillis());
            ArrayNode records = line.putArray("records");
            for (PushPack.Record r : pack.records()) {
                records.addObject().put("n", r.name()).put("u", r.unit()).put("v", r.value()).put("time", r.time(pack));
            }
            line.put("code", code).put("answer", answer);
            try {
                return JSON.writeValueAsString(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
