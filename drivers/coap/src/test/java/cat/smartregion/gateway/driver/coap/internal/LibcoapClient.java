package cat.smartregion.gateway.driver.coap.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** libcoap's {@code coap-client-openssl} (Debian libcoap3-bin), an independent CoAP client, run as a process. */
final class LibcoapClient {

    private LibcoapClient() {
    }

    /**
     * How a run ended.
     *
     * @param exit the exit status
     * @param out  standard output: the response payload; an error response's code first (e.g. {@code 4.00})
     * @param err  standard error
     */
    record Outcome(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + ", out '" + out + "', err '" + err + "'";
        }
    }

    /** Runs the client with the arguments, up to 30 s; fails with a clear message when the tool is missing. */
    static Outcome run(Path work, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(LibcoapServer.tool("coap-client-openssl"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", command) + " did not end within 30 s");
        }
        return new Outcome(process.exitValue(), Files.readString(out).strip(), Files.readString(err).strip());
    }
}
