package cat.smartregion.gateway.driver.serial.internal;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A line protocol: lines ended by {@code terminator}, parsed with {@code pattern} whose named
 * groups are the point addresses.
 *
 * @param terminator bytes that end a line, e.g. {@code \n}
 * @param pattern    Java regular expression found in each line
 * @param maxLength  longest line accepted, in characters
 */
record LineFormat(byte[] terminator, Pattern pattern, int maxLength) {

    LineFormat {
        Objects.requireNonNull(pattern, "pattern");
        terminator = terminator.clone();
        if (terminator.length == 0) {
            throw new IllegalArgumentException("the line terminator must not be empty");
        }
        if (maxLength < 1 || maxLength > 65_536) {
            throw new IllegalArgumentException("maxLength must be 1-65536, got " + maxLength);
        }
        if (!pattern.pattern().contains("(?<")) {
            throw new IllegalArgumentException("the pattern " + pattern + " has no named group: point addresses name its groups");
        }
    }

    @Override
    public byte[] terminator() {
        return terminator.clone();
    }
}
