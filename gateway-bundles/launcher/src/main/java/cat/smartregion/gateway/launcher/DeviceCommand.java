package cat.smartregion.gateway.launcher;

import cat.smartregion.gateway.api.driver.Driver;
import cat.smartregion.gateway.api.profile.ProfileException;
import cat.smartregion.gateway.api.profile.ProfileLibrary;
import cat.smartregion.gateway.api.push.PushIngest;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gateway device add|list|remove}: the device files of the configuration folder, one a device. */
@Command(name = "device", mixinStandardHelpOptions = true,
        description = {"Adds, lists and removes devices (devices/<id>.yaml).",
            "One file a device in the configuration folder; a running gateway applies a change within seconds."},
        footer = {"", "Examples:", "  gateway device add --profile eastron-sdm120 \\", "      --endpoint 'modbus-tcp://10.0.0.5:502?unit=1'",
            "  gateway device list", "  gateway device remove eastron-sdm120-1"},
        subcommands = {DeviceCommand.Add.class, DeviceCommand.ListDevices.class, DeviceCommand.Remove.class})
final class DeviceCommand {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Checks a device and writes devices/<id>.yaml.", "Checks the device (its profile exists in the library, a driver serves the endpoint's scheme, "
                    + "its id, interval and parameters are valid) and writes devices/<id>.yaml atomically."},
            footer = {"", "Examples:",
                "  gateway device add --profile eastron-sdm630 \\", "      --endpoint 'modbus-tcp://192.168.1.20:502?unit=1'",
                "  gateway device add --id sdm120-cuina --profile eastron-sdm120 \\",
                "      --endpoint 'modbus-rtu:///dev/ttyUSB0?unit=3&baud=9600&parity=E' \\",
                "      --interval 10s --param 'location=41.47 2.08'",
                "", "Exit codes: 0 added, 2 wrong profile, endpoint or parameter, or the id is in use",
                "  (use --replace), 4 failure."})
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--config-dir", paramLabel = "DIR", description = "Configuration folder (default: " + ConfigFolder.DEFAULT + ").")
        Path configDir;

        @Option(names = "--profile", required = true, paramLabel = "ID", description = "Profile id of the library (gateway profiles list).")
        String profile;

        @Option(names = "--endpoint", required = true, paramLabel = "URI", description = "Where the device answers, e.g. modbus-tcp://HOST:502?unit=1")
        URI endpoint;

        @Option(names = "--id", paramLabel = "ID", description = "Device id (default: the profile id and the unit, e.g. eastron-sdm630-1).")
        String id;

        @Option(names = "--interval", defaultValue = "5s", paramLabel = "DURATION", description = "Poll interval (default: ${DEFAULT-VALUE}).")
        String interval;

        @Option(names = "--param", paramLabel = "K=V", description = "Per-installation parameter, e.g. 'location=41.47 2.08' or ctRatio=40; repeatable.")
        Map<String, String> params = new LinkedHashMap<>();

        @Option(names = "--replace", description = "Replace a device of the same id.")
        boolean replace;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            ConfigFolder folder = ConfigFolder.of(configDir);
            String deviceId = id != null ? id : defaultId();
            Path file = folder.deviceFile(deviceId);
            if (!deviceId.matches("[A-Za-z0-9_-]{1,64}")) {
                err.println("gateway device add: the id '" + deviceId + "' must be 1-64 of A-Z a-z 0-9 _ -");
                return Main.USAGE;
            }
            if (Files.exists(file) && !replace) {
                err.println("gateway device add: device " + deviceId + " exists (" + file + "): choose another --id, or --replace it");
                return Main.USAGE;
            }
            GatewayFile.Device device = new GatewayFile.Device(deviceId, profile, endpoint.toString(), interval, params, null);
            String problem = check(folder, device);
            if (problem != null) {
                err.println("gateway device add: " + problem);
                return Main.USAGE;
            }
            Files.createDirectories(folder.devices());
            AtomicFiles.write(file, Yaml.text(device), AtomicFiles.CONFIG);
            spec.commandLine().getOut().println("Added device " + deviceId + ": " + file + (PushIngest.isPush(endpoint)
                    ? "\nIts readings appear when it pushes (gateway status)."
                    : "\nTest it now: gateway read --profile " + profile + " --endpoint '" + endpoint + "'" + paramArgs()));
            return 0;
        }

        private String paramArgs() {
            return params.entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .map(e -> " --param '" + e.getKey() + "=" + e.getValue() + "'").collect(java.util.stream.Collectors.joining());
        }

        private String defaultId() {
            String unit = cat.smartregion.gateway.api.device.EndpointQuery.parse(endpoint).get("unit");
            return profile.replaceAll("[^A-Za-z0-9_-]", "-") + (unit != null ? "-" + unit : "");
        }

        /** Null when the device can be written; else what is wrong and what to do. */
        private static String check(ConfigFolder folder, GatewayFile.Device device) throws Exception {
            String problem = ConfigFolder.problem(device);
            return problem != null ? problem : library(folder, device);
        }

        /** The profile in the library and a driver for the endpoint, asked of the gateway's own components. */
        private static String library(ConfigFolder folder, GatewayFile.Device device) throws Exception {
            Main.configureLog("warn", null);
            Path profiles = Main.home().resolve("profiles");
            if (Files.isRegularFile(folder.gatewayFile())) {
                GatewayFile file = folder.gatewayYaml();
                if (file.profiles() != null) {
                    profiles = folder.dir().resolve(file.profiles());
                }
            }
            try (GatewayRuntime runtime = GatewayRuntime.forCommand("device")) {
                runtime.configure(GatewayRuntime.PID_PROFILES, Map.of("directory", profiles.toString()));
                ProfileLibrary library = runtime.service(ProfileLibrary.class, Duration.ofSeconds(20));
                try {
                    library.load(device.profile());
                } catch (ProfileException e) {
                    return e.getMessage() + " (see: gateway profiles list)";
                }
                try {
                    library.checkInstallation(device.id(), device.profile(), device.params());
                } catch (ProfileException e) {
                    return e.getMessage() + " (see docs/profiles.md, Per-installation parameters)";
                }
                URI endpoint = URI.create(device.endpoint());
                if (PushIngest.isPush(endpoint)) {
                    return PushChecks.endpoint(endpoint).orElse(null);
                }
                runtime.service(Driver.class, Duration.ofSeconds(20));
                if (runtime.services(Driver.class).stream().noneMatch(d -> d.supports(endpoint))) {
                    return "no driver serves the endpoint " + endpoint + " (schemes: modbus-tcp, modbus-rtutcp, modbus-rtu, "
                            + "modbus-ascii, serial, coap, coaps, coap-push); check the scheme and its parameters (e.g. ?unit=1)";
                }
                return null;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the devices of the configuration folder.",
            footer = {"", "Example:", "  gateway device list --config-dir /etc/smartregion-gateway",
                "", "Exit codes: 0 listed (every file valid), 2 a device file is wrong (named with line and column)."})
    static final class ListDevices implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--config-dir", paramLabel = "DIR", description = "Configuration folder (default: " + ConfigFolder.DEFAULT + ").")
        Path configDir;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            ConfigFolder folder = ConfigFolder.of(configDir);
            int bad = 0;
            out.printf("%-24s %-26s %-8s %s%n", "ID", "PROFILE", "INTERVAL", "ENDPOINT");
            for (Path file : folder.deviceFiles()) {
                try {
                    GatewayFile.Device d = ConfigFolder.device(file);
                    out.printf("%-24s %-26s %-8s %s%n", d.id(), d.profile(), d.interval() == null ? "5s" : d.interval(), d.endpoint());
                } catch (GatewayFile.ConfigException e) {
                    spec.commandLine().getErr().println("gateway device list: " + e.getMessage());
                    bad++;
                }
            }
            return bad == 0 ? 0 : Main.USAGE;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Removes a device (its file devices/<id>.yaml).",
            footer = {"", "Example:", "  gateway device remove sdm120-cuina", "", "Exit codes: 0 removed, 2 no such device."})
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--config-dir", paramLabel = "DIR", description = "Configuration folder (default: " + ConfigFolder.DEFAULT + ").")
        Path configDir;

        @Parameters(index = "0", paramLabel = "ID", description = "The device's id (gateway device list).")
        String id;

        @Override
        public Integer call() throws Exception {
            ConfigFolder folder = ConfigFolder.of(configDir);
            Path file = folder.deviceFile(id);
            if (!id.matches("[A-Za-z0-9_-]{1,64}") || !Files.isRegularFile(file)) {
                spec.commandLine().getErr().println("gateway device remove: no device " + id + " in " + folder.devices()
                        + " (see: gateway device list)");
                return Main.USAGE;
            }
            Files.delete(file);
            spec.commandLine().getOut().println("Removed device " + id + ".");
            return 0;
        }
    }
}
