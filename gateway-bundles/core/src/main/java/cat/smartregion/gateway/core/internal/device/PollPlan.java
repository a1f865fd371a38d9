package cat.smartregion.gateway.core.internal.device;

import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.device.GatewayIdentity;
import cat.smartregion.gateway.api.device.ReadResult;
import cat.smartregion.gateway.api.driver.PointRequest;
import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.api.driver.RawValue;
import cat.smartregion.gateway.api.profile.DeviceProfile;
import cat.smartregion.gateway.api.profile.PointSpec;
import cat.smartregion.gateway.core.internal.decode.Decoded;
import cat.smartregion.gateway.core.internal.decode.Decoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What to ask a device for and how to turn the answer into readings: profile to point requests,
 * raw values to a {@link ReadResult}. A point scaled by a scale-factor register brings a request
 * for that register along (named {@code sf:<address>}, shared by the points it scales, never a
 * reading itself), so the driver reads value and factor in the same cycle, usually the same request.
 * Immutable; shared by the one-off reader and the pollers.
 */
public final class PollPlan {

    private static final String SCALE_FACTOR = "sf:";

    private final GatewayIdentity identity;
    private final String device;
    private final List<PointRequest> requests;
    private final Map<String, Decoder> decoders;
    private final Map<String, String> options;

    /** @throws cat.smartregion.gateway.api.profile.ProfileException when a point's quantity or unit is unknown */
    public PollPlan(DeviceProfile profile, GatewayIdentity identity, String device) {
        this.identity = identity;
        this.device = device;
        Map<String, PointRequest> all = new LinkedHashMap<>();
        for (PointSpec p : profile.points()) {
            all.put(p.name(), new PointRequest(p.name(), p.address(), p.length()));
            if (!p.scaleFactor().isEmpty()) {
                all.putIfAbsent(SCALE_FACTOR + p.scaleFactor(), new PointRequest(SCALE_FACTOR + p.scaleFactor(), p.scaleFactor(), 1));
            }
        }
        this.requests = List.copyOf(all.values());
        this.options = profile.options();
        this.decoders = profile.points().stream().collect(Collectors.toUnmodifiableMap(PointSpec::name, Decoder::new));
    }

    public String device() {
        return device;
    }

    /** The profile's protocol options, for the driver's {@code connect}. */
    public Map<String, String> options() {
        return options;
    }

    /** One request per point, in profile order, and one per scale-factor register; length in 16-bit registers. */
    public List<PointRequest> requests() {
        return requests;
    }

    /** Whether the profile has the point. */
    public boolean hasPoint(String point) {
        return decoders.containsKey(point);
    }

    /** Decodes a driver's answers to {@link #requests()}, all stamped with the cycle's time (UTC ms). */
    public ReadResult decode(List<RawValue> raws, long time) {
        return decode(requests, raws, time);
    }

    /**
     * Decodes a driver's answers to the points asked, a subset of {@link #requests()}, stamped with the
     * cycle's time. Scale-factor registers are always asked with the points they scale.
     */
    public ReadResult decode(List<PointRequest> asked, List<RawValue> raws, long time) {
        Map<String, RawValue> byPoint = raws.stream()
                .collect(Collectors.toMap(RawValue::point, Function.identity(), (a, b) -> a));
        List<Reading> readings = new ArrayList<>();
        List<RawValue> failures = new ArrayList<>();
        for (PointRequest request : asked) {
            if (request.point().startsWith(SCALE_FACTOR)) {
                continue;
            }
            RawValue raw = byPoint.get(request.point());
            if (raw == null) {
                failures.add(RawValue.failed(request.point(), PointStatus.BAD_FRAME, "the driver gave no answer"));
            } else if (!raw.isOk()) {
                failures.add(raw);
            } else {
                decodeOne(raw, byPoint, time, readings, failures);
            }
        }
        return new ReadResult(readings, failures);
    }

    /** The result of a cycle in which the device could not be reached: every point fails. */
    public ReadResult unreachable(String detail) {
        return unreachable(requests, detail);
    }

    /** The result of a cycle in which the device could not be reached: every point asked fails. */
    public ReadResult unreachable(List<PointRequest> asked, String detail) {
        return new ReadResult(List.of(), asked.stream().filter(r -> !r.point().startsWith(SCALE_FACTOR))
                .map(r -> RawValue.failed(r.point(), PointStatus.UNREACHABLE, detail))
                .toList());
    }

    private void decodeOne(RawValue raw, Map<String, RawValue> byPoint, long time, List<Reading> readings,
                           List<RawValue> failures) {
        Decoder decoder = decoders.get(raw.point());
        String factorAddress = decoder.spec().scaleFactor();
        Decoded decoded;
        if (factorAddress.isEmpty()) {
            decoded = decoder.decode(raw.data(), time);
        } else {
            RawValue factor = byPoint.get(SCALE_FACTOR + factorAddress);
            if (factor == null || !factor.isOk()) {
                failures.add(factor == null ? RawValue.failed(raw.point(), PointStatus.BAD_FRAME, "scale factor "
                        + factorAddress + " not read") : new RawValue(raw.point(), factor.status(), new byte[0],
                        factor.exceptionCode(), "scale factor " + factorAddress + ": " + factor.detail()));
                return;
            }
            decoded = decoder.decode(raw.data(), factor.data(), time);
        }
        if (decoded instanceof Decoded.Good good) {
            readings.add(new Reading(identity.tenant(), identity.gateway(), device, raw.point(),
                    decoder.spec().quantity(), good.value(), decoder.unit(), time, good.quality(),
                    decoder.spec().priority(), 0));
        } else if (decoded instanceof Decoded.Failure f) {
            failures.add(RawValue.failed(raw.point(), f.status(), f.detail()));
        }
    }
}
