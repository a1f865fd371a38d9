package cat.smartregion.gateway.launcher;

import cat.smartregion.gateway.api.device.EndpointQuery;
import cat.smartregion.gateway.api.driver.Connection;
import cat.smartregion.gateway.api.driver.Driver;
import cat.smartregion.gateway.api.driver.PointRequest;
import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.api.driver.RawValue;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gateway scan}: finds which Modbus unit ids answer on a line, and at which serial settings,
 * without flooding it: one request in flight, a short timeout, a pause between probes. Each unit is
 * asked for holding register 0 (function 03); a unit that refuses the function (exception 01) is
 * asked for input register 0 (function 04). Any answer, data or exception, proves the unit is
 * there; a Modbus TCP gateway's exceptions 0A/0B mean it is not.
 */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Finds the Modbus unit ids that answer on a line (and at which serial settings).",
        footer = {"", "Examples:",
            "  gateway scan modbus-rtu:///dev/ttyUSB0 --bauds 9600,19200 --parity N,E",
            "  gateway scan 'modbus-rtu:///dev/ttyUSB0?baud=9600&parity=E' --units 1-32",
            "  gateway scan modbus-tcp://192.168.1.20:502 --units 1-10,100 --timeout 500ms",
            "  gateway scan modbus-rtutcp://10.0.0.9:4001 --units 1-247 --delay 50ms",
            "", "Exit codes: 0 some unit answered, 2 wrong usage, 3 no unit answered or the line cannot be opened."})
final class ScanCommand implements Callable<Integer> {

    /** What one unit answered: the function that got an answer, and the exception code if any. */
    record Answer(int unit, String settings, int function, int exceptionCode) {
        String describe() {
            return String.format("unit %3d  %-10s function %02d: %s", unit, settings, function,
                    exceptionCode == 0 ? "data" : String.format("exception %02X", exceptionCode));
        }
    }

