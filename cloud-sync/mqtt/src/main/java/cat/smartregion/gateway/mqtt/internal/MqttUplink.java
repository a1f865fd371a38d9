package cat.smartregion.gateway.mqtt.internal;

import cat.smartregion.gateway.api.alarm.Alarm;
import cat.smartregion.gateway.api.alarm.Alarms;
import cat.smartregion.gateway.api.buffer.Batch;
import cat.smartregion.gateway.api.buffer.Buffer;
import cat.smartregion.gateway.api.device.DeviceStatus;
import cat.smartregion.gateway.api.profile.ProfileLibrary;
import cat.smartregion.gateway.api.uplink.SendResult;
import cat.smartregion.gateway.api.uplink.Uplink;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.BundleContext;
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
 * Uplink to an MQTT v5 broker: each batch is published with QoS 1 as SenML messages on
 * {@code {prefix}/{tenant}/{gateway}/readings} and is delivered when every message has a successful
 * PUBACK. A refusal by the broker (credentials, certificate, ACL) raises an alarm and pauses long;
 * a lost or silent connection is retried at the sync agent's pace.
 */
@Component(service = Uplink.class, configurationPid = MqttUplink.PID, configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = MqttUplinkConfig.class)
public final class MqttUplink implements Uplink {

    /** Configuration PID. */
    public static final String PID = "cat.smartregion.gateway.mqtt";

    private static final Logger LOG = LoggerFactory.getLogger(MqttUplink.class);
    private static final String SOURCE = "uplink-mqtt";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Alarms alarms;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ProfileLibrary profiles;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Buffer buffer;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<DeviceStatus> devices = List.of();

    private final MqttSettings settings;
    private final Peers peers;
    private final Link link;
    private final Set<String> raised = ConcurrentHashMap.newKeySet();

    @Activate
    public MqttUplink(MqttUplinkConfig config, BundleContext context) {
        this.settings = MqttSettings.from(config);
        this.peers = new Injected();
        this.link = new Link(settings, peers, context.getBundle().getVersion().toString());
        LOG.info("MQTT uplink to {} ({}, gzip {}, QoS 1)", settings.broker(), settings.encoding().label(), settings.gzip());
    }

    /** An uplink outside OSGi, reporting to the given peers. */
    public MqttUplink(MqttSettings settings, Peers peers, String version) {
        this.settings = settings;
        this.peers = peers;
        this.link = new Link(settings, peers, version);
        LOG.info("MQTT uplink to {} ({}, gzip {}, QoS 1)", settings.broker(), settings.encoding().label(), settings.gzip());
    }

    @Override
    public String name() {
        return "mqtt " + settings.broker();
    }

    @Override
    public SendResult send(Batch batch) {
        if (batch.isEmpty()) {
            return new SendResult.Delivered();
        }
        Optional<Failure> failure;
        try {
            failure = link.send(batch);
        } catch (IllegalArgumentException e) {
            failure = Optional.of(Failure.transientFault("cannot publish: " + e.getMessage()));
        }
        if (failure.isEmpty()) {
            clearAlarms();
            return new SendResult.Delivered();
        }
        Failure f = failure.get();
        if (f.needsPerson()) {
            raise(f);
            return new SendResult.RetryLater(settings.refusedPause(), f.reason());
        }
        return new SendResult.RetryLater(Duration.ZERO, f.reason());
    }

    /** True while connected to the broker. */
    public boolean isConnected() {
        return link.isConnected();
    }

    /** Publishes "offline", disconnects and frees the client's threads. */
    @Deactivate
    public void close() {
        link.close();
        LOG.info("MQTT uplink to {} stopped", settings.broker());
    }

    private void raise(Failure failure) {
        peers.alarms().ifPresent(board -> {
            board.raise(new Alarm(failure.alarmKey(), Alarm.Severity.CRITICAL, SOURCE, failure.reason(),
                    System.currentTimeMillis()));
            raised.add(failure.alarmKey());
        });
    }

    private void clearAlarms() {
        if (!raised.isEmpty()) {
            peers.alarms().ifPresent(board -> raised.forEach(board::clear));
            raised.clear();
        }
    }

    /** The services DS injected into this component. */
    private final class Injected implements Peers {

        @Override
        public Optional<Alarms> alarms() {
            return Optional.ofNullable(alarms);
        }

        @Override
        public Optional<ProfileLibrary> profiles() {
            return Optional.ofNullable(profiles);
        }

        @Override
        public Optional<Buffer> buffer() {
            return Optional.ofNullable(buffer);
        }

        @Override
        public List<DeviceStatus> devices() {
            List<DeviceStatus> current = devices;
            return current == null ? List.of() : current;
        }
    }
}
