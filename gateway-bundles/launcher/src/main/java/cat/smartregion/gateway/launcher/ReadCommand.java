package cat.smartregion.gateway.launcher;

import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.device.DeviceConfig;
import cat.smartregion.gateway.api.device.DeviceProbe;
import cat.smartregion.gateway.api.device.DeviceReader;
import cat.smartregion.gateway.api.device.ReadResult;
import cat.smartregion.gateway.api.driver.RawValue;
import cat.smartregion.gateway.api.profile.ProfileException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gateway read}: reads a device once and prints its normalized readings. */
@Command(name = "read", mixinStandardHelpOptions = true,
        description = "Reads a device once through its profile and prints the normalized readings.",
        footer = {"", "Examples:",
            "  gateway read --profile eastron-sdm630 --endpoint 'modbus-tcp://192.168.1.20:502?unit=1'",
            "  gateway read --profile ./my-meter.yaml --endpoint 'modbus-tcp://127.0.0.1:5020?unit=7' --json",
            "  gateway read --profile eastron-sdm630 --endpoint 'modbus-tcp://192.168.1.20:502?unit=1' --probe",
            "  gateway read --profile apg-mnu --endpoint 'modbus-rtu:///dev/ttyUSB0?unit=1' \\",
            "      --param emptyDistance=1.45 --param fullDistance=0.25",
            "", "Exit codes: 0 every point read, 1 some points did not answer,",
            "2 wrong usage, profile or endpoint, 3 the device did not answer.",
            "With --probe: 0 the profile's order and scale rank first (or tie),",
            "3 another order or scale is clearly more plausible, 1 nothing read."})
final class ReadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", required = true, paramLabel = "ID|FILE",
            description = "Profile id from the library (see profiles/) or a profile file.")
    String profile;

    @Option(names = "--endpoint", required = true, paramLabel = "URI",
            description = "Where the device answers, e.g. modbus-tcp://HOST:502?unit=1")
    URI endpoint;

    @Option(names = "--device", defaultValue = "device", description = "Device id to show (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--param", paramLabel = "KEY=VALUE", description = "A per-installation parameter the profile uses, "
            + "as in the device's params, e.g. ctRatio=40, scale=0.1, emptyDistance=1.45 (repeatable).")
    Map<String, String> params;

    @Option(names = "--json", description = "One JSON object per reading and line (with --probe: the ranking as one JSON object).")
    boolean json;

    @Option(names = "--probe", description = "Reads the raw values once and ranks the four byte/word orders "
            + "(ABCD, CDAB, BADC, DCBA) and scale corrections (x10 ... /1000) by how plausible the values look "
            + "against the profile's ranges: is the meter word-swapped?")
    boolean probe;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Main.configureLog("warn", null);
        try (GatewayRuntime runtime = GatewayRuntime.forCommand("read")) {
            runtime.configure(GatewayRuntime.PID_IDENTITY, Map.of("tenant", "unenrolled", "gateway", "local"));
            runtime.configure(GatewayRuntime.PID_PROFILES, Map.of("directory", Main.home().resolve("profiles").toString()));
            ReadResult result;
            try {
                DeviceConfig config = new DeviceConfig(device, profile, endpoint, Duration.ofSeconds(5),
                        params == null ? Map.of() : params);
                if (probe) {
                    return ProbeOutcome.report(runtime.service(DeviceProbe.class, Duration.ofSeconds(20)).rankJson(config), endpoint,
                            json, out, err);
                }
                result = runtime.service(DeviceReader.class, Duration.ofSeconds(20)).read(config);
            } catch (ProfileException | IllegalArgumentException e) {
                err.println("gateway read: " + e.getMessage());
                return Main.USAGE;
            }
            print(result, out);
            for (RawValue failure : result.failures()) {
                err.println("gateway read: " + device + " point " + failure.point() + ": " + failure.status()
                        + (failure.exceptionCode() != 0 ? " (exception " + exceptionCode(endpoint, failure.exceptionCode()) + ")" : "")
                        + " " + failure.detail());
            }
            out.flush();
            if (result.readings().isEmpty()) {
                err.println("gateway read: the device at " + endpoint + " did not answer. Check the address, "
                        + "the unit id, the cabling and that the device is powered.");
                return Main.NO_ANSWER;
            }
            return result.failures().isEmpty() ? 0 : Main.PARTIAL;
        }
    }

    private void print(ReadResult result, PrintWriter out) {
        if (json) {
            result.readings().forEach(r -> out.println(ReadingJson.line(r)));
            return;
        }
        out.printf("%-12s %-26s %-16s %14s %-5s %-8s %s%n", "DEVICE", "POINT", "QUANTITY", "VALUE", "UNIT", "QUALITY", "TIME");
        for (Reading r : result.readings()) {
            out.printf("%-12s %-26s %-16s %14s %-5s %-8s %s%n", r.device(), r.point(), r.quantity(), r.value().text(),
                    r.unit(), r.quality(), Instant.ofEpochMilli(r.time()));
        }
    }

    /** An exception code as its protocol writes it: Modbus {@code 0x0B}, CoAP {@code 4.04}. */
    static String exceptionCode(URI endpoint, int code) {
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme();
        if (scheme.startsWith("modbus")) {
            return String.format("0x%02X", code);
        }
        if (scheme.startsWith("coap")) {
            return (code >> 5) + "." + String.format("%02d", code & 0x1F);
        }
        return Integer.toString(code);
    }
}
