package cat.smartregion.gateway.buffer.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Packs readings, in increasing sequence order, into one blob. After a varint count, each reading is:
 * the sequence number as a varint difference to the previous one (the first to 0), the series id and
 * the time as zigzag varint differences to the previous reading's, one flags byte (bit 7: a clock
 * stamp follows the value), the value by its kind (scaled integer: zigzag varint; real: 8 bytes;
 * boolean: one byte; text: varint length and UTF-8) and, when flagged, the 20-byte stamp.
 * A cycle of a meter's readings takes 5 to 8 bytes a reading.
 */
final class PackedCodec {

    private static final int STAMP = 0x80;
    private static final int STAMP_BYTES = 20;

    private PackedCodec() {
    }

    static byte[] encode(List<StoredReading> readings) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(readings.size() * 8 + 8);
        varint(out, readings.size());
        long seq = 0;
        long series = 0;
        long time = 0;
        for (StoredReading r : readings) {
            varint(out, r.seq() - seq);
            varint(out, zigzag(r.series() - series));
            varint(out, zigzag(r.time() - time));
            out.write(r.flags() | (r.stamp() != null ? STAMP : 0));
            value(out, r.flags() >>> 3, r.value());
            if (r.stamp() != null) {
                out.write(r.stamp(), 0, STAMP_BYTES);
            }
            seq = r.seq();
            series = r.series();
            time = r.time();
        }
        return out.toByteArray();
    }

    static List<StoredReading> decode(byte[] blob) {
        ByteBuffer in = ByteBuffer.wrap(blob);
        int count = (int) varint(in);
        List<StoredReading> readings = new ArrayList<>(count);
        long seq = 0;
        long series = 0;
        long time = 0;
        for (int i = 0; i < count; i++) {
            seq += varint(in);
            series += unzigzag(varint(in));
            time += unzigzag(varint(in));
            int flags = in.get() & 0xff;
            Object value = value(in, (flags & ~STAMP) >>> 3);
            byte[] stamp = null;
            if ((flags & STAMP) != 0) {
                stamp = new byte[STAMP_BYTES];
                in.get(stamp);
            }
            readings.add(new StoredReading(seq, (int) series, time, flags & ~STAMP, value, stamp));
        }
        return readings;
    }

    private static void value(ByteArrayOutputStream out, int kind, Object value) {
        if (kind <= ValueCodec.MAX_SCALE || kind == ValueCodec.KIND_BOOL) {
            varint(out, zigzag(((Number) value).longValue()));
        } else if (kind == ValueCodec.KIND_REAL) {
            long bits = Double.doubleToRawLongBits(((Number) value).doubleValue());
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (bits >>> shift));
            }
        } else {
            byte[] text = ((String) value).getBytes(StandardCharsets.UTF_8);
            varint(out, text.length);
            out.write(text, 0, text.length);
        }
    }

    private static Object value(ByteBuffer in, int kind) {
        if (kind <= ValueCodec.MAX_SCALE || kind == ValueCodec.KIND_BOOL) {
            return unzigzag(varint(in));
        }
        if (kind == ValueCodec.KIND_REAL) {
            return Double.longBitsToDouble(in.getLong());
        }
        byte[] text = new byte[(int) varint(in)];
        in.get(text);
        return new String(text, StandardCharsets.UTF_8);
    }

    private static void varint(ByteArrayOutputStream out, long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) (v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static long varint(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = in.get();
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
    }

    private static long zigzag(long n) {
        return (n << 1) ^ (n >> 63);
    }

    private static long unzigzag(long n) {
        return (n >>> 1) ^ -(n & 1);
    }
}
