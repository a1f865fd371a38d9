package cat.smartregion.gateway.driver.coap.internal;

import cat.smartregion.gateway.api.driver.PointRequest;
import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.api.driver.RawValue;
import cat.smartregion.gateway.api.push.SenmlAddress;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/** Picks the points' values out of a response body: one {@link RawValue} per point, the value as text. */
final class PayloadValues {

    /** The address of every SenML record at once. */
    static final String ALL_RECORDS = "*";

    /** Numbers kept as written ({@code 2.50} stays {@code 2.50}), for the core to parse. */
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());

    private PayloadValues() {
    }

    static List<RawValue> extract(PayloadFormat format, byte[] body, List<PointRequest> points) {
        return switch (format) {
            case TEXT -> each(points, p -> text(p, body));
            case JSON -> parsed(JSON, body, points, "JSON", tree -> p -> pointer(p, tree));
            case SENML_JSON -> parsed(JSON, body, points, "SenML JSON", tree -> senml(tree, false));
            case SENML_CBOR -> parsed(CBOR, body, points, "SenML CBOR", tree -> senml(tree, true));
        };
    }

    private static List<RawValue> each(List<PointRequest> points, Function<PointRequest, RawValue> value) {
        return points.stream().map(value).toList();
    }

    private static List<RawValue> parsed(ObjectMapper mapper, byte[] body, List<PointRequest> points, String what,
                                         Function<JsonNode, Function<PointRequest, RawValue>> values) {
        Function<PointRequest, RawValue> value;
        try {
            JsonNode tree = mapper.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                throw new IOException("empty payload");
            }
            value = values.apply(tree);
        } catch (IOException | IllegalArgumentException e) {
            String detail = "payload is not " + what + ": " + firstLine(e.getMessage());
            return each(points, p -> RawValue.failed(p.point(), PointStatus.BAD_FRAME, detail));
        }
        return each(points, value);
    }

    private static RawValue text(PointRequest point, byte[] body) {
        if (!point.address().strip().equals("value")) {
            return RawValue.failed(point.point(), PointStatus.BAD_FRAME,
                    "a text resource holds one value: address it 'value', not '" + point.address() + "'");
        }
        String text = new String(body, StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? RawValue.failed(point.point(), PointStatus.BAD_FRAME, "empty text payload")
                : RawValue.ok(point.point(), text.getBytes(StandardCharsets.UTF_8));
    }

    private static RawValue pointer(PointRequest point, JsonNode tree) {
        JsonPointer pointer;
        try {
            pointer = JsonPointer.compile(SenmlAddress.parse(point.address()).name());
        } catch (IllegalArgumentException e) {
            return RawValue.failed(point.point(), PointStatus.BAD_FRAME, "address '" + point.address()
                    + "' is not a JSON pointer such as /pm10");
        }
        JsonNode node = tree.at(pointer);
        if (node.isMissingNode() || node.isNull() || node.isContainerNode()) {
            return RawValue.failed(point.point(), PointStatus.BAD_FRAME, "no value at " + pointer + " in the JSON payload");
        }
        return RawValue.ok(point.point(), NodeText.of(node).getBytes(StandardCharsets.UTF_8));
    }

    private static Function<PointRequest, RawValue> senml(JsonNode tree, boolean cbor) {
        List<SenmlRecord> records = SenmlPack.resolve(tree, cbor);
        long now = System.currentTimeMillis();
        return point -> point.address().strip().equals(ALL_RECORDS) ? allRecords(point, records, now) : senmlValue(point, records);
    }

    /**
     * Every record, for a profile that takes any ({@code records: any}): a JSON array of
     * {@code {"bn", "n", "u", "v", "t"}}, {@code v} the value as text, {@code t} the record's time in
     * ms since the epoch when the pack gave one.
     */
    private static RawValue allRecords(PointRequest point, List<SenmlRecord> records, long now) {
        ArrayNode all = JSON.createArrayNode();
        for (SenmlRecord record : records) {
            ObjectNode node = all.addObject().put("bn", record.baseName()).put("n", record.name()).put("u", record.unit())
                    .put("v", record.value());
            if (record.time().signum() != 0) {
                try {
                    node.put("t", record.epochMillis(now));
                } catch (IllegalArgumentException e) {
                    return RawValue.failed(point.point(), PointStatus.BAD_FRAME, e.getMessage());
                }
            }
        }
        return RawValue.ok(point.point(), all.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The last record of the name (the newest, in a pack that lists a series). */
    private static RawValue senmlValue(PointRequest point, List<SenmlRecord> records) {
        SenmlAddress address = SenmlAddress.parse(point.address());
        SenmlRecord found = null;
        for (SenmlRecord record : records) {
            if (record.named(address.name())) {
                found = record;
            }
        }
        if (found == null) {
            return RawValue.failed(point.point(), PointStatus.BAD_FRAME, "no SenML record named '" + address.name() + "'");
        }
        if (!address.unit().isEmpty() && !found.unit().isEmpty() && !address.unit().equals(found.unit())) {
            return RawValue.failed(point.point(), PointStatus.BAD_FRAME, "SenML record '" + found.fullName()
                    + "' is in '" + found.unit() + "', the point expects '" + address.unit() + "'");
        }
        return RawValue.ok(point.point(), found.value().getBytes(StandardCharsets.UTF_8));
    }

    static String firstLine(String message) {
        String text = String.valueOf(message);
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
