package cat.smartregion.gateway.driver.coap.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves a SenML pack (a JSON array, or a CBOR array with the integer labels of RFC 8428
 * section 6) into records: base fields (name, unit, value, time) apply to the records that follow
 * until redefined. Records without a value are left out.
 */
final class SenmlPack {

    /** CBOR labels to JSON labels. */
    private static final Map<String, String> CBOR_LABELS = Map.ofEntries(Map.entry("-2", "bn"), Map.entry("-3", "bt"),
            Map.entry("-4", "bu"), Map.entry("-5", "bv"), Map.entry("0", "n"), Map.entry("1", "u"), Map.entry("2", "v"),
            Map.entry("3", "vs"), Map.entry("4", "vb"), Map.entry("6", "t"), Map.entry("8", "vd"));

    /** Numbers like 1e-999999999 would make sums of millions of digits: refused. */
    private static final int MAX_SCALE = 64;

    private SenmlPack() {
    }

    /** @throws IllegalArgumentException when the tree is not a SenML pack */
    static List<SenmlRecord> resolve(JsonNode pack, boolean cbor) {
        if (!pack.isArray()) {
            throw new IllegalArgumentException("a SenML pack is an array, got " + pack.getNodeType());
        }
        List<SenmlRecord> records = new ArrayList<>();
        String baseName = "";
        String baseUnit = "";
        BigDecimal baseValue = BigDecimal.ZERO;
        BigDecimal baseTime = BigDecimal.ZERO;
        for (JsonNode record : pack) {
            if (!record.isObject()) {
                throw new IllegalArgumentException("a SenML record is a map, got " + record.getNodeType());
            }
            baseName = field(record, "bn", cbor).map(n -> text(n, "bn")).orElse(baseName);
            baseUnit = field(record, "bu", cbor).map(n -> text(n, "bu")).orElse(baseUnit);
            baseValue = field(record, "bv", cbor).map(SenmlPack::decimal).orElse(baseValue);
            baseTime = field(record, "bt", cbor).map(SenmlPack::decimal).orElse(baseTime);
            String name = field(record, "n", cbor).map(n -> text(n, "n")).orElse("");
            String unit = field(record, "u", cbor).map(n -> text(n, "u")).orElse(baseUnit);
            BigDecimal time = baseTime.add(field(record, "t", cbor).map(SenmlPack::decimal).orElse(BigDecimal.ZERO));
            Optional<String> value = value(record, cbor, baseValue);
            if (value.isPresent()) {
                records.add(new SenmlRecord(baseName, name, unit, value.get(), time));
            }
        }
        return records;
    }

    private static Optional<String> value(JsonNode record, boolean cbor, BigDecimal baseValue) {
        Optional<JsonNode> number = field(record, "v", cbor);
        if (number.isPresent()) {
            BigDecimal v = decimal(number.get());
            return Optional.of(baseValue.signum() == 0 ? NodeText.of(number.get()) : baseValue.add(v).toString());
        }
        return field(record, "vs", cbor).or(() -> field(record, "vb", cbor)).or(() -> field(record, "vd", cbor))
                .map(JsonNode::asText);
    }

    private static String text(JsonNode node, String label) {
        if (!node.isTextual()) {
            throw new IllegalArgumentException("SenML field " + label + " must be a text, got " + node);
        }
        return node.asText();
    }

    private static BigDecimal decimal(JsonNode node) {
        if (!node.isNumber()) {
            throw new IllegalArgumentException("a SenML number field must be a number, got " + node);
        }
        BigDecimal number = new BigDecimal(NodeText.of(node));
        if (Math.abs(number.scale()) > MAX_SCALE) {
            throw new IllegalArgumentException("a SenML number field has more than " + MAX_SCALE
                    + " digits after or zeros before its point: " + node);
        }
        return number;
    }

    private static Optional<JsonNode> field(JsonNode record, String label, boolean cbor) {
        JsonNode node = record.get(label);
        if (node == null && cbor) {
            node = CBOR_LABELS.entrySet().stream().filter(e -> e.getValue().equals(label))
                    .map(e -> record.get(e.getKey())).filter(n -> n != null).findFirst().orElse(null);
        }
        return Optional.ofNullable(node);
    }
}
