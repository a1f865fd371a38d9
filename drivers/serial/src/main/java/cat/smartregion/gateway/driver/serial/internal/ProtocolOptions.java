package cat.smartregion.gateway.driver.serial.internal;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A profile's serial protocol options, checked: the framing ({@code frame: line} or
 * {@code frame: binary} with their keys), {@code mode: push} (the device sends by itself) or
 * {@code mode: poll} with a {@code request} (text with escapes) or {@code requestHex} sent before
 * each read. Unknown keys are mistakes.
 *
 * @param framers  makes a fresh framer per connection
 * @param push     whether the device sends unasked
 * @param request  bytes sent before each read in poll mode; empty in push mode
 * @param describe the framing, for logs
 */
record ProtocolOptions(Supplier<Framer> framers, boolean push, byte[] request, String describe) {

    private static final Set<String> COMMON = Set.of("frame", "mode", "request", "requestHex");
    private static final Set<String> LINE = Set.of("terminator", "pattern", "maxLength");
    private static final Set<String> BINARY = Set.of("header", "length", "lengthOffset", "lengthSize", "lengthAdds",
            "maxLength", "checksum", "checksumOffset");

    ProtocolOptions {
        request = request.clone();
        if (push != (request.length == 0)) {
            throw new IllegalArgumentException(push ? "mode push sends no request" : "mode poll needs a 'request' or 'requestHex'");
        }
    }

    @Override
    public byte[] request() {
        return request.clone();
    }

    static ProtocolOptions parse(Map<String, String> options) {
        String frame = required(options, "frame").toLowerCase(Locale.ROOT);
        boolean push = switch (options.getOrDefault("mode", "push").trim().toLowerCase(Locale.ROOT)) {
            case "push" -> true;
            case "poll" -> false;
            default -> throw new IllegalArgumentException("mode must be push or poll, got '" + options.get("mode") + "'");
        };
        byte[] request = request(options);
        return switch (frame) {
            case "line" -> {
                checkKeys(options, LINE);
                LineFormat format = line(options);
                yield new ProtocolOptions(() -> new LineFramer(format), push, request, "lines " + format.pattern());
            }
            case "binary" -> {
                checkKeys(options, BINARY);
                BinaryFormat format = binary(options);
                yield new ProtocolOptions(() -> new BinaryFramer(format), push, request, format.toString());
            }
            default -> throw new IllegalArgumentException("frame must be line or binary, got '" + frame + "'");
        };
    }

    private static byte[] request(Map<String, String> options) {
        if (options.containsKey("request") && options.containsKey("requestHex")) {
            throw new IllegalArgumentException("give 'request' or 'requestHex', not both");
        }
        if (options.containsKey("request")) {
            return Escapes.text(options.get("request"));
        }
        return Optional.ofNullable(options.get("requestHex")).map(Escapes::hex).orElse(new byte[0]);
    }

    private static LineFormat line(Map<String, String> options) {
        byte[] terminator = Escapes.text(options.getOrDefault("terminator", "\\n"));
        String regex = required(options, "pattern");
        try {
            return new LineFormat(terminator, Pattern.compile(regex), integer(options, "maxLength", 512));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("pattern '" + regex + "' is not a Java regular expression: "
                    + e.getDescription(), e);
        }
    }

    private static BinaryFormat binary(Map<String, String> options) {
        byte[] header = Escapes.hex(required(options, "header"));
        int length = integer(options, "length", 0);
        if (length == 0 && !options.containsKey("lengthOffset")) {
            throw new IllegalArgumentException("a binary frame needs 'length' or 'lengthOffset'");
        }
        return new BinaryFormat(header, length, integer(options, "lengthOffset", 0), integer(options, "lengthSize", 2),
                integer(options, "lengthAdds", 0), integer(options, "maxLength", 256),
                Checksum.parse(options.getOrDefault("checksum", "none")), integer(options, "checksumOffset", -1));
    }

    private static void checkKeys(Map<String, String> options, Set<String> own) {
        Map<String, String> rest = new HashMap<>(options);
        rest.keySet().removeAll(COMMON);
        rest.keySet().removeAll(own);
        if (!rest.isEmpty()) {
            throw new IllegalArgumentException("unknown serial options " + rest.keySet() + " for frame "
                    + options.get("frame") + " (known: " + COMMON + " " + own + ")");
        }
    }

    private static String required(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the serial driver needs the profile option '" + key + "'");
        }
        return value;
    }

    private static int integer(Map<String, String> options, String key, int fallback) {
        String value = options.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.decode(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + key + " must be a whole number, got '" + value + "'", e);
        }
    }

    /** For logs: the request as text. */
    String requestText() {
        return new String(request, StandardCharsets.US_ASCII);
    }
}
