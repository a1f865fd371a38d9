package cat.smartregion.gateway.core.internal.decode;

import cat.smartregion.gateway.api.Quality;
import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.api.profile.DataType;
import cat.smartregion.gateway.api.profile.PointSpec;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bits and texts. A bit comes as one packed byte (a coil or discrete input, first bit lowest) or as
 * a register whose bit the address names after a dot ({@code holding:100.3}, 0 = least
 * significant). A text is two ASCII characters per register, the first in the high byte once put in
 * big-endian order (so BADC reads byte-swapped strings); it ends at the first NUL, trailing spaces cut.
 */
final class NonNumeric {

    private static final Pattern BIT_SUFFIX = Pattern.compile(".*\\.(\\d{1,2})$");

    private NonNumeric() {
    }

    static Decoded decode(PointSpec spec, byte[] wire, Quality quality) {
        if (spec.type() == DataType.BIT) {
            return bit(spec, wire, quality);
        }
        if (wire.length != spec.length() * 2) {
            return new Decoded.Failure(PointStatus.BAD_FRAME, "expected " + spec.length() * 2 + " bytes for a string of "
                    + spec.length() + " registers, got " + wire.length);
        }
        byte[] bytes = WireOrder.toBigEndian(wire, spec.order());
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new Decoded.Text(new String(bytes, 0, end, StandardCharsets.ISO_8859_1).stripTrailing(), quality);
    }

    private static Decoded bit(PointSpec spec, byte[] wire, Quality quality) {
        if (wire.length == 1) {
            return new Decoded.Flag((wire[0] & 1) != 0, quality);
        }
        if (wire.length != 2) {
            return new Decoded.Failure(PointStatus.BAD_FRAME, "expected 1 packed byte or 1 register for a bit, got "
                    + wire.length + " bytes");
        }
        byte[] word = WireOrder.toBigEndian(wire, spec.order());
        int value = (word[0] & 0xFF) << 8 | word[1] & 0xFF;
        return new Decoded.Flag((value >>> bitNumber(spec.address()) & 1) != 0, quality);
    }

    /** The bit a register address names after its dot, 0 when it names none. */
    static int bitNumber(String address) {
        Matcher m = BIT_SUFFIX.matcher(address);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }
}
