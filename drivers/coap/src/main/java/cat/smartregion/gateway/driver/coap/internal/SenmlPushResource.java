package cat.smartregion.gateway.driver.coap.internal;

import cat.smartregion.gateway.api.push.PushIngest;
import cat.smartregion.gateway.api.push.PushRefused;
import cat.smartregion.gateway.api.push.PushedRecord;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.coap.MediaTypeRegistry;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.coap.Response;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.auth.PreSharedKeyIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resource devices POST or PUT SenML packs to (content format 110 or 112): what parses goes to the
 * {@link PushIngest} as the device of the DTLS session's PSK identity, and the answer says what became of
 * it (2.04 stored, with "stored N readings", 4.00 malformed or refused by the profile, 4.03 unknown device, 4.13 too large, 4.15 not
 * SenML, 5.03 with Max-Age 30 when the gateway cannot store now). Other methods get Californium's 4.05.
 */
final class SenmlPushResource extends CoapResource {

    static final int RETRY_AFTER_SECONDS = 30;

    private static final Logger LOG = LoggerFactory.getLogger(SenmlPushResource.class);
    private static final String FORMATS = "accepted Content-Formats: 110 (application/senml+json), "
            + "112 (application/senml+cbor)";

    private final PushIngest ingest;
    private final int maxPayloadBytes;
    private final LongSupplier clock;

    SenmlPushResource(String name, PushIngest ingest, int maxPayloadBytes, LongSupplier clock) {
        super(name);
        this.ingest = ingest;
        this.maxPayloadBytes = maxPayloadBytes;
        this.clock = clock;
    }

    @Override
    public void handlePOST(CoapExchange exchange) {
        receive(exchange);
    }

    @Override
    public void handlePUT(CoapExchange exchange) {
        receive(exchange);
    }

    private void receive(CoapExchange exchange) {
        Request request = exchange.advanced().getRequest();
        Optional<String> identity = identity(request.getSourceContext().getPeerIdentity());
        if (identity.isEmpty()) {
            refuse(exchange, "?", ResponseCode.UNAUTHORIZED, "no DTLS-PSK identity");
            return;
        }
        int format = request.getOptions().getContentFormat();
        byte[] body = request.getPayload();
        LOG.trace("{} of {} bytes, content format {}, from '{}'", request.getCode(), body.length, format,
                LogText.safe(identity.get()));
        if (format != MediaTypeRegistry.APPLICATION_SENML_JSON && format != MediaTypeRegistry.APPLICATION_SENML_CBOR) {
            refuse(exchange, identity.get(), ResponseCode.UNSUPPORTED_CONTENT_FORMAT,
                    "content format " + (format < 0 ? "missing" : format) + "; " + FORMATS);
        } else if (body.length > maxPayloadBytes) {
            Response tooLarge = answer(ResponseCode.REQUEST_ENTITY_TOO_LARGE,
                    body.length + " bytes, at most " + maxPayloadBytes + " accepted");
            tooLarge.getOptions().setSize1(maxPayloadBytes);
            refuse(exchange, identity.get(), tooLarge);
        } else {
            parsed(exchange, identity.get(), body, format == MediaTypeRegistry.APPLICATION_SENML_CBOR);
        }
    }

    private void parsed(CoapExchange exchange, String identity, byte[] body, boolean cbor) {
        List<PushedRecord> records;
        try {
            records = PushedPack.parse(body, cbor, clock.getAsLong());
        } catch (IllegalArgumentException e) {
            refuse(exchange, identity, ResponseCode.BAD_REQUEST, PayloadValues.firstLine(e.getMessage()));
            return;
        }
        try {
            int stored = ingest.accept(PushEndpoint.SCHEME, identity, records);
            LOG.trace("{} records from '{}': {} readings stored", records.size(), LogText.safe(identity), stored);
            exchange.respond(answer(ResponseCode.CHANGED, "stored " + stored + (stored == 1 ? " reading" : " readings")));
        } catch (PushRefused e) {
            refuse(exchange, identity, refusal(e));
        } catch (RuntimeException e) {
            LOG.warn("the pack pushed by '{}' could not be taken", LogText.safe(identity), e);
            exchange.respond(answer(ResponseCode.INTERNAL_SERVER_ERROR, "the gateway failed to take the pack"));
        }
    }

    private static Response refusal(PushRefused refused) {
        String message = PayloadValues.firstLine(refused.getMessage());
        return switch (refused.reason()) {
            case BAD_CONTENT -> answer(ResponseCode.BAD_REQUEST, message);
            case UNKNOWN_DEVICE -> answer(ResponseCode.FORBIDDEN, message);
            case UNAVAILABLE -> {
                LOG.debug("cannot take a pack now: {}", LogText.safe(message));
                Response later = answer(ResponseCode.SERVICE_UNAVAILABLE, "the gateway cannot store now; send again later");
                later.getOptions().setMaxAge(RETRY_AFTER_SECONDS);
                yield later;
            }
        };
    }

    private static Optional<String> identity(Principal peer) {
        return peer instanceof PreSharedKeyIdentity psk ? Optional.of(psk.getIdentity()) : Optional.empty();
    }

    private static Response answer(ResponseCode code, String diagnostic) {
        Response response = new Response(code);
        response.setPayload(LogText.safe(diagnostic));
        response.getOptions().setContentFormat(MediaTypeRegistry.TEXT_PLAIN);
        return response;
    }

    private static void refuse(CoapExchange exchange, String identity, ResponseCode code, String diagnostic) {
        refuse(exchange, identity, answer(code, diagnostic));
    }

    private static void refuse(CoapExchange exchange, String identity, Response response) {
        LOG.debug("push from '{}' refused with {}: {}", LogText.safe(identity), response.getCode(),
                response.getPayloadString());
        exchange.respond(response);
    }
}
