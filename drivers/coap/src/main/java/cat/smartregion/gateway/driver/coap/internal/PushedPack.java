package cat.smartregion.gateway.driver.coap.internal;

import cat.smartregion.gateway.api.push.PushedRecord;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;

/**
 * A SenML pack a device pushed, turned into {@link PushedRecord}s: base fields resolved, times made
 * absolute (RFC 8428 section 4.5.3: from 2^28 s on since the epoch, below that relative to receipt).
 */
final class PushedPack {

    private PushedPack() {
    }

    /**
     * @param cbor      SenML CBOR (content format 112) rather than SenML JSON (110)
     * @param nowMillis the time of receipt, for relative times
     * @throws IllegalArgumentException with a one-line reason when the body is not a SenML pack with a value
     */
    static List<PushedRecord> parse(byte[] body, boolean cbor, long nowMillis) {
        JsonNode tree = tree(cbor ? PayloadValues.CBOR : PayloadValues.JSON, body, cbor ? "SenML CBOR" : "SenML JSON");
        List<SenmlRecord> records = SenmlPack.resolve(tree, cbor);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("the SenML pack holds no record with a value");
        }
        return records.stream().map(r -> new PushedRecord(r.baseName(), r.name(), r.unit(), r.value(),
                r.epochMillis(nowMillis))).toList();
    }

    private static JsonNode tree(ObjectMapper mapper, byte[] body, String what) {
        try {
            JsonNode tree = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(body);
            if (tree == null || tree.isMissingNode()) {
                throw new IllegalArgumentException("the payload is empty, not " + what);
            }
            return tree;
        } catch (IOException e) {
            throw new IllegalArgumentException("the payload is not " + what + ": " + PayloadValues.firstLine(e.getMessage()), e);
        }
    }
}
