package cat.smartregion.gateway.driver.coap.internal;

import cat.smartregion.gateway.api.device.DeviceConfig;
import cat.smartregion.gateway.api.push.PushIngest;
import cat.smartregion.gateway.api.push.PushRefused;
import cat.smartregion.gateway.api.push.PushedRecord;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The core's intake as the tests need it: devices added and removed at will, every accepted message kept. */
final class RecordingIngest implements PushIngest {

    /** One accepted message. */
    record Accepted(String identity, List<PushedRecord> records) {
    }

    private final Map<String, DeviceConfig> devices = new ConcurrentHashMap<>();
    private final BlockingQueue<Accepted> accepted = new LinkedBlockingQueue<>();
    private volatile Optional<PushRefused.Reason> refusal = Optional.empty();

    void add(String identity, Path keyFile) {
        devices.put(identity, new DeviceConfig("dev-" + identity, "generic-senml",
                URI.create("coap-push:" + identity + "?keyFile=" + keyFile), Duration.ofSeconds(60)));
    }

    void remove(String identity) {
        devices.remove(identity);
    }

    /** From now on every message is refused for this reason (empty: accepted again). */
    void refuse(Optional<PushRefused.Reason> reason) {
        refusal = reason;
    }

    /** The next accepted message, waiting up to 20 s. */
    Accepted next() throws InterruptedException {
        Accepted next = accepted.poll(20, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("nothing accepted within 20 s");
        }
        return next;
    }

    boolean nothingAccepted() {
        return accepted.isEmpty();
    }

    @Override
    public Optional<DeviceConfig> device(String scheme, String identity) {
        return "coap-push".equals(scheme) ? Optional.ofNullable(devices.get(identity)) : Optional.empty();
    }

    @Override
    public int accept(String scheme, String identity, List<PushedRecord> records) throws PushRefused {
        if (device(scheme, identity).isEmpty()) {
            throw new PushRefused(PushRefused.Reason.UNKNOWN_DEVICE, "no device pushes as " + identity);
        }
        Optional<PushRefused.Reason> reason = refusal;
        if (reason.isPresent()) {
            throw new PushRefused(reason.get(), "refused by the test: " + reason.get());
        }
        accepted.add(new Accepted(identity, List.copyOf(records)));
        return records.size();
    }
}
