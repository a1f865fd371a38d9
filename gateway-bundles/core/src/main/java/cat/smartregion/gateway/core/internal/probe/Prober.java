package cat.smartregion.gateway.core.internal.probe;

import cat.smartregion.gateway.api.device.DeviceConfig;
import cat.smartregion.gateway.api.device.DeviceProbe;
import cat.smartregion.gateway.api.device.GatewayIdentity;
import cat.smartregion.gateway.api.driver.Driver;
import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.api.driver.RawValue;
import cat.smartregion.gateway.api.profile.DeviceProfile;
import cat.smartregion.gateway.api.profile.PointSpec;
import cat.smartregion.gateway.api.profile.ProfileLibrary;
import cat.smartregion.gateway.api.push.PushIngest;
import cat.smartregion.gateway.core.internal.decode.Installation;
import cat.smartregion.gateway.core.internal.device.DriverSet;
import cat.smartregion.gateway.core.internal.device.OneRead;
import cat.smartregion.gateway.core.internal.device.PollPlan;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Probes a device for its byte/word order and scale ({@code gateway read --probe}): reads every point
 * of its profile once through the driver, as the reader does, then ranks the hypotheses of
 * {@link Hypothesis#all()} by how plausible the decoded values look ({@link Ranking}).
 The service answers the report as JSON ({@link ProbeJson}).
 */
@Component(service = DeviceProbe.class)
public final class Prober implements DeviceProbe {

    /** How {@link PollPlan} names the request for a scale-factor register. */
    private static final String SCALE_FACTOR = "sf:";

    private final DriverSet drivers = new DriverSet();
    private final ProfileLibrary profiles;
    private final Clock clock;

    @Activate
    public Prober(@Reference(name = "profiles") ProfileLibrary profiles) {
        this(profiles, Clock.systemUTC());
    }

    /** A probe outside OSGi; add drivers with {@link #addDriver}. */
    public Prober(ProfileLibrary profiles, Clock clock) {
        this.profiles = profiles;
        this.clock = clock;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addDriver(Driver driver) {
        drivers.add(driver);
    }

    public void removeDriver(Driver driver) {
        drivers.remove(driver);
    }

    @Override
    public String rankJson(DeviceConfig device) {
        return ProbeJson.render(probe(device));
    }

    /**
     * Reads the device once and ranks the hypotheses; the baseline is the profile with the device's
     * installation parameters applied (its scale and current transformer ratio), as the poller reads it.
     */
    public ProbeReport probe(DeviceConfig device) {
        if (PushIngest.isPush(device.endpoint())) {
            throw new IllegalArgumentException("device " + device.id() + " pushes its values: there is nothing to probe");
        }
        DeviceProfile written = profiles.load(device.profile());
        DeviceProfile profile = written.withPoints(Installation.of(device.id(), device.params(), written).points());
        PollPlan plan = new PollPlan(profile, new GatewayIdentity("probe", "probe"), device.id());
        Driver driver = drivers.pick(device.endpoint());
        long time = clock.millis();
        List<RawValue> raws = OneRead.raw(driver, device.endpoint(), plan);
        return report(device, profile, raws, time);
    }

    /** Ranks what the device answered; the points that did not answer become the report's failures. */
    static ProbeReport report(DeviceConfig device, DeviceProfile profile, List<RawValue> raws, long time) {
        Map<String, RawValue> byPoint = raws.stream()
                .collect(Collectors.toMap(RawValue::point, Function.identity(), (a, b) -> a));
        List<Sample> samples = new ArrayList<>();
        List<RawValue> failures = new ArrayList<>();
        for (PointSpec point : profile.points()) {
            if (point.address().isEmpty()) {
                continue; // computed from another point, never read
            }
            RawValue raw = byPoint.getOrDefault(point.name(),
                    RawValue.failed(point.name(), PointStatus.BAD_FRAME, "the driver gave no answer"));
            if (!raw.isOk()) {
                failures.add(raw);
            } else if (point.type().numeric()) {
                sample(point, raw, byPoint).ifPresentOrElse(samples::add, () -> failures.add(RawValue.failed(
                        point.name(), PointStatus.BAD_FRAME, "scale factor " + point.scaleFactor() + " not read")));
            }
        }
        Optional<Ranking> ranking = samples.isEmpty() ? Optional.empty() : Optional.of(Ranking.of(samples, time));
        return new ProbeReport(device.id(), device.profile(), device.endpoint(), ranking, failures);
    }

    private static Optional<Sample> sample(PointSpec point, RawValue raw, Map<String, RawValue> byPoint) {
        if (point.scaleFactor().isEmpty()) {
            return Optional.of(new Sample(point, raw.data()));
        }
        RawValue factor = byPoint.get(SCALE_FACTOR + point.scaleFactor());
        return factor == null || !factor.isOk() ? Optional.empty() : Optional.of(new Sample(point, raw.data(), factor.data()));
    }
}
