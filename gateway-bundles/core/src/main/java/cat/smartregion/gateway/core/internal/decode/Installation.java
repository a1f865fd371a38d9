package cat.smartregion.gateway.core.internal.decode;

import cat.smartregion.gateway.api.profile.Derivation;
import cat.smartregion.gateway.api.profile.DeviceProfile;
import cat.smartregion.gateway.api.profile.PointSpec;
import cat.smartregion.gateway.api.profile.ProfileException;
import cat.smartregion.gateway.api.profile.Range;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A device's per-installation parameters ({@code params} of its configuration) applied to its profile:
 * {@code ctRatio} multiplies the value and range of the points marked {@code ct: true}; {@code scale}
 * multiplies every number read from the device and {@code scale.<point>} one of them (it wins), for
 * firmware that reports ten or a hundred times the value the profile expects; {@code emptyDistance} and
 * {@code fullDistance} feed a derived fillingLevel; {@code pulsesPerUnit} (or {@code pulsesPerUnit.<point>})
 * a point derived from pulses; {@code location} goes to the uplink. Any other parameter, a malformed value
 * or a missing one the profile needs is a {@link ProfileException} naming the device and the parameter.
 * Immutable.
 */
public final class Installation {

    static final String LOCATION = "location";
    static final String CT_RATIO = "ctRatio";
    static final String SCALE = "scale";
    static final String PULSES_PER_UNIT = "pulsesPerUnit";

    private final List<PointSpec> points;
    private final List<DerivedPoint> derived;

    private Installation(List<PointSpec> points, List<DerivedPoint> derived) {
        this.points = List.copyOf(points);
        this.derived = List.copyOf(derived);
    }

    /** @throws ProfileException naming the device and the parameter when a parameter is unknown, malformed or missing */
    public static Installation of(String device, Map<String, String> params, DeviceProfile profile) {
        Params p = new Params(device, params);
        checkKeys(p, profile);
        double ctRatio = ctRatio(p, profile);
        double allScale = p.number(SCALE).orElse(1.0);
        List<PointSpec> points = new ArrayList<>();
        List<DerivedPoint> derived = new ArrayList<>();
        Optional<FillDistances> fill = FillDistances.of(p, profile);
        for (PointSpec point : profile.points()) {
            if (point.derived()) {
                derived.add(derivedPoint(p, point, fill));
                continue;
            }
            points.add(point.type().numeric() ? adjusted(point, p.number(SCALE + "." + point.name()).orElse(allScale),
                    ctRatio) : point);
        }
        return new Installation(points, derived);
    }

    /** The points read from the device, with the installation's scale and current transformer ratio applied. */
    public List<PointSpec> points() {
        return points;
    }

    /** The points computed from others, in profile order. */
    public List<DerivedPoint> derived() {
        return derived;
    }

    private static PointSpec adjusted(PointSpec point, double scale, double ctRatio) {
        double ct = point.ct() ? ctRatio : 1;
        PointSpec scaled = scale * ct == 1 ? point : point.withScale(point.scale() * scale * ct);
        return ct == 1 ? scaled : scaled.withRange(new Range(point.range().min() * ct, point.range().max() * ct));
    }

    private static void checkKeys(Params p, DeviceProfile profile) {
        Map<String, PointSpec> byName = new LinkedHashMap<>();
        profile.points().forEach(point -> byName.put(point.name(), point));
        for (String key : p.keys()) {
            if (key.startsWith(SCALE + ".")) {
                PointSpec point = byName.get(key.substring(SCALE.length() + 1));
                if (point == null || point.derived() || !point.type().numeric()) {
                    throw p.error(key, "profile " + profile.id() + " has no number read from the device named '"
                            + key.substring(SCALE.length() + 1) + "'");
                }
            } else if (key.startsWith(PULSES_PER_UNIT + ".")) {
                PointSpec point = byName.get(key.substring(PULSES_PER_UNIT.length() + 1));
                if (point == null || point.derivation().method() != Derivation.Method.PULSES) {
                    throw p.error(key, "profile " + profile.id() + " has no point derived from pulses named '"
                            + key.substring(PULSES_PER_UNIT.length() + 1) + "'");
                }
            } else if (!List.of(LOCATION, CT_RATIO, SCALE, PULSES_PER_UNIT, FillDistances.EMPTY, FillDistances.FULL)
                    .contains(key)) {
                throw p.error(key, "unknown parameter (known: location, ctRatio, scale, scale.<point>, emptyDistance, "
                        + "fullDistance, pulsesPerUnit, pulsesPerUnit.<point>)");
            }
        }
    }

    private static double ctRatio(Params p, DeviceProfile profile) {
        Optional<Double> ratio = p.number(CT_RATIO);
        if (ratio.isPresent() && profile.points().stream().noneMatch(PointSpec::ct)) {
            throw p.error(CT_RATIO, "profile " + profile.id() + " marks no point as measured through a current "
                    + "transformer (ct: true)");
        }
        return ratio.orElse(1.0);
    }

    private static DerivedPoint derivedPoint(Params p, PointSpec point, Optional<FillDistances> fill) {
        if (point.derivation().method() == Derivation.Method.FILLING_LEVEL) {
            FillDistances d = fill.orElseThrow();
            return DerivedPoint.fillingLevel(point, d.empty(), d.full());
        }
        String own = PULSES_PER_UNIT + "." + point.name();
        double perUnit = p.number(own).or(() -> p.number(PULSES_PER_UNIT))
                .or(() -> point.derivation().pulsesPerUnit().isPresent()
                        ? Optional.of(point.derivation().pulsesPerUnit().getAsDouble()) : Optional.empty())
                .orElseThrow(() -> p.error(own, "missing: point '" + point.name() + "' counts pulses and its profile "
                        + "gives no pulses per " + point.unit() + " (set " + own + " or " + PULSES_PER_UNIT + ")"));
        return DerivedPoint.pulses(point, perUnit);
    }
}
