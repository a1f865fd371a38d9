package cat.smartregion.gateway.mqtt.internal;

import cat.smartregion.gateway.api.Quality;
import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.Value;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Writes readings as one SenML pack (RFC 8428), in JSON or in CBOR with the integer labels of
 * RFC 8428 table 4, optionally gzip-compressed.
 *
 * <p>The first record holds the base name {@code {tenant}:{gateway}:} and the base time (the first
 * reading's time, in seconds); a record repeats the base name only when tenant or gateway change.
 * Each record has the name {@code {device}:{point}}, the unit {@code u} (omitted when the reading has none), the time {@code t} relative
 * to the base time (omitted when 0) and {@code v}, {@code vb} or {@code vs}. A reading whose quality is
 * not GOOD carries the extension field {@code q} ({@code out_of_range}, {@code clock_unsynchronised}).
 */
public final class SenmlWriter {

    static final int BN = -2;
    static final int BT = -3;
    static final int N = 0;
    static final int U = 1;
    static final int V = 2;
    static final int VS = 3;
    static final int VB = 4;
    static final int T = 6;

    private static final JsonFactory JSON = new JsonFactory();
    private static final CBORFactory CBOR = new CBORFactory();

    private final Encoding encoding;
    private final boolean gzip;

    public SenmlWriter(Encoding encoding, boolean gzip) {
        this.encoding = encoding;
        this.gzip = gzip;
    }

    /** The pack of the readings (at least one). */
    public byte[] write(List<Reading> readings) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(readings.size() * (gzip ? 16 : 48) + 64);
        try (OutputStream out = gzip ? new FastGzip(bytes) : bytes;
             JsonGenerator gen = encoding == Encoding.SENML_JSON ? JSON.createGenerator(out) : CBOR.createGenerator(out)) {
            writePack(gen, readings);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode readings in memory", e);
        }
        return bytes.toByteArray();
    }

    private void writePack(JsonGenerator gen, List<Reading> readings) throws IOException {
        long baseTime = readings.get(0).time();
        gen.writeStartArray();
        Reading previous = null;
        for (Reading r : readings) {
            gen.writeStartObject();
            if (previous == null || !previous.tenant().equals(r.tenant()) || !previous.gateway().equals(r.gateway())) {
                field(gen, "bn", BN);
                gen.writeString(r.tenant() + ":" + r.gateway() + ":");
            }
            if (previous == null) {
                field(gen, "bt", BT);
                seconds(gen, baseTime);
            }
            field(gen, "n", N);
            gen.writeString(r.device() + ":" + r.point());
            if (!r.unit().isEmpty()) {
                field(gen, "u", U);
                gen.writeString(r.unit());
            }
            if (r.time() != baseTime) {
                field(gen, "t", T);
                seconds(gen, r.time() - baseTime);
            }
            value(gen, r.value());
            if (r.quality() != Quality.GOOD) {
                gen.writeFieldName("q");
                gen.writeString(r.quality().name().toLowerCase(Locale.ROOT));
            }
            gen.writeEndObject();
            previous = r;
        }
        gen.writeEndArray();
    }

    private void field(JsonGenerator gen, String label, int cborLabel) throws IOException {
        if (encoding == Encoding.SENML_JSON) {
            gen.writeFieldName(label);
        } else {
            gen.writeFieldId(cborLabel);
        }
    }

    private void value(JsonGenerator gen, Value value) throws IOException {
        if (value instanceof Value.Number number) {
            field(gen, "v", V);
            number(gen, number);
        } else if (value instanceof Value.Bool bool) {
            field(gen, "vb", VB);
            gen.writeBoolean(bool.value());
        } else {
            field(gen, "vs", VS);
            gen.writeString(value.text());
        }
    }

    private void number(JsonGenerator gen, Value.Number number) throws IOException {
        double v = number.value();
        long whole = (long) v;
        if (whole == v && Math.abs(v) < 1e15) {
            gen.writeNumber(whole);
        } else if (encoding == Encoding.SENML_CBOR) {
            gen.writeNumber(v);
        } else {
            gen.writeNumber(decimal(number));
        }
    }

    /** Milliseconds as seconds: an integer when whole, else exact to the millisecond. */
    private void seconds(JsonGenerator gen, long millis) throws IOException {
        if (millis % 1000 == 0) {
            gen.writeNumber(millis / 1000);
        } else if (encoding == Encoding.SENML_CBOR) {
            gen.writeNumber(millis / 1000.0);
        } else {
            gen.writeNumber(millisAsSeconds(millis));
        }
    }

    /** Gzip at the fastest level: SenML packs repeat names and units, so even it compresses them well. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out, 8192);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }

    static String millisAsSeconds(long millis) {
        long abs = Math.abs(millis);
        int fraction = (int) (abs % 1000);
        StringBuilder text = new StringBuilder(16).append(millis < 0 ? "-" : "").append(abs / 1000);
        if (fraction != 0) {
            text.append('.').append(fraction / 100);
            if (fraction % 100 != 0) {
                text.append(fraction / 10 % 10);
                if (fraction % 10 != 0) {
                    text.append(fraction % 10);
                }
            }
        }
        return text.toString();
    }

    /** Shortest plain decimal of a number: Double.toString unless it has an exponent. */
    static String decimal(Value.Number number) {
        String text = Double.toString(number.value());
        return text.indexOf('E') < 0 ? text : number.text();
    }
}
