package cat.smartregion.gateway.simulator.devices.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A device profile file read for the simulator: its id, protocol and numeric Modbus points, with the
 * profile's {@code defaults} applied. Points of other kinds (bits, strings, coils) are listed in
 * {@link #skipped()}; keys the simulator does not need (platform mapping, descriptions) are ignored.
 *
 * @param id       the profile id
 * @param protocol modbus, serial, coap, ...
 * @param points   the numeric register points, in file order
 * @param skipped  names of points the simulator does not serve
 * @param derived  names of points the gateway derives from others ({@code derived:}), not read from registers
 * @param options  the profile's protocol options as texts, e.g. {@code sunspec.model}
 */
public record ProfileFile(String id, String protocol, List<ProfilePoint> points, List<String> skipped, List<String> derived,
                          Map<String, String> options) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern REGISTER = Pattern.compile("(input|holding):(0[xX][0-9A-Fa-f]+|[0-9]+)");

    public ProfileFile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(protocol, "protocol");
        points = List.copyOf(points);
        skipped = List.copyOf(skipped);
        derived = List.copyOf(derived);
        options = Map.copyOf(options);
    }

    /** Reads the file; fails naming the file and point when a point cannot be served. */
    public static ProfileFile read(Path file) throws IOException {
        JsonNode root = YAML.readTree(file.toFile());
        JsonNode defaults = root.path("defaults");
        List<ProfilePoint> points = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> derived = new ArrayList<>();
        for (JsonNode point : root.path("points")) {
            if (point.has("derived")) {
                derived.add(point.path("name").asText());
                continue;
            }
            try {
                point(point, defaults, points, skipped);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file.getFileName() + ": " + e.getMessage(), e);
            }
        }
        Map<String, String> options = new TreeMap<>();
        root.path("options").fields().forEachRemaining(e -> options.put(e.getKey(), e.getValue().asText()));
        return new ProfileFile(root.path("id").asText(), root.path("protocol").asText(), points, skipped, derived, options);
    }

    /** Whether the gateway reads this profile over Modbus. */
    public boolean isModbus() {
        return protocol.equals("modbus");
    }

    private static void point(JsonNode point, JsonNode defaults, List<ProfilePoint> points, List<String> skipped) {
        String name = point.path("name").asText();
        String type = text(point, defaults, "type", "");
        Matcher address = REGISTER.matcher(point.path("address").asText());
        if (!address.matches() || type.equals("bit") || type.equals("string") || type.equals("decimal")) {
            skipped.add(name);
            return;
        }
        JsonNode range = point.path("range");
        OptionalInt scaleFactor = point.has("scaleFactor")
                ? OptionalInt.of(number(point.path("scaleFactor").asText().substring("holding:".length())))
                : OptionalInt.empty();
        points.add(new ProfilePoint(name, point.path("quantity").asText(), address.group(1).equals("holding"),
                number(address.group(2)), type, text(point, defaults, "order", "ABCD").toUpperCase(),
                point.path("scale").asDouble(defaults.path("scale").asDouble(1)), point.path("offset").asDouble(0),
                point.path("unit").asText(), range.path(0).asDouble(0), range.path(1).asDouble(100), scaleFactor));
    }

    private static String text(JsonNode point, JsonNode defaults, String key, String fallback) {
        return point.path(key).asText(defaults.path(key).asText(fallback)).toLowerCase();
    }

    private static int number(String text) {
        return text.startsWith("0x") || text.startsWith("0X") ? Integer.parseInt(text.substring(2), 16) : Integer.parseInt(text);
    }
}
