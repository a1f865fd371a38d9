package cat.smartregion.gateway.launcher;

import cat.smartregion.gateway.api.buffer.Buffer;
import cat.smartregion.gateway.api.uplink.Uplink;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gateway run}: the gateway's main job, from its configuration file, until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs the gateway from its configuration file until it is stopped (SIGTERM or Ctrl-C).",
        footer = {"", "Example:", "  gateway run --config /etc/smartregion-gateway/gateway.yaml"})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The gateway.yaml file.")
    Path config;

    @Option(names = "--log", paramLabel = "FILE", description = "Log file (default: standard error).")
    Path log;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        GatewayFile file;
        String token;
        try {
            file = GatewayFile.read(config);
            token = file.sentiloToken(config);
        } catch (GatewayFile.ConfigException e) {
            err.println("gateway run: " + e.getMessage());
            return Main.USAGE;
        }
        Main.configureLog("info", log);
        Path bufferPath = GatewayFile.folder(config).resolve(file.buffer().path());
        Files.createDirectories(bufferPath.getParent());
        ShutdownSignal signal = ShutdownSignal.install(Duration.ofSeconds(30));
        try (GatewayRuntime runtime = GatewayRuntime.start(Main.home().resolve("bundles"), bufferPath.resolveSibling("felix-cache"))) {
            apply(runtime, file, GatewayFile.folder(config), bufferPath, token);
            // Fail fast when the buffer or the uplink cannot start: nothing would be kept or sent.
            runtime.service(Buffer.class, Duration.ofSeconds(30));
            runtime.service(Uplink.class, Duration.ofSeconds(30));
            signal.awaitStop();
        } finally {
            signal.finished();
        }
        return 0;
    }

    private static void apply(GatewayRuntime runtime, GatewayFile file, Path folder, Path bufferPath, String token)
            throws java.io.IOException {
        runtime.configure(GatewayRuntime.PID_IDENTITY, Map.of("tenant", file.tenant(), "gateway", file.gateway()));
        runtime.configure(GatewayRuntime.PID_PROFILES, Map.of("directory",
                (file.profiles() != null ? folder.resolve(file.profiles()) : Main.home().resolve("profiles")).toString()));
        Map<String, Object> buffer = new HashMap<>(Map.of("path", bufferPath.toString()));
        if (file.buffer().synchronous() != null) {
            buffer.put("synchronous", file.buffer().synchronous());
        }
        runtime.configure(GatewayRuntime.PID_BUFFER, buffer);
        if (!file.sync().isEmpty()) {
            runtime.configure(GatewayRuntime.PID_SYNC, file.sync());
        }
        runtime.configure(GatewayRuntime.PID_SENTILO, Map.of("url", file.sentilo().url(),
                "provider", file.sentilo().provider(), ".token", token,
                "alarm.alerts", file.sentilo().alarmAlerts().toArray(String[]::new)));
        for (GatewayFile.Device d : file.devices()) {
            runtime.configureFactory(GatewayRuntime.FACTORY_PID_DEVICE, d.id(), Map.of("id", d.id(),
                    "profile", d.profile(), "endpoint", d.endpoint(), "interval.ms", GatewayFile.interval(d).toMillis()));
        }
    }
}
