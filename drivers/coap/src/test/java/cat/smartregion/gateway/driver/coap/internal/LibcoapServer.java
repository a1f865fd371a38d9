package cat.smartregion.gateway.driver.coap.internal;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * libcoap's {@code coap-server-openssl} (Debian libcoap3-bin), an independent CoAP server: its
 * {@code /example_data} resource keeps what a PUT stores (with its content format), is observable
 * and answers large bodies block-wise; with a key it also speaks DTLS-PSK on port + 1.
 * {@code coap-client-openssl} does the PUTs.
 */
final class LibcoapServer implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path work;

    private LibcoapServer(Process process, int port, Path work) {
        this.process = process;
        this.port = port;
        this.work = work;
    }

    /** Starts the server on two free ports (UDP port, DTLS port + 1), with a PSK and hint when {@code key} is not empty. */
    static LibcoapServer start(Path work, String key, String hint) throws IOException {
        int port = freePortPair();
        List<String> command = new ArrayList<>(List.of(tool("coap-server-openssl"), "-A", "127.0.0.1", "-p", Integer.toString(port)));
        if (!key.isEmpty()) {
            command.addAll(List.of("-k", key, "-h", hint));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("coap-server-" + port + ".log").toFile()).start();
        return new LibcoapServer(process, port, work);
    }

    int port() {
        return port;
    }

    int dtlsPort() {
        return port + 1;
    }

    /** Stores a payload in {@code /example_data} with the content format (0, 50, 110, 112). */
    void put(byte[] payload, int contentFormat) throws IOException, InterruptedException {
        Path file = Files.createTempFile(work, "payload", ".bin");
        Files.write(file, payload);
        Process client = new ProcessBuilder(tool("coap-client-openssl"), "-m", "put", "-t", Integer.toString(contentFormat),
                "-f", file.toString(), "coap://127.0.0.1:" + port + "/example_data")
                .redirectErrorStream(true).redirectOutput(work.resolve("coap-client.log").toFile()).start();
        if (!client.waitFor(30, TimeUnit.SECONDS) || client.exitValue() != 0) {
            client.destroyForcibly().waitFor();
            throw new AssertionError("coap-client-openssl PUT failed: " + Files.readString(work.resolve("coap-client.log")));
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    static String tool(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        throw new AssertionError(name + " is missing: install the Debian package libcoap3-bin");
    }

    private static int freePortPair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (DatagramSocket first = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                int port = first.getLocalPort();
                if (port < 65535) {
                    try (DatagramSocket second = new DatagramSocket(port + 1, InetAddress.getLoopbackAddress())) {
                        return port;
                    } catch (IOException taken) {
                        // try another pair
                    }
                }
            }
        }
        throw new IOException("no two free consecutive UDP ports on loopback");
    }
}
