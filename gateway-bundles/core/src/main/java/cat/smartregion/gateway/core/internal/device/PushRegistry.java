package cat.smartregion.gateway.core.internal.device;

import cat.smartregion.gateway.api.device.DeviceConfig;
import cat.smartregion.gateway.api.push.PushIngest;
import cat.smartregion.gateway.api.push.PushRefused;
import cat.smartregion.gateway.api.push.PushRefused.Reason;
import cat.smartregion.gateway.api.push.PushedRecord;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;

/**
 * The devices that push, by scheme and identity ({@code coap-push:sensor-7?keyFile=...} is
 * {@code coap-push} and {@code sensor-7}): each {@link DevicePoller} of a pushing device joins here
 * instead of a line, and protocol adapters hand their messages over through {@link PushIngest}.
 */
@Component(service = {PushIngest.class, PushRegistry.class})
public final class PushRegistry implements PushIngest {

    private final Map<String, PushReceiver> receivers = new ConcurrentHashMap<>();

    /** @throws IllegalArgumentException when another device pushes with the same scheme and identity */
    void join(PushReceiver receiver) {
        URI endpoint = receiver.device().endpoint();
        String identity = PushIngest.identity(endpoint);
        if (identity.isEmpty()) {
            throw new IllegalArgumentException("device " + receiver.device().id() + ": endpoint " + endpoint
                    + " names no identity, e.g. " + endpoint.getScheme() + ":sensor-7");
        }
        PushReceiver other = receivers.putIfAbsent(key(endpoint.getScheme(), identity), receiver);
        if (other != null) {
            throw new IllegalArgumentException("device " + receiver.device().id() + ": device " + other.device().id()
                    + " already pushes as " + endpoint.getScheme() + ":" + identity);
        }
    }

    void leave(PushReceiver receiver) {
        URI endpoint = receiver.device().endpoint();
        receivers.remove(key(endpoint.getScheme(), PushIngest.identity(endpoint)), receiver);
    }

    @Override
    public Optional<DeviceConfig> device(String scheme, String identity) {
        return Optional.ofNullable(receivers.get(key(scheme, identity))).map(PushReceiver::device);
    }

    @Override
    public int accept(String scheme, String identity, List<PushedRecord> records) throws PushRefused {
        PushReceiver receiver = receivers.get(key(scheme, identity));
        if (receiver == null) {
            throw new PushRefused(Reason.UNKNOWN_DEVICE, "no device pushes as " + scheme + ":" + identity);
        }
        return receiver.accept(records);
    }

    private static String key(String scheme, String identity) {
        return scheme + ":" + identity;
    }
}
