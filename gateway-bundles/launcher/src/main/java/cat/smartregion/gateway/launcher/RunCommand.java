package cat.smartregion.gateway.launcher;

import cat.smartregion.gateway.api.buffer.Buffer;
import cat.smartregion.gateway.api.uplink.Uplink;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gateway run}: the gateway's main job, from its configuration file or folder, until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs the gateway until it is stopped (SIGTERM or Ctrl-C).",
            "Runs the gateway until it is stopped (SIGTERM or Ctrl-C), from a configuration folder "
                + "(gateway.yaml and devices/*.yaml, watched: a change is checked as a whole and applied while the "
                + "gateway runs, a wrong one is refused in the log and the running configuration stays in force) "
                + "or from a single gateway.yaml.",
            "With --config-dir the gateway writes its status every 5 s to status.json beside the buffer (gateway status)."},
        footer = {"", "Examples:",
            "  gateway run --config-dir /etc/smartregion-gateway",
            "  gateway run --config /etc/smartregion-gateway/gateway.yaml",
            "", "Exit codes: 0 stopped cleanly, 2 wrong configuration (file:line:column: what),", "  4 the runtime failed."})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE", description = "A single gateway.yaml file (not watched).")
    Path config;

    @Option(names = "--config-dir", paramLabel = "DIR", description = "The configuration folder (watched for changes).")
    Path configDir;

    @Option(names = "--log", paramLabel = "FILE", description = "Log file (default: standard error).")
    Path log;

    @Option(names = "--console-host", defaultValue = "0.0.0.0", paramLabel = "ADDRESS",
            description = "Address the local console listens on, with --config-dir (default: ${DEFAULT-VALUE}, the local network).")
    String consoleHost;

    @Option(names = "--console-port", defaultValue = "8443", paramLabel = "PORT",
            description = "HTTPS port of the local console (default: ${DEFAULT-VALUE}).")
    int consolePort;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if ((config == null) == (configDir == null)) {
            err.println("gateway run: give --config-dir DIR (a configuration folder) or --config FILE (a gateway.yaml)");
            return Main.USAGE;
        }
        ConfigFolder folder = configDir == null ? null : ConfigFolder.of(configDir);
        Path file = folder == null ? config : folder.gatewayFile();
        GatewayFile gateway;
        String secret;
        try {
            gateway = folder == null ? GatewayFile.read(config) : folder.load();
            secret = secret(gateway, file);
        } catch (GatewayFile.ConfigException e) {
            err.println("gateway run: " + e.getMessage());
            return Main.USAGE;
        }
        if (folder != null && log != null) {
            // The launcher logs too (configuration changes): one stream for its logger and the bundles',
            // as slf4j-simple opening the file twice would have them overwrite each other.
            System.setErr(new java.io.PrintStream(new java.io.FileOutputStream(log.toFile(), true), true,
                    java.nio.charset.StandardCharsets.UTF_8));
            Main.configureLog("info", null);
        } else {
            Main.configureLog("info", log);
        }
        Path bufferPath = GatewayFile.folder(file).resolve(gateway.buffer().path());
        Files.createDirectories(bufferPath.getParent());
        ShutdownSignal signal = ShutdownSignal.install(Duration.ofSeconds(30));
        try (GatewayRuntime runtime = GatewayRuntime.start(Main.home().resolve("bundles"), bufferPath.resolveSibling("felix-cache"))) {
            Plan plan = Plan.of(gateway, GatewayFile.folder(file), bufferPath, secret);
            plan.applyOver(Plan.EMPTY, runtime);
            // Fail fast when the buffer or the uplink cannot start: nothing would be kept or sent.
            runtime.service(Buffer.class, Duration.ofSeconds(30));
            runtime.service(Uplink.class, Duration.ofSeconds(30));
            startConsole(runtime, folder == null ? null : GatewayFile.folder(file));
            if (folder == null) {
                signal.awaitStop();
            } else {
                try (ConfigWatcher watcher = ConfigWatcher.start(folder, runtime, plan);
                     StatusWriter status = StatusWriter.start(runtime, bufferPath.resolveSibling(StatusWriter.FILE), Duration.ofSeconds(5))) {
                    signal.awaitStop();
                }
            }
        } finally {
            signal.finished();
        }
        return 0;
    }

    /**
     * The local console, when the configuration folder holds the secrets {@code gateway init} made
     * (its certificate and the installer password's hash); without them no port is opened.
     */
    private void startConsole(GatewayRuntime runtime, Path configDir) throws java.io.IOException {
        if (configDir == null || !Files.exists(configDir.resolve("secrets/console.p12"))
                || !Files.exists(configDir.resolve("secrets/console-password.hash"))) {
            return;
        }
        runtime.configure(GatewayRuntime.PID_CONSOLE, Map.of("configDir", configDir.toString(),
                "logFile", log == null ? "" : log.toAbsolutePath().toString(), "host", consoleHost, "port", consolePort));
    }

    /** The uplink's secret (Sentilo token or MQTT password), from its 0600 file. */
    static String secret(GatewayFile gateway, Path file) throws GatewayFile.ConfigException {
        return gateway.sentilo() != null ? gateway.sentiloToken(file) : gateway.mqttPassword(file);
    }
}
