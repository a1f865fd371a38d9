package cat.smartregion.gateway.launcher;

import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.alarm.Alarm;
import cat.smartregion.gateway.api.alarm.Alarms;
import cat.smartregion.gateway.api.buffer.Buffer;
import cat.smartregion.gateway.api.buffer.BufferFigures;
import cat.smartregion.gateway.api.device.DeviceStatus;
import cat.smartregion.gateway.api.uplink.DeliveryStatus;
import cat.smartregion.gateway.api.uplink.Uplink;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what the running gateway says about itself to {@code status.json} in its state folder,
 * every few seconds, atomically, mode 0640: devices (newest readings, their age, errors),
 * the buffer's backlog, the uplink and the active alarms. {@code gateway status} reads it.
 */
final class StatusWriter implements AutoCloseable {

    static final String FILE = "status.json";
    private static final Logger LOG = LoggerFactory.getLogger(StatusWriter.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final GatewayRuntime runtime;
    private final Path file;
    private final ScheduledExecutorService timer;
    private boolean failing;

    private StatusWriter(GatewayRuntime runtime, Path file) {
        this.runtime = runtime;
        this.file = file;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gateway-status");
            t.setDaemon(true);
            return t;
        });
    }

    static StatusWriter start(GatewayRuntime runtime, Path file, Duration period) {
        StatusWriter writer = new StatusWriter(runtime, file);
        writer.timer.scheduleWithFixedDelay(writer::write, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return writer;
    }

    private void write() {
        try {
            AtomicFiles.writeVolatile(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(snapshot()),
                    PosixFilePermissions.fromString("rw-r-----"));
            failing = false;
        } catch (IOException | RuntimeException e) {
            if (!failing) {
                LOG.warn("Cannot write the status file {}: {}", file, e.toString());
            }
            failing = true;
        }
    }

    ObjectNode snapshot() {
        long now = System.currentTimeMillis();
        ObjectNode root = JSON.createObjectNode();
        root.put("written", Instant.ofEpochMilli(now).toString());
        root.put("writtenMillis", now);
        ArrayNode devices = root.putArray("devices");
        runtime.services(DeviceStatus.class).stream().sorted(Comparator.comparing(d -> d.config().id()))
                .forEach(d -> device(devices.addObject(), d, now));
        ObjectNode uplink = root.putObject("uplink");
        uplink.put("name", runtime.services(Uplink.class).stream().map(Uplink::name).findFirst().orElse("not running"));
        runtime.services(DeliveryStatus.class).stream().findFirst().map(DeliveryStatus::snapshot).ifPresent(d -> {
            uplink.put("delivery", d.state().name());
            uplink.put("sinceSeconds", Math.max(0, (now - d.since()) / 1000));
            uplink.put("lastDeliveredSecondsAgo", d.lastDelivered() == 0 ? -1 : Math.max(0, (now - d.lastDelivered()) / 1000));
            uplink.put("lastProblem", d.lastProblem());
        });
        runtime.services(Buffer.class).stream().findFirst().ifPresent(b -> buffer(root.putObject("buffer"), uplink, b.figures(), now));
        ArrayNode alarms = root.putArray("alarms");
        runtime.services(Alarms.class).stream().findFirst().ifPresent(a -> a.active().forEach(alarm -> alarm(alarms.addObject(), alarm)));
        return root;
    }

    private static void device(ObjectNode node, DeviceStatus d, long now) {
        node.put("id", d.config().id());
        node.put("profile", d.config().profile());
        node.put("endpoint", d.config().endpoint().toString());
        node.put("polled", d.polled());
        node.put("failed", d.failed());
        node.put("stored", d.stored());
        node.put("lastError", d.lastError());
        ArrayNode readings = node.putArray("readings");
        for (Reading r : d.lastReadings()) {
            ObjectNode o = readings.addObject();
            o.put("point", r.point());
            o.put("value", r.value().text());
            o.put("unit", r.unit());
            o.put("quality", r.quality().toString());
            o.put("time", Instant.ofEpochMilli(r.time()).toString());
            o.put("ageSeconds", Math.max(0, (now - r.time()) / 1000));
        }
    }

    private static void buffer(ObjectNode node, ObjectNode uplink, BufferFigures f, long now) {
        node.put("backlog", f.backlog());
        node.put("bytes", f.bytes());
        node.put("quotaBytes", f.quotaBytes());
        node.put("stored", f.stored());
        node.put("evicted", f.evictedTotal());
        node.put("deadLettered", f.deadLettered());
        uplink.put("delivered", f.delivered());
        uplink.put("oldestUnsentAgeSeconds", f.backlog() == 0 || f.oldestTime() <= 0 ? 0 : Math.max(0, (now - f.oldestTime()) / 1000));
    }

    private static void alarm(ObjectNode node, Alarm a) {
        node.put("key", a.key());
        node.put("severity", a.severity().toString());
        node.put("source", a.source());
        node.put("message", a.message());
        node.put("since", Instant.ofEpochMilli(a.time()).toString());
    }

    @Override
    public void close() throws InterruptedException {
        timer.shutdownNow();
        timer.awaitTermination(10, TimeUnit.SECONDS);
    }
}
