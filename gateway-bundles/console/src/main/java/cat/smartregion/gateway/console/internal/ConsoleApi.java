package cat.smartregion.gateway.console.internal;

import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.alarm.Alarm;
import cat.smartregion.gateway.api.buffer.BufferFigures;
import cat.smartregion.gateway.api.device.DeviceConfig;
import cat.smartregion.gateway.api.device.DeviceStatus;
import cat.smartregion.gateway.api.device.ReadResult;
import cat.smartregion.gateway.api.driver.RawValue;
import cat.smartregion.gateway.api.profile.DeviceProfile;
import cat.smartregion.gateway.api.uplink.DeliveryStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What the JSON API under {@code /api} answers, as plain maps and lists. */
final class ConsoleApi {

    private static final int LOG_LINES = 200;

    private final GatewayServices gateway;
    private final DeviceFiles files;
    private final Optional<Path> logFile;

    ConsoleApi(GatewayServices gateway, DeviceFiles files, Optional<Path> logFile) {
        this.gateway = gateway;
        this.files = files;
        this.logFile = logFile;
    }

    Map<String, Object> overview() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uplink", gateway.uplink().map(u -> uplink(u.name())).orElse(
                Map.of("name", "none", "state", "no uplink configured")));
        m.put("buffer", gateway.buffer().map(b -> figures(b.figures())).orElse(Map.of()));
        m.put("alarms", gateway.alarms().map(a -> a.active().stream().map(ConsoleApi::alarm).toList()).orElse(List.of()));
        m.put("devices", gateway.devices().size());
        return m;
    }

    /** The uplink: ok or alarm, and how delivery goes (state, since, last delivered batch, last problem) when known. */
    private Map<String, Object> uplink(String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("state", uplinkState());
        gateway.delivery().map(DeliveryStatus::snapshot).ifPresent(d -> {
            m.put("delivery", d.state().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            m.put("since", d.since());
            m.put("lastDelivered", d.lastDelivered());
            m.put("lastProblem", d.lastProblem());
        });
        return m;
    }

    private String uplinkState() {
        boolean refused = gateway.alarms().map(a -> a.active().stream().anyMatch(x -> x.key().startsWith("uplink")))
                .orElse(false);
        return refused ? "alarm" : "ok";
    }

    private static Map<String, Object> figures(BufferFigures f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("backlog", f.backlog());
        m.put("bytes", f.bytes());
        m.put("quotaBytes", f.quotaBytes());
        m.put("oldestTime", f.oldestTime());
        m.put("stored", f.stored());
        m.put("delivered", f.delivered());
        m.put("evicted", f.evictedTotal());
        m.put("deadLettered", f.deadLettered());
        m.put("lastSeq", f.lastSeq());
        m.put("writeRate", f.writeRate());
        return m;
    }

    private static Map<String, Object> alarm(Alarm a) {
        return Map.of("key", a.key(), "severity", a.severity().name(), "source", a.source(), "message", a.message(),
                "time", a.time());
    }

    List<Map<String, Object>> devices() {
        return gateway.devices().stream().map(ConsoleApi::device).toList();
    }

    private static Map<String, Object> device(DeviceStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        DeviceConfig c = s.config();
        m.put("id", c.id());
        m.put("profile", c.profile());
        m.put("endpoint", c.endpoint().toString());
        m.put("intervalMs", c.interval().toMillis());
        m.put("polled", s.polled());
        m.put("failed", s.failed());
        m.put("stored", s.stored());
        m.put("lastError", s.lastError());
        m.put("readings", s.lastReadings().stream().map(ConsoleApi::reading).toList());
        return m;
    }

    private static Map<String, Object> reading(Reading r) {
        return Map.of("point", r.point(), "quantity", r.quantity(), "value", r.value().text(), "unit", r.unit(),
                "quality", r.quality().name(), "time", r.time());
    }

    private static Map<String, Object> failure(RawValue v) {
        return Map.of("point", v.point(), "status", v.status().name(), "detail", v.detail());
    }

    List<Map<String, Object>> profiles() {
        return gateway.profiles().all().stream().map(ConsoleApi::profile).toList();
    }

    private static Map<String, Object> profile(DeviceProfile p) {
        return Map.of("id", p.id(), "manufacturer", p.manufacturer(), "model", p.model(), "protocol", p.protocol(),
                "points", p.points().size());
    }

    /** Reads the device once, as configured, without saving it. */
    Map<String, Object> testRead(DeviceConfig device) {
        ReadResult result = gateway.reader().read(device);
        return Map.of("readings", result.readings().stream().map(ConsoleApi::reading).toList(),
                "failures", result.failures().stream().map(ConsoleApi::failure).toList());
    }

    /** Saves the device; it polls at once. */
    Map<String, Object> save(DeviceConfig device) throws IOException {
        if (gateway.devices().stream().anyMatch(d -> d.config().id().equals(device.id()))) {
            throw new IllegalStateException("a device named " + device.id() + " is polled already");
        }
        files.save(device);
        return Map.of("saved", files.file(device.id()).toString());
    }

    Map<String, Object> logs() throws IOException {
        if (logFile.isEmpty()) {
            return Map.of("file", "", "lines", List.of("No log file is configured (logFile of the console's configuration)."));
        }
        Path file = logFile.get();
        if (!Files.isReadable(file)) {
            return Map.of("file", file.toString(), "lines", List.of("The log file " + file + " cannot be read."));
        }
        return Map.of("file", file.toString(), "lines", LogTail.lines(file, LOG_LINES));
    }
}
