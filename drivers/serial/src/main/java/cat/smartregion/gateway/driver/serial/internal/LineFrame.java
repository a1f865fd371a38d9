package cat.smartregion.gateway.driver.serial.internal;

import cat.smartregion.gateway.api.driver.PointRequest;
import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.api.driver.RawValue;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;

/**
 * A line the pattern matched; a point's address is the name of a capture group, its raw value the
 * captured text in ASCII, space-padded to the point's length in registers (two characters each) so
 * that string points get the size the core expects; a decimal point's text is taken whole.
 */
final class LineFrame implements Frame {

    private final Matcher match;
    private final String line;

    /** {@code match} has found the pattern in {@code line}; nobody uses it afterwards. */
    LineFrame(Matcher match, String line) {
        this.match = match;
        this.line = line;
    }

    @Override
    public RawValue value(PointRequest point) {
        String text;
        try {
            text = match.group(point.address());
        } catch (IllegalArgumentException e) {
            return RawValue.failed(point.point(), PointStatus.BAD_FRAME, "the line pattern has no group named '"
                    + point.address() + "'");
        }
        if (text == null) {
            return RawValue.failed(point.point(), PointStatus.BAD_FRAME, "group '" + point.address()
                    + "' is absent from the line '" + line + "'");
        }
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length < point.length() * 2) {
            bytes = Arrays.copyOf(bytes, point.length() * 2);
            Arrays.fill(bytes, text.length(), bytes.length, (byte) ' ');
        }
        return RawValue.ok(point.point(), bytes);
    }
}
