package cat.smartregion.gateway.simulator.coap;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** libcoap's {@code coap-client-openssl} (Debian libcoap3-bin), an independent CoAP client, run as a process. */
final class LibcoapClient {

    static final String TOOL = "coap-client-openssl";

    private LibcoapClient() {
    }

    record Outcome(int exit, byte[] out, String err) {
        String text() {
            return new String(out, StandardCharsets.UTF_8);
        }
    }

    /** Runs the client with the arguments; fails with a clear message when the tool is missing. */
    static Outcome run(Path work, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(tool());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(work, "out", ".bin");
        Path err = Files.createTempFile(work, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", command) + " did not end within 30 s");
        }
        return new Outcome(process.exitValue(), Files.readAllBytes(out), Files.readString(err));
    }

    static String tool() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, TOOL))) {
                return Path.of(dir, TOOL).toString();
            }
        }
        throw new AssertionError(TOOL + " is missing: install the Debian package libcoap3-bin");
    }
}
