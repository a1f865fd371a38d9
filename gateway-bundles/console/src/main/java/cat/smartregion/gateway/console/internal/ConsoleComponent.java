package cat.smartregion.gateway.console.internal;

import cat.smartregion.gateway.api.alarm.Alarms;
import cat.smartregion.gateway.api.buffer.Buffer;
import cat.smartregion.gateway.api.device.DeviceReader;
import cat.smartregion.gateway.api.device.DeviceStatus;
import cat.smartregion.gateway.api.profile.ProfileLibrary;
import cat.smartregion.gateway.api.uplink.DeliveryStatus;
import cat.smartregion.gateway.api.uplink.Uplink;
import jakarta.servlet.Servlet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Comparator;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local console: configures Felix HTTP Jetty for HTTPS with the gateway's keystore and
 * registers the console's servlet on the servlet whiteboard.
 */
@Component(service = {}, immediate = true, configurationPid = ConsoleComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = ConsoleConfig.class)
public final class ConsoleComponent implements GatewayServices {

    static final String PID = "cat.smartregion.gateway.console";
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleComponent.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Buffer buffer;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Alarms alarms;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Uplink uplink;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DeliveryStatus delivery;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<DeviceStatus> devices = List.of();

    private final ProfileLibrary profiles;
    private final DeviceReader reader;
    private final ConfigurationAdmin configAdmin;
    private final ServiceRegistration<Servlet> registration;

    @Activate
    public ConsoleComponent(BundleContext context, @Reference(name = "profiles") ProfileLibrary profiles,
                            @Reference(name = "reader") DeviceReader reader,
                            @Reference(name = "configAdmin") ConfigurationAdmin configAdmin, ConsoleConfig config)
            throws IOException {
        this.profiles = profiles;
        this.reader = reader;
        this.configAdmin = configAdmin;
        ConsoleSettings settings = ConsoleSettings.of(config);
        PasswordHash hash = PasswordHash.parse(readSecret(settings.passwordHashFile(), "the installer password's hash"));
        String keystorePassword = readSecret(settings.keystorePasswordFile(), "the keystore's password");
        if (!Files.isReadable(settings.keystore())) {
            throw new IOException("console: the keystore " + settings.keystore() + " cannot be read; run gateway init");
        }
        Clock clock = Clock.systemUTC();
        Sessions sessions = new Sessions(settings.sessionIdle(), clock, new SecureRandom());
        Login login = new Login(hash, new Lockout(settings.lockoutFailures(), settings.lockoutDuration(), clock), sessions);
        ConsoleApi api = new ConsoleApi(this, new DeviceFiles(settings.devicesDir(), configAdmin), settings.logFile());
        JettyConfiguration.https(configAdmin, settings, keystorePassword);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("osgi.http.whiteboard.servlet.pattern", "/*");
        props.put("osgi.http.whiteboard.servlet.name", "gateway-console");
        this.registration = context.registerService(Servlet.class, new ConsoleServlet(login, sessions, api), props);
        LOG.info("Console on https://{}:{}/ (devices saved in {})", settings.host(), settings.port(), settings.devicesDir());
    }

    private static String readSecret(Path file, String what) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IOException("console: " + what + " (" + file + ") cannot be read; run gateway init");
        }
        return Files.readString(file, StandardCharsets.UTF_8).trim();
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
        try {
            JettyConfiguration.off(configAdmin);
        } catch (IOException | IllegalStateException e) {
            LOG.warn("Console: could not close the HTTPS port: {}", e.getMessage());
        }
        LOG.info("Console stopped");
    }

    @Override
    public Optional<Buffer> buffer() {
        return Optional.ofNullable(buffer);
    }

    @Override
    public Optional<Alarms> alarms() {
        return Optional.ofNullable(alarms);
    }

    @Override
    public Optional<Uplink> uplink() {
        return Optional.ofNullable(uplink);
    }

    @Override
    public Optional<DeliveryStatus> delivery() {
        return Optional.ofNullable(delivery);
    }

    @Override
    public List<DeviceStatus> devices() {
        return devices.stream().sorted(Comparator.comparing(d -> d.config().id())).toList();
    }

    @Override
    public ProfileLibrary profiles() {
        return profiles;
    }

    @Override
    public DeviceReader reader() {
        return reader;
    }
}
