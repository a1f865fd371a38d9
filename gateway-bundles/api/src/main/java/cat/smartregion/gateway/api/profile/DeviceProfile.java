package cat.smartregion.gateway.api.profile;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A device model: what it is, which protocol it speaks and its points.
 *
 * @param id           profile id, e.g. {@code eastron-sdm630}
 * @param manufacturer manufacturer name
 * @param model        model name
 * @param protocol     protocol family, e.g. {@code modbus}
 * @param source       the vendor document the register map comes from
 * @param points       the points, names unique
 * @param options      protocol options the driver needs beyond the endpoint, e.g. a serial line
 *                     protocol's framing ({@code frame: line}, {@code pattern: ...}) or a CoAP resource's
 *                     path and content format; empty for Modbus. {@code records: any} makes every
 *                     record a pushing device sends a reading of its own (see {@link #anyRecords()})
 */
public record DeviceProfile(String id, String manufacturer, String model, String protocol,
                            String source, List<PointSpec> points, Map<String, String> options) {

    public DeviceProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(manufacturer, "manufacturer");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(source, "source");
        points = List.copyOf(points);
        options = Map.copyOf(options);
        if (points.isEmpty() && !"any".equals(options.get(RECORDS))) {
            throw new IllegalArgumentException("profile " + id + " has no points");
        }
        if (points.stream().map(PointSpec::name).distinct().count() != points.size()) {
            throw new IllegalArgumentException("profile " + id + " has duplicate point names");
        }
    }

    /** The option that makes a profile take any record: {@code records: any}. */
    public static final String RECORDS = "records";

    /**
     * Whether every record a pushing device sends becomes a reading named after the record, its
     * quantity known from its unit (the {@code generic-senml} profile), besides the points listed.
     */
    public boolean anyRecords() {
        return "any".equals(options.get(RECORDS));
    }

    /** The same model with other points, e.g. with an installation's parameters applied. */
    public DeviceProfile withPoints(List<PointSpec> newPoints) {
        return new DeviceProfile(id, manufacturer, model, protocol, source, newPoints, options);
    }

    /** A profile whose protocol needs no options, such as Modbus. */
    public DeviceProfile(String id, String manufacturer, String model, String protocol, String source,
                         List<PointSpec> points) {
        this(id, manufacturer, model, protocol, source, points, Map.of());
    }
}
