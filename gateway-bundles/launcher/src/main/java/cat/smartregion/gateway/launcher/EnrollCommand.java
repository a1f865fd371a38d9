package cat.smartregion.gateway.launcher;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gateway enroll}: binds the gateway to a tenant and an uplink. The connection is tested
 * first; only then are the secrets copied into {@code secrets/} (0600) and gateway.yaml's tenant
 * and uplink replaced, atomically.
 */
@Command(name = "enroll", mixinStandardHelpOptions = true,
        description = {"Binds the gateway to a tenant and an uplink (Sentilo or MQTT), tested first.",
            "Nothing is saved when the connection test fails.",
            "Sentilo: GET {url}/catalog with the provider's token must answer 200.",
            "MQTT: DNS, TCP, TLS with the given CA and the broker's host name, the client certificate or user name and "
                + "password, and an MQTT v5 CONNECT. Not checked: the broker's ACL for the gateway's topics."},
        footer = {"", "Examples:",
            "  gateway enroll --tenant sant-cugat \\",
            "      --sentilo https://sentilo.example.cat/api \\",
            "      --provider sant-cugat-gw1 --token-file /root/sentilo.token",
            "  gateway enroll --tenant sant-cugat \\",
            "      --mqtt-broker ssl://mqtt.example.cat:8883 --ca ca.pem \\",
            "      --cert gw1-cert.pem --key gw1-key.pem",
            "  gateway enroll --tenant sant-cugat \\",
            "      --mqtt-broker ssl://mqtt.example.cat:8883 --ca ca.pem \\",
            "      --username gw1 --password-file mqtt.password",
            "", "Exit codes: 0 enrolled, 2 wrong usage or credentials refused,",
            "  3 the platform did not answer, 4 failure."})
