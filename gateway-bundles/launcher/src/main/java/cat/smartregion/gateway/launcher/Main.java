package cat.smartregion.gateway.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gateway} command line. */
@Command(name = "gateway", mixinStandardHelpOptions = true, version = "Smart Region gateway 0.1.0",
        description = "Edge gateway of the Smart Region Platform: reads meters and sensors, buffers "
                + "their readings on disk and uploads them to the platform.",
        subcommands = {InitCommand.class, EnrollCommand.class, DeviceCommand.class, RunCommand.class, StatusCommand.class,
            ReadCommand.class, ScanCommand.class, ProfilesCommand.class, DemoCommand.class},
        footer = {"", "On site, in this order (see docs/installer-guide.md):",
            "  gateway init                       identity, console certificate and password",
            "  gateway enroll --tenant T ...      bind to the platform (tested first)",
            "  gateway scan LINE                  find the meters on a bus",
            "  gateway read --profile P --endpoint URI   read one meter once",
            "  gateway device add --profile P --endpoint URI",
            "  gateway status                     what the running gateway says",
            "", "Every command has --help with examples.", "Configuration folder: /etc/smartregion-gateway."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:partly done (e.g. some points of a device did not answer)",
            "2:wrong usage, profile or endpoint",
            "3:the device or platform did not answer (status: the gateway is not running)",
            "4:the gateway runtime failed"})
public final class Main {

    public static final int PARTIAL = 1;
    public static final int USAGE = 2;
    public static final int NO_ANSWER = 3;
    public static final int RUNTIME = 4;

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("gateway: " + e.getMessage());
            return RUNTIME;
        });
        System.exit(cli.execute(args));
    }

    /**
     * The distribution folder (holding {@code lib/}, {@code bundles/}, {@code profiles/}):
     * the {@code gateway.home} system property, else the folder above the launcher's jar.
     */
    static Path home() {
        String configured = System.getProperty("gateway.home");
        if (configured != null) {
            return Paths.get(configured);
        }
        try {
            Path jar = Paths.get(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path home = jar.getParent().getParent();
            if (Files.isDirectory(home.resolve("bundles"))) {
                return home;
            }
            throw new IllegalStateException("no bundles/ folder beside " + jar.getParent()
                    + ": set -Dgateway.home to the distribution folder");
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot locate the distribution folder", e);
        }
    }

    /** Sends the log of the simulator and of the bundles (slf4j-simple) to stderr or to a file. */
    static void configureLog(String level, Path file) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level);
        // Felix HTTP warns at every start that it opens no port by itself, which is what we want.
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.felix.http", "error");
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        System.setProperty("org.slf4j.simpleLogger.logFile", file == null ? "System.err" : file.toString());
    }
}
