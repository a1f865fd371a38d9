package cat.smartregion.gateway.core.internal.device;

import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.device.GatewayIdentity;
import cat.smartregion.gateway.api.device.ReadResult;
import cat.smartregion.gateway.api.driver.PointRequest;
import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.api.driver.RawValue;
import cat.smartregion.gateway.api.profile.PointSpec;
import cat.smartregion.gateway.api.push.PushedRecord;
import cat.smartregion.gateway.api.push.SenmlAddress;
import cat.smartregion.gateway.core.internal.decode.Decoded;
import cat.smartregion.gateway.core.internal.decode.Decoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The records a polled profile with {@code records: any} takes beyond its named points: one request,
 * address {@value #ADDRESS}, which the CoAP driver answers with every SenML record of the payload as a
 * JSON array of {@code {"bn", "n", "u", "v", "t"}} ({@code t} in ms since the epoch, when the pack gave a
 * time). Each record its named points do not take becomes a reading as {@link GenericRecords} says; a
 * record that cannot is a failure of its own, the others go on.
 */
final class AnyRecords {

    /** The request's point name. */
    static final String POINT = "records";
    /** The request's address: every record. */
    static final String ADDRESS = "*";

    /** How far ahead of the gateway's clock a record's time may be. */
    static final long MAX_AHEAD_MS = 86_400_000L;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> named;
    private final Set<String> names;

    AnyRecords(List<PointSpec> points) {
        this.named = points.stream().map(p -> SenmlAddress.parse(p.address()).name()).collect(Collectors.toUnmodifiableSet());
        this.names = points.stream().map(PointSpec::name).collect(Collectors.toUnmodifiableSet());
    }

    static PointRequest request() {
        return new PointRequest(POINT, ADDRESS, 1);
    }

    /** The readings of the driver's answer, stamped with their record's time or else the cycle's. */
    ReadResult decode(RawValue answer, GatewayIdentity identity, String device, long cycleTime) {
        List<PushedRecord> records;
        try {
            records = parse(answer.data(), cycleTime);
        } catch (IOException | IllegalArgumentException e) {
            return new ReadResult(List.of(), List.of(RawValue.failed(POINT, PointStatus.BAD_FRAME,
                    "the driver's records are not a JSON array of records: " + e.getMessage())));
        }
        List<PushedRecord> others = records.stream()
                .filter(r -> !named.contains(r.name()) && !named.contains(r.fullName())).toList();
        GenericRecords generic = new GenericRecords(device, others);
        List<Reading> readings = new ArrayList<>();
        List<RawValue> failures = new ArrayList<>();
        Map<String, String> units = new HashMap<>();
        for (PushedRecord record : others) {
            try {
                generic.point(record).ifPresent(spec -> {
                    check(spec, record, units, cycleTime);
                    add(spec, record, identity, device, readings, failures);
                });
            } catch (IllegalArgumentException e) {
                failures.add(RawValue.failed(record.fullName(), PointStatus.BAD_FRAME, e.getMessage()));
            }
        }
        return new ReadResult(readings, failures);
    }

    /** A record names a point of its own, in one unit, at a time no more than a day ahead of the gateway's. */
    private void check(PointSpec spec, PushedRecord record, Map<String, String> units, long cycleTime) {
        if (names.contains(spec.name())) {
            throw new IllegalArgumentException("record '" + record.fullName() + "' would be a reading named " + spec.name()
                    + ", the name of a point of the profile");
        }
        String unit = units.putIfAbsent(spec.name(), spec.unit());
        if (unit != null && !unit.equals(spec.unit())) {
            throw new IllegalArgumentException("record '" + record.fullName() + "' is in '" + spec.unit()
                    + "', an earlier record of the name in '" + unit + "'");
        }
        if (record.time() > cycleTime + MAX_AHEAD_MS) {
            throw new IllegalArgumentException("record '" + record.fullName() + "' is dated more than a day ahead of the "
                    + "gateway's clock (SenML times are in seconds: milliseconds sent as seconds?)");
        }
    }

    private static void add(PointSpec spec, PushedRecord record, GatewayIdentity identity, String device,
                            List<Reading> readings, List<RawValue> failures) {
        Decoder decoder = new Decoder(spec);
        Decoded decoded = decoder.decode(record.value().getBytes(StandardCharsets.UTF_8), record.time());
        if (decoded instanceof Decoded.Good good) {
            readings.add(new Reading(identity.tenant(), identity.gateway(), device, spec.name(), spec.quantity(), good.value(),
                    decoder.unit(), record.time(), good.quality(), spec.priority(), 0));
        } else if (decoded instanceof Decoded.Failure f) {
            failures.add(RawValue.failed(spec.name(), f.status(), f.detail()));
        }
    }

    private static List<PushedRecord> parse(byte[] json, long cycleTime) throws IOException {
        JsonNode tree = JSON.readTree(json);
        if (tree == null || !tree.isArray()) {
            throw new IllegalArgumentException("not an array");
        }
        List<PushedRecord> records = new ArrayList<>();
        for (JsonNode r : tree) {
            records.add(new PushedRecord(r.path("bn").asText(), r.path("n").asText(), r.path("u").asText(),
                    r.path("v").asText(), r.has("t") ? r.get("t").asLong() : cycleTime));
        }
        return records;
    }
}
