package cat.smartregion.gateway.core.internal.device;

import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.Value;
import cat.smartregion.gateway.api.device.GatewayIdentity;
import cat.smartregion.gateway.api.device.ReadResult;
import cat.smartregion.gateway.api.driver.PointRequest;
import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.api.driver.RawValue;
import cat.smartregion.gateway.api.profile.DeviceProfile;
import cat.smartregion.gateway.core.internal.decode.Decoded;
import cat.smartregion.gateway.core.internal.decode.Decoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What to ask a device for and how to turn the answer into readings: profile to point requests,
 * raw values to a {@link ReadResult}. Immutable; shared by the one-off reader and the pollers.
 */
public final class PollPlan {

    private final GatewayIdentity identity;
    private final String device;
    private final List<PointRequest> requests;
    private final Map<String, Decoder> decoders;

    /** @throws cat.smartregion.gateway.api.profile.ProfileException when a point's quantity or unit is unknown */
    public PollPlan(DeviceProfile profile, GatewayIdentity identity, String device) {
        this.identity = identity;
        this.device = device;
        this.requests = profile.points().stream()
                .map(p -> new PointRequest(p.name(), p.address(), p.type().registers()))
                .toList();
        this.decoders = profile.points().stream()
                .collect(Collectors.toUnmodifiableMap(p -> p.name(), Decoder::new));
    }

    public String device() {
        return device;
    }

    /** One request per point, in profile order; length in 16-bit registers. */
    public List<PointRequest> requests() {
        return requests;
    }

    /** Decodes a driver's answers to {@link #requests()}, all stamped with the cycle's time (UTC ms). */
    public ReadResult decode(List<RawValue> raws, long time) {
        Map<String, RawValue> byPoint = raws.stream()
                .collect(Collectors.toMap(RawValue::point, Function.identity(), (a, b) -> a));
        List<Reading> readings = new ArrayList<>();
        List<RawValue> failures = new ArrayList<>();
        for (PointRequest request : requests) {
            RawValue raw = byPoint.get(request.point());
            if (raw == null) {
                failures.add(RawValue.failed(request.point(), PointStatus.BAD_FRAME, "the driver gave no answer"));
            } else if (!raw.isOk()) {
                failures.add(raw);
            } else {
                decodeOne(raw, time, readings, failures);
            }
        }
        return new ReadResult(readings, failures);
    }

    /** The result of a cycle in which the device could not be reached: every point fails. */
    public ReadResult unreachable(String detail) {
        return new ReadResult(List.of(), requests.stream()
                .map(r -> RawValue.failed(r.point(), PointStatus.UNREACHABLE, detail))
                .toList());
    }

    private void decodeOne(RawValue raw, long time, List<Reading> readings, List<RawValue> failures) {
        Decoder decoder = decoders.get(raw.point());
        Decoded decoded = decoder.decode(raw.data(), time);
        if (decoded instanceof Decoded.Number n) {
            readings.add(new Reading(identity.tenant(), identity.gateway(), device, raw.point(),
                    decoder.spec().quantity(), Value.of(n.value()), decoder.unit(), time, n.quality(),
                    decoder.spec().priority(), 0));
        } else if (decoded instanceof Decoded.Failure f) {
            failures.add(RawValue.failed(raw.point(), f.status(), f.detail()));
        }
    }
}
