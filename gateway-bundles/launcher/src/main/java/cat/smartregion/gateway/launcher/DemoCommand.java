package cat.smartregion.gateway.launcher;

import cat.smartregion.gateway.api.buffer.Buffer;
import cat.smartregion.gateway.api.buffer.BufferFigures;
import cat.smartregion.gateway.api.device.DeviceStatus;
import cat.smartregion.gateway.simulator.devices.MeterServer;
import cat.smartregion.gateway.simulator.devices.SimulatedMeter;
import cat.smartregion.gateway.simulator.platform.StandInPlatform;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gateway demo}: simulated meters on loopback, the gateway in its OSGi runtime, and a
 * stand-in Sentilo platform (or a real one), with a live table of what reaches the platform.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs simulated meters (Eastron SDM630 and SDM120 on Modbus TCP), the gateway and a "
                + "stand-in Sentilo platform on this machine, and shows what arrives at the platform.",
        footer = {"", "The last line printed is one JSON object: polled, stored, delivered, lost (stored but never "
                + "delivered), backlog, deadLettered.", "", "Examples:",
            "  gateway demo",
            "  gateway demo --duration 60s",
            "  gateway demo --platform https://sentilo.example.org --provider my-town-gw --token \"$TOKEN\""})
final class DemoCommand implements Callable<Integer> {

