package cat.smartregion.gateway.mqtt.internal;

import cat.smartregion.gateway.api.Value;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads a SenML pack as a receiver would (RFC 8428 resolution of base name and base time). */
final class SenmlReader {

    /** One resolved record with the sequence number the message's {@code seqs} property gives it. */
    record Record(String name, String unit, long timeMs, Value value, String quality, long seq) {
    }

    private SenmlReader() {
    }

    static List<Record> read(Subscriber.Message message) {
        try {
            byte[] payload = message.payload();
            if ("gzip".equals(message.properties().get("compression"))) {
                payload = new GZIPInputStream(new ByteArrayInputStream(payload)).readAllBytes();
            }
            boolean cbor = "senml-cbor".equals(message.properties().get("encoding"));
            JsonNode pack = (cbor ? new CBORMapper() : new ObjectMapper()).readTree(payload);
            return resolve(pack, cbor, SeqRanges.expand(message.properties().get("seqs")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Record> resolve(JsonNode pack, boolean cbor, List<Long> seqs) {
        List<Record> records = new ArrayList<>();
        String baseName = "";
        double baseTime = 0;
        for (JsonNode r : pack) {
            if (r.has(key("bn", cbor))) {
                baseName = r.get(key("bn", cbor)).asText();
            }
            if (r.has(key("bt", cbor))) {
                baseTime = r.get(key("bt", cbor)).asDouble();
            }
            double t = r.has(key("t", cbor)) ? r.get(key("t", cbor)).asDouble() : 0;
            records.add(new Record(baseName + r.get(key("n", cbor)).asText(), r.has(key("u", cbor)) ? r.get(key("u", cbor)).asText() : "",
                    Math.round((baseTime + t) * 1000), value(r, cbor), r.has("q") ? r.get("q").asText() : "good",
                    seqs.get(records.size())));
        }
        if (records.size() != seqs.size()) {
            throw new AssertionError(records.size() + " records but " + seqs.size() + " sequence numbers");
        }
        return records;
    }

    private static Value value(JsonNode r, boolean cbor) {
        if (r.has(key("v", cbor))) {
            return Value.of(r.get(key("v", cbor)).asDouble());
        }
        if (r.has(key("vb", cbor))) {
            return Value.of(r.get(key("vb", cbor)).asBoolean());
        }
        return Value.of(r.get(key("vs", cbor)).asText());
    }

    /** RFC 8428 table 4: the CBOR labels, which Jackson's tree shows as text. */
    private static String key(String label, boolean cbor) {
        if (!cbor) {
            return label;
        }
        return switch (label) {
            case "bn" -> "-2";
            case "bt" -> "-3";
            case "n" -> "0";
            case "u" -> "1";
            case "v" -> "2";
            case "vs" -> "3";
            case "vb" -> "4";
            case "t" -> "6";
            default -> throw new IllegalArgumentException(label);
        };
    }
}
