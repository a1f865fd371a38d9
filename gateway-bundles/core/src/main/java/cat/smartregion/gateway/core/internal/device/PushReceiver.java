package cat.smartregion.gateway.core.internal.device;

import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.buffer.Buffer;
import cat.smartregion.gateway.api.buffer.BufferException;
import cat.smartregion.gateway.api.device.DeviceConfig;
import cat.smartregion.gateway.api.device.GatewayIdentity;
import cat.smartregion.gateway.api.device.ReadResult;
import cat.smartregion.gateway.api.driver.PointRequest;
import cat.smartregion.gateway.api.driver.RawValue;
import cat.smartregion.gateway.api.profile.DeviceProfile;
import cat.smartregion.gateway.api.profile.PointSpec;
import cat.smartregion.gateway.api.profile.ProfileException;
import cat.smartregion.gateway.api.profile.ProfileLibrary;
import cat.smartregion.gateway.api.push.PushRefused;
import cat.smartregion.gateway.api.push.PushRefused.Reason;
import cat.smartregion.gateway.api.push.PushedRecord;
import cat.smartregion.gateway.api.push.SenmlAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One device that pushes: turns the records of one message into readings with the device's
 * profile, all or none, and stores them in one buffer append. A record is a profile point's when
 * its name or full name is the point's address (up to {@code ;u=UNIT}, which its unit must then
 * match); with {@code records: any} ({@code generic-senml}) every other numeric record becomes a
 * reading of its own ({@link GenericRecords}), and one whose unit says no quantity is left out and
 * said; otherwise other records are left out.
 * Thread-safe: messages of one device are handled one at a time.
 */
final class PushReceiver {

    private static final Logger LOG = LoggerFactory.getLogger(DevicePoller.class);

    private final DeviceConfig device;
    private final GatewayIdentity identity;
    private final ProfileLibrary profiles;
    private final Buffer buffer;
    private final PollFigures figures = new PollFigures();
    private final StateLog log;
    private final Clock clock;
    private final Map<String, Long> newest = new HashMap<>();
    private boolean closed;

    PushReceiver(DeviceConfig device, GatewayIdentity identity, ProfileLibrary profiles, Buffer buffer, Clock clock) {
        this.device = device;
        this.identity = identity;
        this.profiles = profiles;
        this.buffer = buffer;
        this.clock = clock;
        this.log = new StateLog(device.id());
    }

    DeviceConfig device() {
        return device;
    }

    PollFigures figures() {
        return figures;
    }

    /** Refuses every later message; returns once the message being stored, if any, is. */
    synchronized void close() {
        closed = true;
    }

    /** Decodes and stores the records; the number of readings stored. */
    synchronized int accept(List<PushedRecord> records) throws PushRefused {
        if (closed) {
            // Stopped for a configuration change (or removed): the sensor sends again, to the device's new receiver.
            throw new PushRefused(Reason.UNAVAILABLE, "device " + device.id() + " is restarting or removed; send again later");
        }
        try {
            List<String> untaken = new ArrayList<>();
            List<Reading> decoded = decode(records, untaken);
            List<Reading> readings = decoded.stream().filter(r -> !Long.valueOf(r.time()).equals(newest.get(r.point()))).toList();
            figures.polled(readings.size());
            if (!readings.isEmpty()) {
                store(readings);
            }
            readings.forEach(r -> newest.merge(r.point(), r.time(), Math::max));
            figures.latest(readings);
            log.cleared("push");
            log.cleared("buffer");
            if (untaken.isEmpty()) {
                log.cleared("records");
            } else {
                String leftOut = untaken.get(0) + (untaken.size() > 1 ? " (and " + (untaken.size() - 1) + " more)" : "")
                        + "; left out, the message's other records stored";
                figures.lastError(leftOut);
                log.problem("records", leftOut);
            }
            if (readings.size() < decoded.size()) {
                LOG.debug("Device {}: {} readings repeat the newest stored of their point (a message sent again?), left out",
                        device.id(), decoded.size() - readings.size());
            }
            return readings.size();
        } catch (PushRefused e) {
            figures.failed(1);
            figures.lastError(device.id() + ": " + e.getMessage());
            log.problem(e.reason() == Reason.UNAVAILABLE ? "buffer" : "push", e.getMessage());
            throw e;
        }
    }

    private List<Reading> decode(List<PushedRecord> records, List<String> untaken) throws PushRefused {
        DeviceProfile profile = profile();
        Map<String, PointSpec> byAddress = new LinkedHashMap<>();
        profile.points().forEach(p -> byAddress.put(SenmlAddress.parse(p.address()).name(), p));
        Map<String, PointSpec> points = new LinkedHashMap<>();
        profile.points().forEach(p -> points.put(p.name(), p));
        Map<Long, Map<String, RawValue>> byTime = new TreeMap<>();
        Map<String, String> sources = new HashMap<>();
        GenericRecords generic = new GenericRecords(device.id(), records);
        for (PushedRecord record : records) {
            checkTime(record);
            PointSpec point = byAddress.getOrDefault(record.fullName(), byAddress.get(record.name()));
            if (point != null) {
                checkUnit(point, record);
            } else if (profile.anyRecords()) {
                point = generic(generic, record, untaken).orElse(null);
            }
            if (point != null) {
                checkSame(points.putIfAbsent(point.name(), point), point, profile, record);
                String other = sources.put(point.name() + "@" + record.time(), record.fullName());
                if (other != null && !other.equals(record.fullName())) {
                    throw refused(record, "and record '" + other + "' both give point " + point.name() + " at the same time");
                }
                byTime.computeIfAbsent(record.time(), t -> new LinkedHashMap<>())
                        .put(point.name(), RawValue.ok(point.name(), record.value().getBytes(StandardCharsets.UTF_8)));
            }
        }
        return readings(profile.withPoints(List.copyOf(points.values())), byTime);
    }