    private static final String PROVIDER = "demo";
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);

    @Spec
    CommandSpec spec;

    @Option(names = "--duration", converter = DurationConverter.class,
            description = "Stop by itself after this long (e.g. 60s, 5m); without it, run until Ctrl-C.")
    Duration duration;

    @Option(names = "--interval", converter = DurationConverter.class, defaultValue = "2s",
            description = "Poll interval of the simulated meters (default: ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--platform", paramLabel = "BASE-URL",
            description = "Upload to this Sentilo platform instead of the stand-in (needs --provider and --token).")
    String platformUrl;

    @Option(names = "--provider", description = "Sentilo provider id on that platform.")
    String provider;

    @Option(names = "--token", description = "The provider's token (IDENTITY_KEY) on that platform.")
    String token;

    @Option(names = "--work", paramLabel = "DIR", description = "Folder for the buffer, the log and the stand-in's data (default: a new temporary folder).")
    Path work;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if ((platformUrl == null) != (provider == null) || (platformUrl == null) != (token == null)) {
            err.println("gateway demo: --platform, --provider and --token go together");
            return Main.USAGE;
        }
        Path folder = work != null ? Files.createDirectories(work) : Files.createTempDirectory("gateway-demo-");
        Main.configureLog("info", folder.resolve("gateway.log"));
        ShutdownSignal stopper = ShutdownSignal.install(DRAIN_TIMEOUT.plusSeconds(10));
        try (MeterServer meters = MeterServer.start(InetAddress.getLoopbackAddress(), 0);
             StandInPlatform standIn = platformUrl == null ? startStandIn(folder) : null) {
            meters.add(1, SimulatedMeter.sdm630());
            meters.add(2, SimulatedMeter.sdm120());
            String base = standIn != null ? standIn.baseUrl() : platformUrl;
            String providerId = standIn != null ? PROVIDER : provider;
            String key = standIn != null ? standInToken : token;
            out.printf("Simulated meters: modbus-tcp://127.0.0.1:%d (unit 1 Eastron SDM630, unit 2 Eastron SDM120)%n", meters.port());
            out.printf("Platform: %s (provider %s)%s%n", base, providerId, standIn != null ? ", a stand-in Sentilo on this machine" : "");
            if (standIn != null) {
                out.printf("Try: curl -H 'IDENTITY_KEY: %s' '%s/data/%s/sdm630-1_phaseVoltageL1?limit=5'%n", key, base, providerId);
            }
            out.printf("Log and data: %s%n%n", folder);
            out.flush();
            Summary summary = run(meters.port(), base, providerId, key, folder, stopper, out);
            if (standIn != null) {
                summary.json.put("platformObservations", standIn.observationCount());
            }
            out.println(summary.json);
            out.flush();
            return 0;
        } finally {
            stopper.finished();
        }
    }

    private String standInToken;

    private StandInPlatform startStandIn(Path folder) throws IOException {
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        standInToken = HexFormat.of().formatHex(secret);
        StandInPlatform platform = StandInPlatform.start(folder.resolve("platform.db"), 0);
        platform.addProvider(PROVIDER, standInToken);
        return platform;
    }

    private record Summary(ObjectNode json) {
    }

    private Summary run(int meterPort, String base, String providerId, String key, Path folder, ShutdownSignal stopper,
                        PrintWriter out) throws IOException, InterruptedException {
        Instant started = Instant.now();
        try (GatewayRuntime runtime = GatewayRuntime.start(Main.home().resolve("bundles"), folder.resolve("felix-cache"))) {
            runtime.configure(GatewayRuntime.PID_IDENTITY, Map.of("tenant", "demo-municipality", "gateway", "demo-gw"));
            runtime.configure(GatewayRuntime.PID_PROFILES, Map.of("directory", Main.home().resolve("profiles").toString()));
            runtime.configure(GatewayRuntime.PID_BUFFER, Map.of("path", folder.resolve("buffer.db").toString()));
            runtime.configure(GatewayRuntime.PID_SENTILO, Map.of("url", base, "provider", providerId, ".token", key));
            List<String> devicePids = new ArrayList<>();
            devicePids.add(device(runtime, "sdm630-1", "eastron-sdm630", meterPort, 1));
            devicePids.add(device(runtime, "sdm120-2", "eastron-sdm120", meterPort, 2));
            Buffer buffer = runtime.service(Buffer.class, Duration.ofSeconds(20));
            List<DeviceStatus> devices = awaitDevices(runtime, devicePids.size());

            PlatformView view = new PlatformView(base, providerId, key);
            LiveTable table = new LiveTable(out, System.console() != null);
            Duration refresh = System.console() != null ? Duration.ofSeconds(2) : Duration.ofSeconds(10);
            Instant deadline = duration == null ? Instant.MAX : started.plus(duration);
            while (!stopper.awaitStop(until(deadline, refresh))) {
                try {
                    table.render("What the platform holds now:", view.rows(), buffer.figures().backlog(), LocalDateTime.now(ZoneOffset.UTC));
                } catch (IOException e) {
                    out.println("The platform could not be read back: " + e.getMessage());
                }
                if (!Instant.now().isBefore(deadline)) {
                    break;
                }
            }
            for (String pid : devicePids) {
                runtime.deleteConfiguration(pid);
            }
            boolean stopped = awaitStopped(devices);
            boolean drained = stopped && drain(buffer);
            BufferFigures figures = buffer.figures();
            String title = !stopped ? "The device pollers did NOT stop within " + DRAIN_TIMEOUT.toSeconds() + " s:"
                    : drained ? "Stopped polling; the backlog is delivered:"
                    : "Stopped polling; the backlog was NOT delivered within " + DRAIN_TIMEOUT.toSeconds() + " s:";
            table.render(title, view.rows(), figures.backlog(), LocalDateTime.now(ZoneOffset.UTC));
            ObjectNode json = new ObjectMapper().createObjectNode()
                    .put("polled", devices.stream().mapToLong(DeviceStatus::polled).sum())
                    .put("failed", devices.stream().mapToLong(DeviceStatus::failed).sum())
                    .put("stored", figures.stored())
                    .put("delivered", figures.delivered())
                    .put("lost", figures.stored() - figures.delivered())
                    .put("backlog", figures.backlog())
                    .put("deadLettered", figures.deadLettered())
                    .put("lastSeq", figures.lastSeq())
                    .put("seconds", Duration.between(started, Instant.now()).toSeconds());
            return new Summary(json);
        }
    }

    private String device(GatewayRuntime runtime, String id, String profile, int port, int unit) throws IOException {
        return runtime.configureFactory(GatewayRuntime.FACTORY_PID_DEVICE, id, Map.of(
                "id", id, "profile", profile,
                "endpoint", "modbus-tcp://127.0.0.1:" + port + "?unit=" + unit,
                "interval.ms", interval.toMillis()));
    }

    private static List<DeviceStatus> awaitDevices(GatewayRuntime runtime, int count) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (runtime.services(DeviceStatus.class).size() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new IOException("the device pollers did not start: " + runtime.diagnose());
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return runtime.services(DeviceStatus.class);
    }

    /** Waits until every device has ended its last cycle, so that nothing is stored after the drain. */
    private static boolean awaitStopped(List<DeviceStatus> devices) throws InterruptedException {
        Instant deadline = Instant.now().plus(DRAIN_TIMEOUT);
        while (!devices.stream().allMatch(DeviceStatus::stopped)) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return true;
    }

    private static boolean drain(Buffer buffer) throws InterruptedException {
        Instant deadline = Instant.now().plus(DRAIN_TIMEOUT);
        while (buffer.figures().backlog() > 0) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return true;
    }

    private static Duration until(Instant deadline, Duration refresh) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.compareTo(refresh) < 0 ? (left.isNegative() ? Duration.ZERO : left) : refresh;
    }
}