    private static final List<Integer> ABSENT_BEHIND_GATEWAY = List.of(0x0A, 0x0B);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "LINE",
            description = "The line: modbus-rtu:///dev/ttyUSB0, modbus-ascii:///dev/ttyS1, modbus-tcp://HOST:PORT, "
                    + "modbus-rtutcp://HOST:PORT; query parameters other than unit are kept (e.g. ?baud=9600&parity=E).")
    URI line;

    @Option(names = "--units", defaultValue = "1-247", paramLabel = "LIST",
            description = "Unit ids to try, e.g. 1-247 or 1-10,17 (default: ${DEFAULT-VALUE}).")
    String units;

    @Option(names = "--bauds", split = ",", paramLabel = "BAUD", description = "Serial speeds to try, e.g. 9600,19200 (serial lines only).")
    List<Integer> bauds = new ArrayList<>();

    @Option(names = "--parity", split = ",", paramLabel = "P", description = "Parities to try: N, E, O (serial lines only).")
    List<String> parities = new ArrayList<>();

    @Option(names = "--timeout", defaultValue = "200ms", converter = DurationConverter.class,
            description = "How long to wait for each unit (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--delay", defaultValue = "20ms", converter = DurationConverter.class,
            description = "Pause between two probes, to leave the line some air (default: ${DEFAULT-VALUE}).")
    Duration delay;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Integer> ids;
        List<Map<String, String>> settings;
        try {
            ids = unitList(units, onSerialBus());
            settings = settings();
        } catch (IllegalArgumentException e) {
            err.println("gateway scan: " + e.getMessage());
            return Main.USAGE;
        }
        Main.configureLog("warn", null);
        try (GatewayRuntime runtime = GatewayRuntime.forCommand("scan")) {
            runtime.service(Driver.class, Duration.ofSeconds(20));
            Optional<Driver> driver = runtime.services(Driver.class).stream().filter(d -> d.supports(line)).findFirst();
            if (driver.isEmpty()) {
                err.println("gateway scan: no driver speaks " + line.getScheme() + " (modbus-tcp, modbus-rtutcp, modbus-rtu, modbus-ascii)");
                return Main.USAGE;
            }
            return scan(driver.get(), ids, settings, out, err);
        }
    }

    private int scan(Driver driver, List<Integer> ids, List<Map<String, String>> settings, PrintWriter out, PrintWriter err) {
        List<Answer> found = new ArrayList<>();
        for (Map<String, String> setting : settings) {
            String label = setting.isEmpty() ? "" : setting.get("baud") + " " + setting.get("parity");
            out.printf("scanning %s%s, units %s, %d ms each%n", base(), label.isEmpty() ? "" : " at " + label, units,
                    timeout.toMillis());
            out.flush();
            try {
                found.addAll(scanSetting(driver, ids, setting, label, out));
            } catch (IOException | IllegalArgumentException e) {
                err.println("gateway scan: " + e.getMessage());
                return e instanceof IOException ? Main.NO_ANSWER : Main.USAGE;
            }
        }
        out.printf("%d unit(s) answered on %s%s%n", found.size(), base(), found.isEmpty() ? ""
                : ": " + found.stream().map(a -> a.unit() + (a.settings().isEmpty() ? "" : " (" + a.settings() + ")"))
                        .collect(Collectors.joining(", ")));
        out.flush();
        return found.isEmpty() ? Main.NO_ANSWER : 0;
    }

    /** Probes every unit at one serial setting; one connection keeps the line open meanwhile. */
    private List<Answer> scanSetting(Driver driver, List<Integer> ids, Map<String, String> setting, String label,
                                     PrintWriter out) throws IOException {
        List<Answer> found = new ArrayList<>();
        try (Connection anchor = driver.connect(uri(ids.get(0), setting))) {
            for (int unit : ids) {
                Optional<Answer> answer = unit == ids.get(0) ? probe(anchor, unit, label) : probe(driver, unit, setting, label);
                answer.ifPresent(a -> {
                    found.add(a);
                    out.println(a.describe());
                    out.flush();
                });
                LockSupport.parkNanos(delay.toNanos());
            }
        }
        return found;
    }

    private Optional<Answer> probe(Driver driver, int unit, Map<String, String> setting, String label) throws IOException {
        try (Connection connection = driver.connect(uri(unit, setting))) {
            return probe(connection, unit, label);
        }
    }

    private Optional<Answer> probe(Connection connection, int unit, String label) throws IOException {
        RawValue holding = ask(connection, "holding:0");
        if (holding.status() == PointStatus.EXCEPTION && holding.exceptionCode() == 0x01) {
            RawValue input = ask(connection, "input:0");
            return answer(input, unit, label, 4).or(() -> answer(holding, unit, label, 3));
        }
        return answer(holding, unit, label, 3);
    }

    private static RawValue ask(Connection connection, String address) throws IOException {
        RawValue value = connection.read(List.of(new PointRequest("probe", address, 1))).get(0);
        if (value.status() == PointStatus.UNREACHABLE) {
            throw new IOException("the line broke: " + value.detail());
        }
        return value;
    }

    private static Optional<Answer> answer(RawValue value, int unit, String label, int function) {
        if (value.isOk()) {
            return Optional.of(new Answer(unit, label, function, 0));
        }
        if (value.status() == PointStatus.EXCEPTION && !ABSENT_BEHIND_GATEWAY.contains(value.exceptionCode())) {
            return Optional.of(new Answer(unit, label, function, value.exceptionCode()));
        }
        return Optional.empty();
    }

    /** The line's URI without query: scheme, host and port or device path. */
    private String base() {
        return line.getScheme() + "://" + (line.getRawAuthority() == null ? "" : line.getRawAuthority())
                + (line.getRawPath() == null ? "" : line.getRawPath());
    }

    private URI uri(int unit, Map<String, String> setting) {
        Map<String, String> query = new LinkedHashMap<>(EndpointQuery.parse(line));
        query.putAll(setting);
        query.put("unit", Integer.toString(unit));
        query.put("timeout", Long.toString(Math.max(1, timeout.toMillis())));
        return URI.create(base() + "?" + query.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&")));
    }

    /** Every combination of the bauds and parities asked; one empty setting when none is asked. */
    private List<Map<String, String>> settings() {
        if (!serial() && (!bauds.isEmpty() || !parities.isEmpty())) {
            throw new IllegalArgumentException("--bauds and --parity apply to serial lines only, not " + line.getScheme());
        }
        if (bauds.isEmpty() && parities.isEmpty()) {
            return List.of(Map.of());
        }
        Map<String, String> given = EndpointQuery.parse(line);
        List<Integer> speeds = bauds.isEmpty() ? List.of(Integer.parseInt(given.getOrDefault("baud", "9600"))) : bauds;
        String usual = line.getScheme().endsWith("-ascii") ? "E" : "N";
        List<String> checks = parities.isEmpty() ? List.of(given.getOrDefault("parity", usual)) : parities;
        List<Map<String, String>> all = new ArrayList<>();
        for (int baud : speeds) {
            for (String parity : checks) {
                if (!parity.matches("[NEOneo]")) {
                    throw new IllegalArgumentException("--parity takes N, E or O, got " + parity);
                }
                all.add(Map.of("baud", Integer.toString(baud), "parity", parity.toUpperCase()));
            }
        }
        return all;
    }

    /** A serial port of this machine: its speed and parity are ours to try. */
    private boolean serial() {
        return line.getScheme() != null && (line.getScheme().endsWith("-rtu") || line.getScheme().endsWith("-ascii"));
    }

    /** Units on an RS-485 bus, here or behind a transparent serial server (RTU over TCP). */
    private boolean onSerialBus() {
        return serial() || "modbus-rtutcp".equals(line.getScheme());
    }

    /**
     * Parses {@code 1-247} or {@code 1-10,17,100-102}: 1-247 on a serial bus (0 is the broadcast
     * address, which no slave answers, and 248-255 are reserved), also behind a serial server; 0-255
     * behind a Modbus TCP gateway, which may answer for itself at 0 or 255.
     */
    static List<Integer> unitList(String text, boolean serial) {
        int low = serial ? 1 : 0;
        int high = serial ? 247 : 255;
        List<Integer> ids = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] range = part.trim().split("-", 2);
            try {
                int from = Integer.parseInt(range[0].trim());
                int to = range.length == 2 ? Integer.parseInt(range[1].trim()) : from;
                if (from < low || to > high || from > to) {
                    throw new IllegalArgumentException("unit range '" + part + "' must lie within " + low + "-" + high
                            + (serial ? " on a serial line (0 is broadcast, 248-255 reserved)" : "") + ", low to high");
                }
                for (int u = from; u <= to; u++) {
                    ids.add(u);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--units takes ranges such as 1-247 or 1-10,17, not '" + text + "'", e);
            }
        }
        return ids.stream().distinct().toList();
    }
}