    /** A record becomes the point it names, or one of its own: never another's, nor one point in two units. */
    private void checkSame(PointSpec known, PointSpec point, DeviceProfile profile, PushedRecord record) throws PushRefused {
        if (known == null || known == point) {
            return;
        }
        if (profile.points().contains(known)) {
            throw refused(record, "would be a reading named " + point.name() + ", the name of a point of profile "
                    + device.profile());
        }
        if (!known.unit().equals(point.unit())) {
            throw refused(record, "is in '" + point.unit() + "', an earlier record of the name in '" + known.unit() + "'");
        }
    }

    /** A time more than a day ahead of the gateway's clock is a mistake, most often milliseconds sent as seconds. */
    private void checkTime(PushedRecord record) throws PushRefused {
        if (record.time() > clock.millis() + AnyRecords.MAX_AHEAD_MS) {
            throw refused(record, "is dated " + Instant.ofEpochMilli(record.time()) + ", more than a day ahead of the "
                    + "gateway's clock (SenML times are in seconds: milliseconds sent as seconds?)");
        }
    }

    private PushRefused refused(PushedRecord record, String why) {
        return new PushRefused(Reason.BAD_CONTENT, "device " + device.id() + " record '" + record.fullName() + "' " + why);
    }

    /** The readings of each time's records, the last record of a name winning (SenML's rule). */
    private List<Reading> readings(DeviceProfile profile, Map<Long, Map<String, RawValue>> byTime) throws PushRefused {
        PollPlan plan;
        try {
            plan = new PollPlan(profile, identity, device);
        } catch (ProfileException e) {
            throw new PushRefused(Reason.UNAVAILABLE, "device " + device.id() + ": " + e.getMessage());
        }
        List<Reading> readings = new ArrayList<>();
        for (Map.Entry<Long, Map<String, RawValue>> group : byTime.entrySet()) {
            List<PointRequest> asked = plan.requests().stream().filter(r -> group.getValue().containsKey(r.point())).toList();
            ReadResult result = plan.decode(asked, List.copyOf(group.getValue().values()), group.getKey());
            if (!result.failures().isEmpty()) {
                RawValue failure = result.failures().get(0);
                throw new PushRefused(Reason.BAD_CONTENT, "device " + device.id() + " record " + failure.point() + ": "
                        + failure.detail());
            }
            readings.addAll(result.readings());
        }
        log.result(new ReadResult(readings, List.of()));
        return readings;
    }

    private void store(List<Reading> readings) throws PushRefused {
        try {
            figures.stored(buffer.append(readings).size());
        } catch (BufferException e) {
            throw new PushRefused(Reason.UNAVAILABLE, "device " + device.id() + ": the buffer cannot store now: "
                    + e.getMessage());
        }
    }

    private static Optional<PointSpec> generic(GenericRecords generic, PushedRecord record, List<String> untaken)
            throws PushRefused {
        try {
            return generic.point(record);
        } catch (GenericRecords.Untaken e) {
            untaken.add(e.getMessage());
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            throw new PushRefused(Reason.BAD_CONTENT, e.getMessage());
        }
    }

    /**
     * Says once, when the device joins, what would refuse all its messages: a profile that does not
     * load or is not for SenML ({@code protocol: coap}), or installation parameters it does not take.
     */
    void check() {
        try {
            new PollPlan(profile(), identity, device);
        } catch (PushRefused | ProfileException e) {
            figures.lastError(device.id() + ": " + e.getMessage());
            log.problem("profile", e.getMessage());
        }
    }

    private DeviceProfile profile() throws PushRefused {
        DeviceProfile profile;
        try {
            profile = profiles.load(device.profile());
        } catch (ProfileException e) {
            throw new PushRefused(Reason.UNAVAILABLE, "device " + device.id() + ": profile " + device.profile() + ": "
                    + e.getMessage());
        }
        if (!profile.protocol().equals("coap")) {
            throw new PushRefused(Reason.UNAVAILABLE, "device " + device.id() + ": profile " + profile.id() + " is for protocol "
                    + profile.protocol() + "; a device that pushes SenML needs a CoAP profile, e.g. generic-senml");
        }
        return profile;
    }

    private void checkUnit(PointSpec point, PushedRecord record) throws PushRefused {
        String unit = SenmlAddress.parse(point.address()).unit();
        if (!unit.isEmpty() && !record.unit().isEmpty() && !unit.equals(record.unit())) {
            throw new PushRefused(Reason.BAD_CONTENT, "device " + device.id() + " record " + record.fullName()
                    + " is in '" + record.unit() + "', point " + point.name() + " expects '" + unit + "'");
        }
    }
}
