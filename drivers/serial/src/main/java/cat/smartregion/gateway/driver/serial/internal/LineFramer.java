package cat.smartregion.gateway.driver.serial.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ASCII lines ended by a terminator; each line (blank ones skipped, surrounding white space
 * stripped) must contain a match of the pattern, or it counts as broken. A line longer than
 * the limit is broken and dropped up to the next terminator.
 */
final class LineFramer implements Framer {

    private final LineFormat format;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean overflow;

    LineFramer(LineFormat format) {
        this.format = format;
    }

    @Override
    public void accept(byte[] bytes, int length, FrameListener listener) {
        byte[] terminator = format.terminator();
        for (int i = 0; i < length; i++) {
            line.write(bytes[i]);
            if (endsWith(terminator)) {
                byte[] all = line.toByteArray();
                line.reset();
                complete(new String(all, 0, all.length - terminator.length, StandardCharsets.US_ASCII), listener);
            } else if (line.size() > format.maxLength() + terminator.length) {
                line.reset();
                overflow = true;
            }
        }
    }

    private void complete(String text, FrameListener listener) {
        if (overflow) {
            overflow = false;
            listener.broken("a line longer than " + format.maxLength() + " characters");
            return;
        }
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            return;
        }
        Matcher matcher = format.pattern().matcher(stripped);
        if (matcher.find()) {
            listener.frame(new LineFrame(matcher, stripped));
        } else {
            listener.broken("the line '" + printable(stripped) + "' does not match " + format.pattern());
        }
    }

    private boolean endsWith(byte[] terminator) {
        int size = line.size();
        if (size < terminator.length) {
            return false;
        }
        byte[] buf = line.toByteArray();
        for (int i = 0; i < terminator.length; i++) {
            if (buf[size - terminator.length + i] != terminator[i]) {
                return false;
            }
        }
        return true;
    }

    private static String printable(String text) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "..." : text;
        return shown.replaceAll("[^\\x20-\\x7E]", "?");
    }

    @Override
    public void reset() {
        line.reset();
        overflow = false;
    }
}
