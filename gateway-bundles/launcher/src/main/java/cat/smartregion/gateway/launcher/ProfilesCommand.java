package cat.smartregion.gateway.launcher;

import cat.smartregion.gateway.api.profile.DeviceProfile;
import cat.smartregion.gateway.api.profile.ProfileException;
import cat.smartregion.gateway.api.profile.ProfileLibrary;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gateway profiles}: the device profile library, and checking a profile before it is used. */
@Command(name = "profiles", mixinStandardHelpOptions = true,
        description = "Lists the device profile library or validates profile files.",
        subcommands = {ProfilesCommand.ListProfiles.class, ProfilesCommand.ValidateProfiles.class})
final class ProfilesCommand {

    /** Runs {@code work} against the library in a runtime of its own. */
    private static int withLibrary(CommandSpec spec, LibraryWork work) throws Exception {
        Main.configureLog("warn", null);
        try (GatewayRuntime runtime = GatewayRuntime.forCommand("profiles")) {
            runtime.configure(GatewayRuntime.PID_PROFILES, Map.of("directory", Main.home().resolve("profiles").toString()));
            ProfileLibrary library = runtime.service(ProfileLibrary.class, Duration.ofSeconds(20));
            return work.run(library, spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    /** The loader names a file by its name alone; the technician reads the path they typed. */
    private static String asTyped(Path file, String problem) {
        String name = file.getFileName() + ":";
        return problem.startsWith(name) ? file + problem.substring(name.length() - 1) : problem;
    }

    private static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }

    private interface LibraryWork {
        int run(ProfileLibrary library, PrintWriter out, PrintWriter err) throws Exception;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the profiles of the library.")
    static final class ListProfiles implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return withLibrary(spec, (library, out, err) -> {
                out.printf("%-28s %-18s %-30s %-8s %s%n", "ID", "MANUFACTURER", "MODEL", "PROTOCOL", "POINTS");
                for (DeviceProfile p : library.all()) {
                    out.printf("%-28s %-18s %-30s %-8s %d%n", p.id(), cut(p.manufacturer(), 18), cut(p.model(), 30),
                            p.protocol(), p.points().size());
                }
                return 0;
            });
        }
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Checks profile files: syntax, known quantities and units, types that fit their registers, "
                    + "unique point names, registers read once, platform mapping. Errors read file:line:column: message, "
                    + "one a line, every point checked.",
            footer = {"", "Example:", "  gateway profiles validate my-meter.yaml other-meter.yaml"})
    static final class ValidateProfiles implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "Profile files (.yaml).")
        List<Path> files;

        @Override
        public Integer call() throws Exception {
            return withLibrary(spec, (library, out, err) -> {
                int bad = 0;
                for (Path file : files) {
                    try {
                        DeviceProfile profile = library.load(file.toAbsolutePath().toString());
                        int n = profile.points().size();
                        out.printf("%s: ok (%s, %d point%s)%n", file, profile.id(), n, n == 1 ? "" : "s");
                    } catch (ProfileException e) {
                        e.problems().forEach(problem -> err.println(asTyped(file, problem)));
                        bad++;
                    }
                }
                return bad == 0 ? 0 : Main.USAGE;
            });
        }
    }
}
