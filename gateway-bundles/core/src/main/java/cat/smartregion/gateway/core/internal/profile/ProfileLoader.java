package cat.smartregion.gateway.core.internal.profile;

import cat.smartregion.gateway.api.profile.DataType;
import cat.smartregion.gateway.api.profile.DeviceProfile;
import cat.smartregion.gateway.api.profile.PointSpec;
import cat.smartregion.gateway.api.profile.ProfileException;
import cat.smartregion.gateway.api.profile.WordOrder;
import cat.smartregion.gateway.core.internal.profile.YamlNode.Sequence;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a device profile from a YAML file. Every error is a {@link ProfileException} whose message
 * starts with {@code file:line:column}, e.g.
 * {@code sdm630.yaml:14:7: point 'phaseVoltageL1': unknown type 'float33' (expected one of ...)}.
 */
public final class ProfileLoader {

    private static final List<String> PROFILE_KEYS =
            List.of("id", "manufacturer", "model", "protocol", "source", "defaults", "options", "points");
    private static final String ID_SYNTAX = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    /** @throws ProfileException naming the file, line and column of each problem, one a line (every point's checked) */
    public DeviceProfile load(Path file) {
        String name = file.getFileName().toString();
        try (InputStream in = Files.newInputStream(file)) {
            return parse(name, in);
        } catch (IOException e) {
            throw new ProfileException(name + ": cannot read " + file + ": " + e, e);
        }
    }

    /** Parses a profile; {@code file} is the name used in messages. */
    public DeviceProfile parse(String file, InputStream in) {
        Fields profile = Fields.of(YamlTree.parse(file, in), "", PROFILE_KEYS);
        String id = profile.text("id");
        if (!id.matches(ID_SYNTAX)) {
            throw profile.error(profile.required("id").where(), "id '" + id + "' must match " + ID_SYNTAX);
        }
        String protocol = profile.text("protocol");
        PointDefaults defaults = profile.node("defaults")
                .map(node -> PointDefaults.read(Fields.of(node, "defaults", PointDefaults.KEYS)))
                .orElse(PointDefaults.NONE);
        Map<String, String> options = options(profile);
        List<PointSpec> points = points(profile, protocol, defaults, options);
        return new DeviceProfile(id, profile.text("manufacturer"), profile.text("model"), protocol,
                profile.text("source"), points, options);
    }

    /** The protocol options: a mapping of texts (framing, paths, formats), handed to the driver as they are. */
    private static Map<String, String> options(Fields profile) {
        Map<String, String> options = new LinkedHashMap<>();
        profile.node("options").ifPresent(node -> {
            Fields fields = Fields.unchecked(node, "options");
            ((YamlNode.Mapping) node).entries().keySet().forEach(key -> options.put(key, fields.text(key)));
        });
        return options;
    }

    private static List<PointSpec> points(Fields profile, String protocol, PointDefaults defaults,
                                          Map<String, String> options) {
        String records = options.getOrDefault(DeviceProfile.RECORDS, "");
        if (!records.isEmpty() && !records.equals("any")) {
            throw profile.error(profile.required("options").where(), "option 'records' takes only 'any', got '" + records + "'");
        }
        if (!records.isEmpty() && !protocol.equals("coap")) {
            throw profile.error(profile.required("options").where(), "option 'records: any' takes SenML records: protocol coap, not "
                    + protocol);
        }
        Optional<Sequence> given = profile.optionalList("points");
        if (given.isEmpty() && records.equals("any")) {
            return List.of();
        }
        Sequence list = given.orElseThrow(() -> profile.error(profile.where(), "missing 'points'"));
        if (list.items().isEmpty() && !records.equals("any")) {
            throw profile.error(list.where(), "'points' must list at least one point");
        }
        Map<String, Where> seen = new HashMap<>();
        Map<String, PointSpec> points = new LinkedHashMap<>();
        RegisterOverlapCheck overlaps = new RegisterOverlapCheck();
        List<Map.Entry<YamlNode, PointSpec>> read = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Set<String> failed = new HashSet<>();
        for (YamlNode item : list.items()) {
            try {
                PointSpec point = new PointReader(item, protocol, defaults).read();
                Where first = seen.putIfAbsent(point.name(), item.where());
                if (first != null) {
                    throw Fields.error(item.where(), "", "duplicate point name '" + point.name()
                            + "' (first at line " + first.line() + ")");
                }
                if (protocol.equals("modbus")) {
                    overlaps.add(point, item.where());
                }
                points.put(point.name(), point);
                read.add(Map.entry(item, point));
            } catch (ProfileException e) {
                errors.add(e.getMessage());
                failed.add(nameOf(item));
            }
        }
        for (Map.Entry<YamlNode, PointSpec> point : read) {
            try {
                if (point.getValue().derived() && !failed.contains(point.getValue().derivation().source())) {
                    DerivedPointReader.checkSource(point.getKey(), point.getValue(), points);
                }
            } catch (ProfileException e) {
                errors.add(e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new ProfileException(errors);
        }
        return List.copyOf(points.values());
    }

    /** The name a point item gives, if it gives one: a derivation from a point already reported is not reported again. */
    private static String nameOf(YamlNode item) {
        try {
            return Fields.unchecked(item, "point").text("name");
        } catch (ProfileException e) {
            return "";
        }
    }

    /** Profile-level defaults for a point's type, order and scale. */
    record PointDefaults(DataType type, WordOrder order, double scale) {

        static final List<String> KEYS = List.of("type", "order", "scale");
        static final PointDefaults NONE = new PointDefaults(null, WordOrder.ABCD, 1);

        static PointDefaults read(Fields fields) {
            DataType type = fields.optionalText("type")
                    .map(t -> Enums.parse(DataType.class, t, fields, fields.required("type").where(), "type"))
                    .orElse(null);
            WordOrder order = fields.optionalText("order")
                    .map(o -> Enums.parse(WordOrder.class, o, fields, fields.required("order").where(), "order"))
                    .orElse(WordOrder.ABCD);
            double scale = fields.optionalNumber("scale").orElse(1.0);
            if (scale == 0) {
                throw fields.error(fields.required("scale").where(), "scale must not be 0");
            }
            return new PointDefaults(type, order, scale);
        }
    }
}
