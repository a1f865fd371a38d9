package cat.smartregion.gateway.launcher;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gateway init}: the configuration folder, the gateway's identity and the console's secrets. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Creates the configuration folder, the gateway's identity and the console's secrets.",
            "Creates the configuration folder (gateway.yaml, devices/, secrets/ 0700), the gateway's id, "
                + "an EC P-256 key pair with a self-signed certificate for the local console's HTTPS, and the "
                + "console password, generated at random and shown only once (only its hash is kept).",
            "Prints the certificate's SHA-256 fingerprint: check it in the browser on first connection."},
        footer = {"", "Examples:",
            "  sudo smartregion-gateway init",
            "  gateway init --config-dir ./gw-config --state-dir ./gw-state \\",
            "      --id gw-ajuntament-1",
            "  gateway init --config-dir ./gw-config --force   # new id, certificate, password",
            "", "Exit codes: 0 done, 2 an identity exists already (use --force) or wrong usage,", "  4 failure."})
final class InitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--config-dir", paramLabel = "DIR", description = "Configuration folder (default: " + ConfigFolder.DEFAULT + ").")
    Path configDir;

    @Option(names = "--state-dir", paramLabel = "DIR", defaultValue = ConfigFolder.DEFAULT_STATE,
            description = "Where the buffer and the status file live (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--id", paramLabel = "ID", description = "The gateway's id (A-Z a-z 0-9 _ -; default: gw- and random hex).")
    String id;

    @Option(names = "--host", split = ",", paramLabel = "NAME",
            description = "Host names or IP addresses of the console's certificate (default: this host's name, localhost, 127.0.0.1).")
    List<String> hosts = new ArrayList<>();

    @Option(names = "--force", description = "Replace an existing identity, certificate and password (the rest of gateway.yaml is kept).")
    boolean force;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConfigFolder folder = ConfigFolder.of(configDir);
        String gatewayId = id != null ? id : generatedId();
        if (!gatewayId.matches("[A-Za-z0-9_-]{1,64}")) {
            err.println("gateway init: the id '" + gatewayId + "' must be 1-64 of A-Z a-z 0-9 _ -");
            return Main.USAGE;
        }
        Path secrets = folder.secrets();
        if (!force && (Files.exists(folder.gatewayFile()) || Files.exists(secrets.resolve(ConsoleSecrets.KEYSTORE)))) {
            err.println("gateway init: " + folder.dir() + " already holds a gateway identity; keep it, or run again with "
                    + "--force to replace the id, the console's certificate and its password");
            return Main.USAGE;
        }
        AtomicFiles.folder(folder.dir(), PosixFilePermissions.fromString("rwxr-x---"));
        AtomicFiles.folder(folder.devices(), PosixFilePermissions.fromString("rwxr-x---"));
        AtomicFiles.folder(secrets, AtomicFiles.SECRET_FOLDER);
        String password = ConsoleSecrets.randomPassword(16);
        makeSecrets(secrets, gatewayId, password);
        writeGatewayYaml(folder, gatewayId);

        out.println("Gateway id:            " + gatewayId);
        out.println("Configuration folder:  " + folder.dir());
        out.println("Console certificate SHA-256 fingerprint (check it in the browser on first connection):");
        out.println("  " + ConsoleSecrets.fingerprint(secrets));
        out.println("Console password (shown only this once, write it down now):");
        out.println("  " + password);
        out.println("Next: gateway enroll --config-dir " + folder.dir() + " --tenant TENANT ...  (see gateway enroll --help)");
        return 0;
    }

    /**
     * Makes the console's keystore, its password and the password's hash in a staging folder, then
     * moves them into {@code secrets}: when keytool or the disk fails, the identity in place is kept
     * whole (the id in gateway.yaml is written after this). The staging folder gets a new random
     * name, made atomically with mode 0700, and only the files made in it are deleted, never
     * through a link: the gateway's user owns the configuration folder, init runs as root. Only a
     * power cut between the three renames could leave a keystore with the other password; init
     * --force again repairs it.
     */
    private void makeSecrets(Path secrets, String gatewayId, String password) throws Exception {
        List<String> names = List.of(ConsoleSecrets.KEYSTORE_PASSWORD, ConsoleSecrets.KEYSTORE, ConsoleSecrets.PASSWORD_HASH);
        Path staging = Files.createTempDirectory(secrets, ".new-", PosixFilePermissions.asFileAttribute(AtomicFiles.SECRET_FOLDER));
        try {
            AtomicFiles.write(staging.resolve(ConsoleSecrets.KEYSTORE_PASSWORD), ConsoleSecrets.randomPassword(32) + "\n", AtomicFiles.SECRET);
            ConsoleSecrets.makeKeystore(staging, gatewayId, subjectAltNames());
            AtomicFiles.write(staging.resolve(ConsoleSecrets.PASSWORD_HASH), ConsoleSecrets.hash(password) + "\n", AtomicFiles.SECRET);
            for (String name : names) {
                Files.move(staging.resolve(name), secrets.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            AtomicFiles.sync(secrets);
        } finally {
            if (Files.isDirectory(staging, LinkOption.NOFOLLOW_LINKS)) {
                for (String name : names) {
                    Files.deleteIfExists(staging.resolve(name));
                }
            }
            Files.deleteIfExists(staging);
        }
    }

    private static String generatedId() {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        return "gw-" + HexFormat.of().formatHex(random);
    }

    /** A new gateway.yaml, or the existing one with the new id (enrollment and settings kept). */
    private void writeGatewayYaml(ConfigFolder folder, String gatewayId) throws Exception {
        if (Files.exists(folder.gatewayFile())) {
            ObjectNode tree = Yaml.tree(folder.gatewayFile());
            tree.put("gateway", gatewayId);
            AtomicFiles.write(folder.gatewayFile(), Yaml.text(tree), AtomicFiles.CONFIG);
            return;
        }
        String buffer = stateDir.toAbsolutePath().normalize().resolve("buffer.db").toString();
        AtomicFiles.write(folder.gatewayFile(), """
                # The Smart Region gateway's configuration, made by `gateway init`.
                # `gateway enroll` adds the tenant and the uplink; devices are in devices/<id>.yaml
                # (`gateway device add`). See docs/configuration.md.
                gateway: %s
                buffer:
                  path: %s
                """.formatted(gatewayId, buffer), AtomicFiles.CONFIG);
    }

    private List<String> subjectAltNames() {
        List<String> names = new ArrayList<>();
        List<String> given = new ArrayList<>(hosts);
        if (given.isEmpty()) {
            try {
                given.add(InetAddress.getLocalHost().getHostName());
            } catch (java.net.UnknownHostException e) {
                // no host name: localhost and 127.0.0.1 only
            }
            given.add("localhost");
            given.add("127.0.0.1");
        }
        for (String host : given) {
            boolean address = host.matches("[0-9.]+") || host.contains(":");
            String entry = (address ? "ip:" : "dns:") + host;
            if (!names.contains(entry)) {
                names.add(entry);
            }
        }
        return names;
    }
}
