package cat.smartregion.gateway.launcher;

import cat.smartregion.gateway.api.device.EndpointQuery;
import cat.smartregion.gateway.api.push.PushIngest;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the CoAP push server would refuse only after the gateway started, said before: a pushing
 * device without the server, a server setting out of range, a pushing endpoint that is not {@code coap-push:IDENTITY?keyFile=FILE}, two
 * devices with one identity, a key file that is missing, relative or readable by others.
 */
final class PushChecks {

    private static final String SCHEME = "coap-push";

    private PushChecks() {
    }

    /** The first problem of the pushing devices and the server they push to ({@code server} null when not configured), if any. */
    static Optional<String> problem(List<GatewayFile.Device> devices, GatewayFile.CoapServer server) {
        for (GatewayFile.Device d : devices) {
            if (d.endpoint().startsWith(SCHEME + ":") && server == null) {
                return Optional.of("device " + d.id() + " pushes to the gateway's CoAP server: add a "
                        + "'coapServer:' section (port 5684 by default)");
            }
        }
        return devices(devices).or(() -> server == null ? Optional.empty() : server(server));
    }

    /** The first problem of the server's settings, if any. */
    private static Optional<String> server(GatewayFile.CoapServer server) {
        if (server.port() != null && (server.port() < 0 || server.port() > 65535)) {
            return Optional.of("coapServer port must be 0-65535, got " + server.port());
        }
        if (server.maxPayloadBytes() != null && (server.maxPayloadBytes() < 64 || server.maxPayloadBytes() > 1_048_576)) {
            return Optional.of("coapServer maxPayloadBytes must be 64-1048576, got " + server.maxPayloadBytes());
        }
        if (server.path() != null && !server.path().matches("[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*")) {
            return Optional.of("coapServer path must be segments of A-Z a-z 0-9 . _ ~ - joined by /, got '" + server.path() + "'");
        }
        return Optional.empty();
    }

    /** The first problem of the pushing devices, as {@code device ID: ...}, if any. */
    private static Optional<String> devices(List<GatewayFile.Device> devices) {
        Map<String, String> identities = new HashMap<>();
        for (GatewayFile.Device d : devices) {
            URI endpoint = URI.create(d.endpoint());
            if (!PushIngest.isPush(endpoint)) {
                continue;
            }
            Optional<String> problem = endpoint(endpoint);
            if (problem.isPresent()) {
                return Optional.of("device " + d.id() + ": " + problem.get());
            }
            String other = identities.putIfAbsent(PushIngest.identity(endpoint), d.id());
            if (other != null) {
                return Optional.of("device " + d.id() + ": device " + other + " already pushes as " + PushIngest.identity(endpoint));
            }
        }
        return Optional.empty();
    }

    /** What is wrong with a pushing endpoint, if anything: its scheme, identity and key file. */
    static Optional<String> endpoint(URI endpoint) {
        if (!SCHEME.equals(endpoint.getScheme())) {
            return Optional.of("no server takes pushes at " + endpoint + ": the gateway's CoAP server takes "
                    + SCHEME + ":IDENTITY?keyFile=FILE");
        }
        String keyFile = EndpointQuery.parse(endpoint).get("keyFile");
        if (PushIngest.identity(endpoint).isEmpty() || keyFile == null) {
            return Optional.of("endpoint " + endpoint + " must be " + SCHEME + ":IDENTITY?keyFile=FILE");
        }
        return keyFile(Path.of(keyFile));
    }

    private static Optional<String> keyFile(Path file) {
        if (!file.isAbsolute()) {
            return Optional.of("keyFile " + file + " must be an absolute path");
        }
        try {
            if (Files.getPosixFilePermissions(file).stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
                return Optional.of("keyFile " + file + " holds a secret but others may read it; run: chmod 600 " + file);
            }
            return Files.size(file) == 0 ? Optional.of("keyFile " + file + " is empty") : Optional.empty();
        } catch (IOException e) {
            return Optional.of("keyFile " + file + " cannot be read: " + e.getMessage());
        }
    }
}
