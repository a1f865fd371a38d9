package cat.smartregion.gateway.core.internal.device;

import cat.smartregion.gateway.api.device.DeviceConfig;
import cat.smartregion.gateway.api.device.DeviceReader;
import cat.smartregion.gateway.api.device.GatewayIdentity;
import cat.smartregion.gateway.api.device.ReadResult;
import cat.smartregion.gateway.api.driver.Driver;
import cat.smartregion.gateway.api.profile.ProfileLibrary;
import cat.smartregion.gateway.api.push.PushIngest;
import java.time.Clock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a device once: connect, read every point of its profile, decode, close. */
@Component(service = DeviceReader.class, configurationPid = IdentityConfig.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = IdentityConfig.class)
public final class DeviceReaderImpl implements DeviceReader {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceReaderImpl.class);

    private final DriverSet drivers = new DriverSet();
    private final ProfileLibrary profiles;
    private final GatewayIdentity identity;
    private final Clock clock;

    @Activate
    public DeviceReaderImpl(@Reference(name = "profiles") ProfileLibrary profiles, IdentityConfig config) {
        this(profiles, new GatewayIdentity(config.tenant(), config.gateway()), Clock.systemUTC());
    }

    /** A reader outside OSGi; add drivers with {@link #addDriver}. */
    public DeviceReaderImpl(ProfileLibrary profiles, GatewayIdentity identity, Clock clock) {
        this.profiles = profiles;
        this.identity = identity;
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
    public ReadResult read(DeviceConfig device) {
        if (PushIngest.isPush(device.endpoint())) {
            throw new IllegalArgumentException("device " + device.id() + " pushes its values (" + device.endpoint().getScheme()
                    + "): it cannot be read on demand; its readings appear when it sends them (gateway status)");
        }
        PollPlan plan = new PollPlan(profiles.load(device.profile()), identity, device);
        Driver driver = drivers.pick(device.endpoint());
        long time = clock.millis();
        ReadResult result = plan.decode(OneRead.raw(driver, device.endpoint(), plan), time);
        LOG.trace("Read {}: {} readings, {} failures", device.id(), result.readings().size(), result.failures().size());
        return result;
    }
}
