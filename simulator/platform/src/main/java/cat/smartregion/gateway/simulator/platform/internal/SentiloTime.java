package cat.smartregion.gateway.simulator.platform.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Pattern;

/** Sentilo's timestamp format {@code dd/MM/yyyy'T'HH:mm:ss} with an optional zone suffix; UTC when absent. */
public final class SentiloTime {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("dd/MM/uuuu'T'HH:mm:ss")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern OFFSET = Pattern.compile("[+-]\\d{2}:?\\d{2}");
    private static final int LOCAL_LENGTH = 19;

    private SentiloTime() {
    }

    /** UTC ms of the timestamp, or empty when it is not in Sentilo's format. */
    public static Optional<Long> parse(String text) {
        if (text.length() < LOCAL_LENGTH) {
            return Optional.empty();
        }
        try {
            LocalDateTime local = LocalDateTime.parse(text.substring(0, LOCAL_LENGTH), LOCAL);
            return zone(text.substring(LOCAL_LENGTH))
                    .map(zone -> local.atZone(zone).toInstant().toEpochMilli());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The UTC timestamp of a time, seconds resolution. */
    public static String format(long epochMillis) {
        return LOCAL.format(LocalDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC));
    }

    private static Optional<ZoneId> zone(String suffix) {
        if (suffix.isEmpty()) {
            return Optional.of(ZoneOffset.UTC);
        }
        if (OFFSET.matcher(suffix).matches()) {
            return Optional.of(ZoneOffset.of(suffix.length() == 5
                    ? suffix.substring(0, 3) + ":" + suffix.substring(3) : suffix));
        }
        try {
            return Optional.of(ZoneId.of(suffix));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
