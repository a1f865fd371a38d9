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
        String secret;
        try {
            file = GatewayFile.read(config);
            secret = file.sentilo() != null ? file.sentiloToken(config) : file.mqttPassword(config);
        } catch (GatewayFile.ConfigException e) {
            err.println("gateway run: " + e.getMessage());
            return Main.USAGE;
        }
        Main.configureLog("info", log);
        Path bufferPath = GatewayFile.folder(config).resolve(file.buffer().path());
        Files.createDirectories(bufferPath.getParent());
        ShutdownSignal signal = ShutdownSignal.install(Duration.ofSeconds(30));
        try (GatewayRuntime runtime = GatewayRuntime.start(Main.home().resolve("bundles"), bufferPath.resolveSibling("felix-cache"))) {
            apply(runtime, file, GatewayFile.folder(config), bufferPath, secret);
            // Fail fast when the buffer or the uplink cannot start: nothing would be kept or sent.
            runtime.service(Buffer.class, Duration.ofSeconds(30));
            runtime.service(Uplink.class, Duration.ofSeconds(30));
            signal.awaitStop();
        } finally {
            signal.finished();
        }
        return 0;
    }

    /** The MQTT uplink's configuration: paths read from the file's folder, the password private. */
    private static Map<String, Object> mqtt(GatewayFile file, Path folder, String password) {
        GatewayFile.Mqtt mqtt = file.mqtt();
        Map<String, Object> props = new HashMap<>(mqtt.options());
        props.put("broker", mqtt.broker());
        props.put("tenant", file.tenant());
        props.put("gateway", file.gateway());
        putPath(props, "ca.file", folder, mqtt.caFile());
        putPath(props, "client.certificate", folder, mqtt.clientCertificate());
        putPath(props, "client.key", folder, mqtt.clientKey());
        if (mqtt.username() != null) {
            props.put("username", mqtt.username());
            props.put(".password", password);
        }
        return props;
    }

    private static void putPath(Map<String, Object> props, String key, Path folder, String path) {
        if (path != null) {
            props.put(key, folder.resolve(path).toString());
        }
    }

    private static void apply(GatewayRuntime runtime, GatewayFile file, Path folder, Path bufferPath, String secret)
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
        if (file.sentilo() != null) {
            runtime.configure(GatewayRuntime.PID_SENTILO, Map.of("url", file.sentilo().url(),
                    "provider", file.sentilo().provider(), ".token", secret,
                    "alarm.alerts", file.sentilo().alarmAlerts().toArray(String[]::new)));
        } else {
            runtime.configure(GatewayRuntime.PID_MQTT, mqtt(file, folder, secret));
        }
        for (GatewayFile.Device d : file.devices()) {
            runtime.configureFactory(GatewayRuntime.FACTORY_PID_DEVICE, d.id(), d.configuration());
        }
    }
}
