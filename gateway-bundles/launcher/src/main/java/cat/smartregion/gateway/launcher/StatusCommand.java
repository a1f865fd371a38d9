package cat.smartregion.gateway.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gateway status}: what the running gateway last said about itself (its status.json). */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Shows the running gateway's devices, backlog, uplink and alarms.",
            "Shows what the running gateway says: its devices (newest values, their age, errors), the "
                + "buffer's backlog, the uplink and the active alarms.",
            "Reads status.json, which `gateway run --config-dir` writes every 5 s beside the buffer; an old file means "
                + "the gateway is not running."},
        footer = {"", "Examples:", "  gateway status", "  gateway status --config-dir ./gw-config --json",
            "", "Exit codes: 0 the gateway is running, 2 wrong usage or configuration,",
            "  3 the gateway is not running (no status, or older than --stale)."})
final class StatusCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config-dir", paramLabel = "DIR", description = "Configuration folder (default: " + ConfigFolder.DEFAULT + ").")
    Path configDir;

    @Option(names = "--json", description = "Print the status file as it is.")
    boolean json;

    @Option(names = "--stale", defaultValue = "20s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Older than this, the status means the gateway is not running (default: ${DEFAULT-VALUE}).")
    Duration stale;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConfigFolder folder = ConfigFolder.of(configDir);
        GatewayFile gateway;
        try {
            gateway = folder.gatewayYaml();
        } catch (GatewayFile.ConfigException e) {
            err.println("gateway status: " + e.getMessage());
            return Main.USAGE;
        }
        Path file = folder.stateFolder(gateway).resolve(StatusWriter.FILE);
        if (!Files.isRegularFile(file)) {
            err.println("gateway status: no status in " + file + ": the gateway is not running (or not started with "
                    + "--config-dir). Start it: systemctl start smartregion-gateway; see: journalctl -u smartregion-gateway");
            return Main.NO_ANSWER;
        }
        JsonNode status;
        try {
            status = new ObjectMapper().readTree(Files.readString(file));
        } catch (java.nio.file.AccessDeniedException e) {
            err.println("gateway status: " + file + " is readable by the gateway's group only: run with sudo, or add "
                    + "yourself to the group: sudo adduser $USER smartregion-gateway");
            return Main.USAGE;
        } catch (IOException e) {
            err.println("gateway status: cannot read " + file + ": " + e.getMessage());
            return Main.NO_ANSWER;
        }
        long ageMillis = System.currentTimeMillis() - status.path("writtenMillis").asLong();
        long age = ageMillis / 1000;
        if (json) {
            out.println(status.toPrettyString());
        } else {
            print(out, gateway, status, age);
        }
        if (ageMillis > stale.toMillis()) {
            err.println("gateway status: the status is " + age + " s old: the gateway is not running. Start it: "
                    + "systemctl start smartregion-gateway; see why it stopped: journalctl -u smartregion-gateway");
            return Main.NO_ANSWER;
        }
        return 0;
    }

    private static void print(PrintWriter out, GatewayFile gateway, JsonNode s, long age) {
        out.printf("Gateway %s (tenant %s), status of %s (%d s ago)%n", gateway.gateway(), gateway.tenant(), s.path("written").asText(), age);
        JsonNode up = s.path("uplink");
        JsonNode buffer = s.path("buffer");
        out.printf("Uplink: %s, %d readings delivered; backlog %d readings (oldest unsent %d s)%n", up.path("name").asText(),
                up.path("delivered").asLong(), buffer.path("backlog").asLong(), up.path("oldestUnsentAgeSeconds").asLong());
        if (up.has("delivery")) {
            long last = up.path("lastDeliveredSecondsAgo").asLong();
            out.printf("Delivery: %s for %d s; %s%s%n", up.path("delivery").asText().toLowerCase(Locale.ROOT).replace('_', ' '),
                    up.path("sinceSeconds").asLong(), last < 0 ? "nothing delivered yet" : "last batch delivered " + last + " s ago",
                    up.path("delivery").asText().equals("DELIVERING") || up.path("lastProblem").asText().isEmpty() ? ""
                            : "; last problem: " + up.path("lastProblem").asText());
        }
        out.printf("Buffer: %d of %d bytes, %d evicted, %d dead-lettered%n", buffer.path("bytes").asLong(),
                buffer.path("quotaBytes").asLong(), buffer.path("evicted").asLong(), buffer.path("deadLettered").asLong());
        out.println("Devices:");
        for (JsonNode d : s.path("devices")) {
            out.printf("  %-24s %-22s polled %d, failed %d%s%n", d.path("id").asText(), d.path("profile").asText(),
                    d.path("polled").asLong(), d.path("failed").asLong(),
                    d.path("lastError").isTextual() ? ", last error: " + d.path("lastError").asText() : "");
            for (JsonNode r : d.path("readings")) {
                out.printf("      %-28s %14s %-6s %-9s %d s ago%n", r.path("point").asText(), r.path("value").asText(),
                        r.path("unit").asText(), r.path("quality").asText(), r.path("ageSeconds").asLong());
            }
        }
        if (s.path("devices").isEmpty()) {
            out.println("  none (gateway device add)");
        }
        out.println("Alarms:" + (s.path("alarms").isEmpty() ? " none" : ""));
        for (JsonNode a : s.path("alarms")) {
            out.printf("  %-8s %s: %s (since %s)%n", a.path("severity").asText(), a.path("key").asText(),
                    a.path("message").asText(), a.path("since").asText());
        }
    }
}
