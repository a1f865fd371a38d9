package cat.smartregion.gateway.simulator.platform.internal;

import cat.smartregion.gateway.simulator.platform.BatchRecord;
import cat.smartregion.gateway.simulator.platform.RequestRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves Sentilo's API subset: gatekeeping in Sentilo's order (readiness, credential, provider
 * permission, quota, payload size), then the catalog, data and alarm resources; records gateway
 * batches and every request.
 */
public final class ApiHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final Pattern BATCH_HEADER = Pattern.compile("\\s*(\\d+)-(\\d+)\\s*");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GLOBAL = "*";

    private final PlatformStore store;
    private final PlatformKnobs knobs;
    private final InboundQuota quota;
    private final InboundQuota globalQuota;
    private final Clock clock;
    private final CatalogResource catalog;
    private final DataResource data;
    private final AlarmResource alarm;
    private final RequestLog requests = new RequestLog();

    public ApiHandler(PlatformStore store, PlatformKnobs knobs, Clock clock) {
        this.store = store;
        this.knobs = knobs;
        this.clock = clock;
        this.quota = new InboundQuota(clock, "Inbound");
        this.globalQuota = new InboundQuota(clock, "Global");
        this.catalog = new CatalogResource(store, knobs);
        this.data = new DataResource(store);
        this.alarm = new AlarmResource(store);
    }

    /** Sets the platform's hourly inbound quota over all providers; 0 removes it. */
    public void globalQuota(int perHour) {
        globalQuota.limit(GLOBAL, perHour);
    }

    /** The requests answered so far (the latest 100,000), in arrival order. */
    public RequestLog requests() {
        return requests;
    }

    /** Sets a provider's hourly inbound quota; 0 removes it. */
    public void inboundQuota(String provider, int perHour) {
        quota.limit(provider, perHour);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long now = clock.millis();
        Route route = Route.of(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery());
        byte[] body = exchange.getRequestBody().readAllBytes();
        Answer answer = answer(route, exchange.getRequestHeaders().getFirst("IDENTITY_KEY"), body, now);
        LOG.trace("{} {} -> {}", route.method(), exchange.getRequestURI(), answer.status());
        requests.add(new RequestRecord(route.method(), exchange.getRequestURI().getRawPath(), answer.status(), now));
        recordBatch(route, exchange.getRequestHeaders().getFirst("X-Gateway-Batch"), body, answer.status(), now);
        respond(exchange, answer);
    }

    private record Admission(String caller, Map<String, String> quotaHeaders) {
    }

    private Answer answer(Route route, String token, byte[] body, long now) {
        try {
            Admission admission = admit(route, token, body.length);
            return dispatch(route, admission.caller(), body, now).withHeaders(admission.quotaHeaders());
        } catch (ApiFailure failure) {
            return failure.answer();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("stand-in platform failed on {} {}", route.method(), route.resource(), e);
            return Answer.error(500, "Internal server error");
        }
    }

    private Admission admit(Route route, String token, int bodyLength) throws SQLException {
        if (knobs.notReady()) {
            throw new ApiFailure(Answer.error(503, "Service unavailable: credentials not loaded yet"));
        }
        Optional<String> caller = token == null ? Optional.empty() : store.providerOfToken(token);
        if (caller.isEmpty()) {
            throw new ApiFailure(Answer.error(401, "Invalid credential"));
        }
        if (route.provider().isPresent() && !permitted(caller.get(), route.provider().get())) {
            throw new ApiFailure(Answer.error(403, "Forbidden: [" + caller.get()
                    + "] has no permission on provider [" + route.provider().get() + "]"));
        }
        Map<String, String> quotaHeaders = takeQuotas(caller.get());
        if (knobs.maxPayloadBytes() > 0 && bodyLength > knobs.maxPayloadBytes()) {
            throw new ApiFailure(Answer.error(400, "Bad request data: payload too large").withHeaders(quotaHeaders));
        }
        return new Admission(caller.get(), quotaHeaders);
    }

    /** Counts the request against the provider's and the global quota; 429 when either is exceeded. */
    private Map<String, String> takeQuotas(String caller) {
        InboundQuota.Verdict own = quota.take(caller);
        InboundQuota.Verdict global = own.allowed() ? globalQuota.take(GLOBAL) : new InboundQuota.Verdict(true, Map.of());
        Map<String, String> headers = new HashMap<>(own.headers());
        headers.putAll(global.headers());
        if (!own.allowed() || !global.allowed()) {
            throw new ApiFailure(Answer.error(429, "Too many requests: inbound quota exceeded").withHeaders(headers));
        }
        return headers;
    }

    private boolean permitted(String caller, String pathProvider) throws SQLException {
        return store.providerExists(pathProvider) && caller.equals(pathProvider);
    }

    private Answer dispatch(Route route, String caller, byte[] body, long now) throws SQLException {
        String provider = route.provider().orElse("");
        if (route.is("GET", "catalog", 0)) {
            return catalog.list(caller);
        }
        if (route.is("GET", "data", 2)) {
            return data.read(provider, route.sensor().orElseThrow(), route.query());
        }
        if (route.is("POST", "catalog", 1)) {
            return catalog.register(provider, parse(body));
        }
        if (route.is("PUT", "catalog", 1)) {
            return catalog.update(provider, parse(body));
        }
        if (route.is("PUT", "data", 1)) {
            return data.publishBatch(provider, parse(body), now);
        }
        if (route.is("PUT", "data", 2)) {
            return data.publishSensor(provider, route.sensor().orElseThrow(), parse(body), now);
        }
        if (route.method().equals("PUT") && route.alert().isPresent()) {
            return alarm.publish(caller, route.alert().get(), parse(body), now);
        }
        return Answer.error(404, "Resource not found: " + route.method() + " /" + route.resource());
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw ApiFailure.badRequest("Bad request data: body must be a JSON object", "body");
            }
            return node;
        } catch (IOException e) {
            throw ApiFailure.badRequest("Bad request data: malformed JSON", String.valueOf(e.getMessage()));
        }
    }

    private void recordBatch(Route route, String header, byte[] body, int status, long now) {
        if (header == null || !route.method().equals("PUT") || !route.resource().equals("data")) {
            return;
        }
        Matcher m = BATCH_HEADER.matcher(header);
        if (!m.matches() || Long.parseLong(m.group(1)) > Long.parseLong(m.group(2))) {
            return;
        }
        try {
            store.addBatch(new BatchRecord(route.provider().orElse(""), Long.parseLong(m.group(1)),
                    Long.parseLong(m.group(2)), now, countObservations(body), status));
        } catch (SQLException e) {
            LOG.warn("stand-in platform could not record batch {}", header, e);
        }
    }

    private static int countObservations(byte[] body) {
        try {
            JsonNode root = JSON.readTree(body);
            if (root == null) {
                return 0;
            }
            int count = root.path("observations").size();
            for (JsonNode sensor : root.path("sensors")) {
                count += sensor.path("observations").size();
            }
            return count;
        } catch (IOException e) {
            return 0;
        }
    }

    private static void respond(HttpExchange exchange, Answer answer) throws IOException {
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        if (answer.body().length > 0) {
            exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
        }
        exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer.body());
        }
    }
}
