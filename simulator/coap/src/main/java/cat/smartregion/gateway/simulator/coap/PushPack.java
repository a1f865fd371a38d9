package cat.smartregion.gateway.simulator.coap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One SenML pack a sensor pushes (RFC 8428): a base name and a base time (seconds since the epoch, with
 * milliseconds) on the first record, each record's time relative to it ({@code t}, left out when 0).
 *
 * @param baseName       the base name ({@code bn}), e.g. {@code sensor-7:}
 * @param baseTimeMillis the base time ({@code bt}) in ms since the epoch
 * @param records        the records, at least one
 */
public record PushPack(String baseName, long baseTimeMillis, List<Record> records) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CBORFactory CBOR = new CBORFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public PushPack {
        Objects.requireNonNull(baseName, "baseName");
        records = List.copyOf(records);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a pack needs a record");
        }
    }

    /**
     * One measurement.
     *
     * @param name         the name after the base name ({@code n})
     * @param unit         SenML unit ({@code u}), e.g. {@code Cel}
     * @param value        the value ({@code v})
     * @param offsetMillis its time relative to the base time, in ms (0 or less)
     */
    public record Record(String name, String unit, BigDecimal value, long offsetMillis) {

        public Record {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(value, "value");
        }

        /** The record's absolute time in ms since the epoch, within {@code pack}. */
        public long time(PushPack pack) {
            return pack.baseTimeMillis() + offsetMillis;
        }
    }

    public byte[] encode(PushFormat format) {
        return format == PushFormat.SENML_JSON ? json() : cbor();
    }

    private byte[] json() {
        ArrayNode pack = NODES.arrayNode();
        for (int i = 0; i < records.size(); i++) {
            Record r = records.get(i);
            ObjectNode record = pack.addObject();
            if (i == 0) {
                record.put("bn", baseName).put("bt", seconds(baseTimeMillis));
            }
            record.put("n", r.name()).put("u", r.unit()).put("v", r.value());
            if (r.offsetMillis() != 0) {
                record.put("t", seconds(r.offsetMillis()));
            }
        }
        try {
            return JSON.writeValueAsBytes(pack);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The integer labels of RFC 8428 section 6: bn -2, bt -3, n 0, u 1, v 2, t 6. */
    private byte[] cbor() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator cbor = CBOR.createGenerator(out)) {
            cbor.writeStartArray();
            for (int i = 0; i < records.size(); i++) {
                cborRecord(cbor, records.get(i), i == 0);
            }
            cbor.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void cborRecord(CBORGenerator cbor, Record r, boolean first) throws IOException {
        cbor.writeStartObject();
        if (first) {
            cbor.writeFieldId(-2);
            cbor.writeString(baseName);
            cbor.writeFieldId(-3);
            cbor.writeNumber(seconds(baseTimeMillis).doubleValue());
        }
        cbor.writeFieldId(0);
        cbor.writeString(r.name());
        cbor.writeFieldId(1);
        cbor.writeString(r.unit());
        cbor.writeFieldId(2);
        cbor.writeNumber(r.value().doubleValue());
        if (r.offsetMillis() != 0) {
            cbor.writeFieldId(6);
            cbor.writeNumber(seconds(r.offsetMillis()).doubleValue());
        }
        cbor.writeEndObject();
    }

    private static BigDecimal seconds(long millis) {
        return BigDecimal.valueOf(millis, 3);
    }
}
