package cat.smartregion.gateway.simulator.coap;

import cat.smartregion.gateway.simulator.coap.AirQualitySensor.Sample;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The sensor's values written as text, JSON, SenML JSON (RFC 8428) and SenML CBOR (integer labels). */
public final class Payloads {

    /** The SenML base name of the simulated node. */
    public static final String BASE_NAME = "urn:dev:mac:0024befffe804ff1:";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CBORFactory CBOR_FACTORY = new CBORFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Payloads() {
    }

    public static byte[] text(Sample s) {
        return decimal(s.pm10()).getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] json(Sample s) {
        ObjectNode node = NODES.objectNode();
        node.put("pm10", s.pm10()).put("pm25", s.pm25()).put("temperature", s.temperature())
                .put("humidity", s.humidity()).put("status", "ok");
        return write(JSON, node);
    }

    public static byte[] senmlJson(Sample s) {
        return write(JSON, senml(s));
    }

    /** SenML CBOR with the integer labels of RFC 8428 section 6 (bn -2, bt -3, n 0, u 1, v 2). */
    public static byte[] senmlCbor(Sample s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator cbor = CBOR_FACTORY.createGenerator(out)) {
            cbor.writeStartArray();
            cborRecord(cbor, "pm10", "ug/m3", s.pm10(), true);
            cborRecord(cbor, "pm25", "ug/m3", s.pm25(), false);
            cborRecord(cbor, "temperature", "Cel", s.temperature(), false);
            cborRecord(cbor, "humidity", "%RH", s.humidity(), false);
            cbor.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void cborRecord(CBORGenerator cbor, String name, String unit, double value, boolean base)
            throws IOException {
        cbor.writeStartObject();
        if (base) {
            cbor.writeFieldId(-2);
            cbor.writeString(BASE_NAME);
            cbor.writeFieldId(-3);
            cbor.writeNumber(System.currentTimeMillis() / 1000);
        }
        cbor.writeFieldId(0);
        cbor.writeString(name);
        cbor.writeFieldId(1);
        cbor.writeString(unit);
        cbor.writeFieldId(2);
        cbor.writeNumber(value);
        cbor.writeEndObject();
    }

    /** A long SenML JSON pack: {@code count} past PM10 records of the base name, then the current values. */
    public static byte[] history(Sample s, int count) {
        ArrayNode pack = senml(s);
        for (int i = 1; i <= count; i++) {
            ObjectNode record = NODES.objectNode();
            record.put("n", "pm10-history").put("u", "ug/m3").put("t", -60 * i).put("v", s.pm10() + i % 7);
            pack.add(record);
        }
        return write(JSON, pack);
    }

    private static ArrayNode senml(Sample s) {
        ArrayNode pack = NODES.arrayNode();
        pack.add(record("pm10", "ug/m3", s.pm10()).put("bn", BASE_NAME).put("bt", System.currentTimeMillis() / 1000));
        pack.add(record("pm25", "ug/m3", s.pm25()));
        pack.add(record("temperature", "Cel", s.temperature()));
        pack.add(record("humidity", "%RH", s.humidity()));
        return pack;
    }

    private static ObjectNode record(String name, String unit, double value) {
        ObjectNode record = NODES.objectNode();
        record.put("n", name).put("u", unit).put("v", value);
        return record;
    }

    static String decimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static byte[] write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