final class EnrollCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config-dir", paramLabel = "DIR", description = "Configuration folder (default: " + ConfigFolder.DEFAULT + ").")
    Path configDir;

    @Option(names = "--tenant", required = true, paramLabel = "TENANT", description = "The municipality served (A-Z a-z 0-9 _ -).")
    String tenant;

    @Option(names = "--sentilo", paramLabel = "URL", description = "Sentilo API base URL, e.g. https://sentilo.example.cat/api")
    URI sentilo;

    @Option(names = "--provider", paramLabel = "P", description = "The gateway's Sentilo provider id.")
    String provider;

    @Option(names = "--token-file", paramLabel = "FILE", description = "File holding the provider's token (copied into secrets/).")
    Path tokenFile;

    @Option(names = "--mqtt-broker", paramLabel = "URI", description = "MQTT v5 broker, ssl://host:port (tcp:// only on a closed network).")
    URI broker;

    @Option(names = "--ca", paramLabel = "FILE", description = "PEM file of the CA that signed the broker's certificate.")
    Path ca;

    @Option(names = "--cert", paramLabel = "FILE", description = "The gateway's client certificate (PEM).")
    Path cert;

    @Option(names = "--key", paramLabel = "FILE", description = "The client certificate's key (PEM, PKCS#8, unencrypted).")
    Path key;

    @Option(names = "--username", paramLabel = "U", description = "MQTT user name (with --password-file).")
    String username;

    @Option(names = "--password-file", paramLabel = "FILE", description = "File holding the MQTT password (copied into secrets/).")
    Path passwordFile;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConfigFolder folder = ConfigFolder.of(configDir);
        String problem = usageProblem(folder);
        if (problem != null) {
            err.println("gateway enroll: " + problem);
            return Main.USAGE;
        }
        String gatewayId;
        try {
            gatewayId = folder.gatewayYaml().gateway();
        } catch (GatewayFile.ConfigException e) {
            err.println("gateway enroll: " + e.getMessage());
            return Main.USAGE;
        }
        UplinkCheck check = sentilo != null
                ? UplinkCheck.sentilo(sentilo, provider, read(tokenFile))
                : MqttCheck.check(new MqttCheck.Target(broker, ca, cert, key, username,
                        passwordFile == null ? null : read(passwordFile), gatewayId + "-enroll"));
        if (!check.ok()) {
            err.println("gateway enroll: " + check.message() + ". Nothing was saved.");
            return check.exitCode();
        }
        out.println("Connection test: " + check.message());
        save(folder);
        out.println("Enrolled gateway " + gatewayId + " in tenant " + tenant + ": " + folder.gatewayFile() + " updated.");
        out.println("Next: gateway device add --config-dir " + folder.dir() + " --profile ID --endpoint URI  (see gateway device add --help)");
        return 0;
    }

    private String usageProblem(ConfigFolder folder) {
        if (!tenant.matches("[A-Za-z0-9_-]{1,64}")) {
            return "the tenant '" + tenant + "' must be 1-64 of A-Z a-z 0-9 _ -";
        }
        if ((sentilo == null) == (broker == null)) {
            return "name one uplink: --sentilo URL --provider P --token-file F, or --mqtt-broker ssl://HOST:PORT --ca F ...";
        }
        if (sentilo != null) {
            if (provider == null || tokenFile == null) {
                return "--sentilo needs --provider and --token-file";
            }
            if (!provider.matches("[A-Za-z0-9_-]+")) {
                return "the provider '" + provider + "' must be A-Z a-z 0-9 _ -";
            }
            if (!"https".equals(sentilo.getScheme()) && !"http".equals(sentilo.getScheme())) {
                return "--sentilo must be an https:// URL (http:// only on a closed network), got " + sentilo;
            }
            return readable(tokenFile);
        }
        if (!"ssl".equals(broker.getScheme()) && !"tcp".equals(broker.getScheme()) || broker.getHost() == null) {
            return "--mqtt-broker must be ssl://HOST:PORT (tcp:// only on a closed network), got " + broker;
        }
        if ("ssl".equals(broker.getScheme()) && ca == null) {
            return "--mqtt-broker ssl:// needs --ca, the PEM file of the CA that signed the broker's certificate";
        }
        if ((cert == null) != (key == null)) {
            return "--cert and --key go together";
        }
        if ((username == null) != (passwordFile == null)) {
            return "--username and --password-file go together";
        }
        for (Path f : new Path[] {ca, cert, key, passwordFile}) {
            if (f != null && readable(f) != null) {
                return readable(f);
            }
        }
        return null;
    }

    private static String readable(Path file) {
        return Files.isReadable(file) ? null : file + ": no such readable file";
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file).strip();
    }

    /** Copies the secrets, then replaces tenant and uplink in gateway.yaml (the other keys kept). */
    private void save(ConfigFolder folder) throws Exception {
        AtomicFiles.folder(folder.secrets(), AtomicFiles.SECRET_FOLDER);
        ObjectNode tree = Yaml.tree(folder.gatewayFile());
        tree.put("tenant", tenant);
        tree.remove("sentilo");
        tree.remove("mqtt");
        if (sentilo != null) {
            ObjectNode s = tree.putObject("sentilo");
            s.put("url", sentilo.toString());
            s.put("provider", provider);
            s.put("tokenFile", copySecret(folder, tokenFile, "sentilo.token", AtomicFiles.SECRET));
        } else {
            ObjectNode m = tree.putObject("mqtt");
            m.put("broker", broker.toString());
            if (ca != null) {
                m.put("caFile", copySecret(folder, ca, "mqtt-ca.pem", AtomicFiles.CONFIG));
            }
            if (cert != null) {
                m.put("clientCertificate", copySecret(folder, cert, "mqtt-client-cert.pem", AtomicFiles.CONFIG));
                m.put("clientKey", copySecret(folder, key, "mqtt-client-key.pem", AtomicFiles.SECRET));
            }
            if (username != null) {
                m.put("username", username);
                m.put("passwordFile", copySecret(folder, passwordFile, "mqtt.password", AtomicFiles.SECRET));
            }
        }
        AtomicFiles.write(folder.gatewayFile(), Yaml.text(tree), AtomicFiles.CONFIG);
    }

    private static String copySecret(ConfigFolder folder, Path from, String name,
                                     java.util.Set<java.nio.file.attribute.PosixFilePermission> mode) throws IOException {
        AtomicFiles.write(folder.secrets().resolve(name), Files.readString(from), mode);
        return "secrets/" + name;
    }
}
