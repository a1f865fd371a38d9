package cat.smartregion.gateway.api.profile;

import java.util.List;
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
 */
public record DeviceProfile(String id, String manufacturer, String model, String protocol,
                            String source, List<PointSpec> points) {

    public DeviceProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(manufacturer, "manufacturer");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(source, "source");
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("profile " + id + " has no points");
        }
        if (points.stream().map(PointSpec::name).distinct().count() != points.size()) {
            throw new IllegalArgumentException("profile " + id + " has duplicate point names");
        }
    }
}
