package cat.smartregion.gateway.core.internal.device;

import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.device.DeviceConfig;
import cat.smartregion.gateway.api.device.GatewayIdentity;
import cat.smartregion.gateway.api.device.ReadResult;
import cat.smartregion.gateway.api.driver.PointRequest;
import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.api.driver.RawValue;
import cat.smartregion.gateway.api.profile.DeviceProfile;
import cat.smartregion.gateway.api.profile.PointSpec;
import cat.smartregion.gateway.api.profile.ProfileException;
import cat.smartregion.gateway.core.internal.decode.Decoded;
import cat.smartregion.gateway.core.internal.decode.Decoder;
import cat.smartregion.gateway.core.internal.decode.DerivedPoint;
import cat.smartregion.gateway.core.internal.decode.Installation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What to ask a device for and how to turn the answer into readings: profile to point requests,
 * raw values to a {@link ReadResult}, with the installation's parameters applied ({@link Installation}).
 * A point scaled by a scale-factor register brings a request for that register along (named
 * {@code sf:<address>}, shared by the points it scales, never a reading itself), so the driver reads
 * value and factor in the same cycle, usually the same request. A derived point is never asked for: it is
 * computed from its source's value whenever the source is read, and fails when the source fails. A
 * profile with {@code records: any} brings one request for every record besides its points ({@link AnyRecords}).
 * Immutable; shared by the one-off reader and the pollers.
 */
public final class PollPlan {

    private static final String SCALE_FACTOR = "sf:";

    private final GatewayIdentity identity;
    private final String device;
    private final List<PointRequest> requests;
    private final Map<String, Decoder> decoders;
    private final List<DerivedPoint> derived;
    private final Map<String, String> options;
    private final Optional<AnyRecords> anyRecords;

    /**
     * @throws cat.smartregion.gateway.api.profile.ProfileException when a point's quantity or unit is unknown,
     *         or a device parameter is unknown, malformed or missing (naming the device and the parameter)
     */
    public PollPlan(DeviceProfile profile, GatewayIdentity identity, DeviceConfig device) {
        this(profile, identity, device.id(), device.params());
    }

    /** A plan without per-installation parameters. */
    public PollPlan(DeviceProfile profile, GatewayIdentity identity, String device) {
        this(profile, identity, device, Map.of());
    }

    private PollPlan(DeviceProfile profile, GatewayIdentity identity, String device, Map<String, String> params) {
        this.identity = identity;
        this.device = device;
        Installation installation = Installation.of(device, params, profile);
        Map<String, PointRequest> all = new LinkedHashMap<>();
        for (PointSpec p : installation.points()) {
            all.put(p.name(), new PointRequest(p.name(), p.address(), p.length()));
            if (!p.scaleFactor().isEmpty()) {
                all.putIfAbsent(SCALE_FACTOR + p.scaleFactor(), new PointRequest(SCALE_FACTOR + p.scaleFactor(), p.scaleFactor(), 1));
            }
        }
        this.anyRecords = profile.anyRecords() ? Optional.of(new AnyRecords(installation.points())) : Optional.empty();
        anyRecords.ifPresent(a -> all.put(AnyRecords.POINT, AnyRecords.request()));
        this.requests = List.copyOf(all.values());
        Map<String, String> driverOptions = new LinkedHashMap<>(profile.options());
        driverOptions.remove(DeviceProfile.RECORDS);
        this.options = Map.copyOf(driverOptions);
        this.decoders = installation.points().stream()
                .collect(Collectors.toUnmodifiableMap(PointSpec::name, Decoder::new));
        this.derived = installation.derived();
    }

    public String device() {
        return device;
    }

    /** The profile's protocol options, for the driver's {@code connect} ({@code records} is the core's). */
    public Map<String, String> options() {
        return options;
    }

    /** One request per point read, in profile order, and one per scale-factor register; length in 16-bit registers. */
    public List<PointRequest> requests() {
        return requests;
    }

    /** Whether the profile has the point, read or derived. */
    public boolean hasPoint(String point) {
        return decoders.containsKey(point) || derived.stream().anyMatch(d -> d.spec().name().equals(point));
    }

    /** Decodes a driver's answers to {@link #requests()}, all stamped with the cycle's time (UTC ms). */
    public ReadResult decode(List<RawValue> raws, long time) {
        return decode(requests, raws, time);
    }

