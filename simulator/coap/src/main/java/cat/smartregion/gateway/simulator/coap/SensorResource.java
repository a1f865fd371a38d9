package cat.smartregion.gateway.simulator.coap;

import cat.smartregion.gateway.simulator.coap.AirQualitySensor.Sample;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.CoAP.Type;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.observe.ObserveRelation;
import org.eclipse.californium.core.server.resources.CoapExchange;

/** One observable resource of the simulated sensor, in one content format, obeying the server's fault knob. */
final class SensorResource extends CoapResource {

    private final AirQualitySensor sensor;
    private final int contentFormat;
    private final Function<Sample, byte[]> payload;
    private final Supplier<Fault> fault;
    private final Supplier<Integer> maxAge;
    private final AtomicInteger registrations = new AtomicInteger();

    SensorResource(String name, AirQualitySensor sensor, int contentFormat, Function<Sample, byte[]> payload,
                   Supplier<Fault> fault, Supplier<Integer> maxAge) {
        super(name);
        this.sensor = sensor;
        this.contentFormat = contentFormat;
        this.payload = payload;
        this.fault = fault;
        this.maxAge = maxAge;
        setObservable(true);
        setObserveType(Type.CON);
        getAttributes().setObservable();
        getAttributes().addContentType(contentFormat);
    }

    /** Observe registrations received (GET with Observe 0), re-registrations included. */
    int registrations() {
        return registrations.get();
    }

    @Override
    public void handleGET(CoapExchange exchange) {
        ObserveRelation relation = exchange.advanced().getRelation();
        boolean notification = relation != null && relation.isEstablished();
        if (!notification && exchange.getRequestOptions().hasObserve() && exchange.getRequestOptions().getObserve() == 0) {
            registrations.incrementAndGet();
        }
        switch (fault.get()) {
            case SILENCE -> {
                // no answer at all: the client times out
            }
            case NOT_FOUND -> exchange.respond(ResponseCode.NOT_FOUND);
            case MALFORMED -> respond(exchange, "{\"pm10\": 12.".getBytes(StandardCharsets.US_ASCII));
            case NONE -> respond(exchange, payload.apply(sensor.sample()));
        }
    }

    private void respond(CoapExchange exchange, byte[] body) {
        Response response = new Response(ResponseCode.CONTENT);
        response.setPayload(body);
        response.getOptions().setContentFormat(contentFormat).setMaxAge(maxAge.get());
        exchange.respond(response);
    }
}