    /**
     * Decodes a driver's answers to the points asked, a subset of {@link #requests()}, stamped with the
     * cycle's time, and computes the derived points of the sources asked. Scale-factor registers are
     * always asked with the points they scale.
     */
    public ReadResult decode(List<PointRequest> asked, List<RawValue> raws, long time) {
        Map<String, RawValue> byPoint = raws.stream()
                .collect(Collectors.toMap(RawValue::point, Function.identity(), (a, b) -> a));
        List<Reading> readings = new ArrayList<>();
        List<RawValue> failures = new ArrayList<>();
        Map<String, Decoded> outcomes = new HashMap<>();
        for (PointRequest request : asked) {
            if (request.point().startsWith(SCALE_FACTOR)) {
                continue;
            }
            RawValue raw = byPoint.getOrDefault(request.point(),
                    RawValue.failed(request.point(), PointStatus.BAD_FRAME, "the driver gave no answer"));
            if (request.point().equals(AnyRecords.POINT) && anyRecords.isPresent()) {
                ReadResult records = raw.isOk() ? anyRecords.get().decode(raw, identity, device, time)
                        : new ReadResult(List.of(), List.of(raw));
                readings.addAll(records.readings());
                failures.addAll(records.failures());
                continue;
            }
            Optional<RawValue> failed = raw.isOk() ? factorFailure(raw, byPoint) : Optional.of(raw);
            Decoded decoded = failed.<Decoded>map(f -> new Decoded.Failure(f.status(), f.detail()))
                    .orElseGet(() -> decodeOne(raw, byPoint, time));
            outcomes.put(request.point(), decoded);
            failed.ifPresentOrElse(failures::add, () -> add(decoders.get(request.point()).spec(),
                    decoders.get(request.point()).unit(), decoded, time, readings, failures));
        }
        for (DerivedPoint d : derived) {
            Decoded source = outcomes.get(d.source());
            if (source != null) {
                Decoded decoded = source instanceof Decoded.Number n ? d.derive(n, time) : new Decoded.Failure(
                        source instanceof Decoded.Failure f ? f.status() : PointStatus.BAD_FRAME,
                        "source point " + d.source() + ": " + (source instanceof Decoded.Failure f ? f.detail() : "not a number"));
                add(d.spec(), d.unit(), decoded, time, readings, failures);
            }
        }
        return new ReadResult(readings, failures);
    }

    /** The result of a cycle in which the device could not be reached: every point fails. */
    public ReadResult unreachable(String detail) {
        return unreachable(requests, detail);
    }

    /** The result of a cycle in which the device could not be reached: every point asked, and those derived from them, fail. */
    public ReadResult unreachable(List<PointRequest> asked, String detail) {
        Set<String> names = asked.stream().map(PointRequest::point).collect(Collectors.toSet());
        List<RawValue> failures = new ArrayList<>(asked.stream().filter(r -> !r.point().startsWith(SCALE_FACTOR))
                .map(r -> RawValue.failed(r.point(), PointStatus.UNREACHABLE, detail))
                .toList());
        derived.stream().filter(d -> names.contains(d.source()))
                .forEach(d -> failures.add(RawValue.failed(d.spec().name(), PointStatus.UNREACHABLE, detail)));
        return new ReadResult(List.of(), failures);
    }

    private void add(PointSpec spec, String unit, Decoded decoded, long time, List<Reading> readings,
                     List<RawValue> failures) {
        if (decoded instanceof Decoded.Good good) {
            readings.add(new Reading(identity.tenant(), identity.gateway(), device, spec.name(), spec.quantity(),
                    good.value(), unit, time, good.quality(), spec.priority(), 0));
        } else if (decoded instanceof Decoded.Failure f) {
            failures.add(RawValue.failed(spec.name(), f.status(), f.detail()));
        }
    }

    /** The failure of a point whose scale-factor register was not read, with the register's status and exception code. */
    private Optional<RawValue> factorFailure(RawValue raw, Map<String, RawValue> byPoint) {
        String factorAddress = decoders.get(raw.point()).spec().scaleFactor();
        if (factorAddress.isEmpty()) {
            return Optional.empty();
        }
        RawValue factor = byPoint.get(SCALE_FACTOR + factorAddress);
        if (factor == null) {
            return Optional.of(RawValue.failed(raw.point(), PointStatus.BAD_FRAME, "scale factor " + factorAddress + " not read"));
        }
        return factor.isOk() ? Optional.empty() : Optional.of(new RawValue(raw.point(), factor.status(), new byte[0],
                factor.exceptionCode(), "scale factor " + factorAddress + ": " + factor.detail()));
    }

    private Decoded decodeOne(RawValue raw, Map<String, RawValue> byPoint, long time) {
        Decoder decoder = decoders.get(raw.point());
        String factorAddress = decoder.spec().scaleFactor();
        return factorAddress.isEmpty() ? decoder.decode(raw.data(), time)
                : decoder.decode(raw.data(), byPoint.get(SCALE_FACTOR + factorAddress).data(), time);
    }
}
