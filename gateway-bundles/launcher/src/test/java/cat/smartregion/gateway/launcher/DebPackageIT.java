package cat.smartregion.gateway.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Debian package the build makes (jdeb), read back with dpkg-deb: its files and their modes,
 * its control fields, conffiles and maintainer scripts, and the systemd unit.
 */
class DebPackageIT {

    private static final Path DEB = Paths.get("target", "smartregion-gateway_0.1.0_all.deb").toAbsolutePath();

    @TempDir
    Path work;

    @Test
    void contentsAndPermissions() throws Exception {
        List<String> lines = List.of(dpkgDeb("-c", DEB.toString()).split("\n"));
        assertTrue(has(lines, "-rwxr-xr-x root/root", "./usr/bin/smartregion-gateway"), "the wrapper, executable");
        assertTrue(has(lines, "-rw-r--r-- root/root", "./usr/share/smartregion-gateway/lib/gateway-launcher-0.1.0.jar"));
        assertTrue(has(lines, "-rw-r--r-- root/root", "./usr/share/smartregion-gateway/bundles/gateway-core-0.1.0.jar"));
        assertTrue(has(lines, "-rw-r--r-- root/root", "./usr/share/smartregion-gateway/profiles/eastron-sdm630.yaml"));
        assertTrue(has(lines, "-rw-r--r-- root/root", "./lib/systemd/system/smartregion-gateway.service"));
        assertTrue(has(lines, "-rw-r--r-- root/root", "./etc/default/smartregion-gateway"));
        assertTrue(has(lines, "-rw-r--r-- root/root", "./usr/share/doc/smartregion-gateway/installer-guide.md"));
        for (String line : lines) {
            assertFalse(line.contains("./etc/smartregion-gateway") || line.contains("./var/"),
                    "configuration, secrets and buffer are made on site, never shipped (an upgrade keeps them): " + line);
            assertFalse(line.startsWith("-") && line.contains("rw-rw") || line.matches("^.{8}w.*"), "nothing writable by others: " + line);
        }
    }

    @Test
    void controlFieldsConffilesAndMaintainerScripts() throws Exception {
        String info = dpkgDeb("-I", DEB.toString());
        assertTrue(info.contains("Package: smartregion-gateway"), info);
        assertTrue(info.contains("Architecture: all"), info);
        assertTrue(info.contains("Depends: openjdk-17-jre-headless | java17-runtime-headless"), info);

        Path control = work.resolve("control");
        dpkgDeb("-e", DEB.toString(), control.toString());
        assertEquals("/etc/default/smartregion-gateway", Files.readString(control.resolve("conffiles")).strip());
        for (String script : List.of("postinst", "prerm", "postrm")) {
            assertTrue(Files.isExecutable(control.resolve(script)), script + " executable");
            run("sh", "-n", control.resolve(script).toString());
        }
        String postinst = Files.readString(control.resolve("postinst"));
        assertTrue(postinst.contains("useradd --system"), "creates the gateway's own system user");
        assertTrue(postinst.contains("getent passwd \"$USER\""), "only when missing");
        assertTrue(postinst.contains("[ -d \"$ETC/secrets\" ] || install -d -m 0700"), "secrets 0700, made only when missing");
        assertTrue(postinst.contains("[ -d \"$STATE\" ] || install -d -m 0750"), "state folder made only when missing");
        assertFalse(postinst.matches("(?s).*(rm |chmod -R|chown -R|>\\s*/etc).*"), "never rewrites configuration: " + postinst);
        assertTrue(postinst.contains("try-restart"), "an upgrade restarts a running gateway");
        String postrm = Files.readString(control.resolve("postrm"));
        assertTrue(postrm.indexOf("purge)") < postrm.indexOf("rm -rf"), "only purge deletes configuration and buffer");
    }

    @Test
    void theServiceRunsTheConfigurationFolderAsItsOwnUser() throws Exception {
        Path data = work.resolve("data");
        dpkgDeb("-x", DEB.toString(), data.toString());
        String unit = Files.readString(data.resolve("lib/systemd/system/smartregion-gateway.service"));
        assertTrue(unit.contains("User=smartregion-gateway"), unit);
        assertTrue(unit.contains("ExecStart=/usr/bin/smartregion-gateway run --config-dir /etc/smartregion-gateway"), unit);
        assertTrue(unit.contains("ReadWritePaths=/var/lib/smartregion-gateway -/etc/smartregion-gateway/devices"),
                "the state and the devices the console adds are the only writable places: " + unit);
        assertTrue(unit.contains("NoNewPrivileges=yes") && unit.contains("ProtectSystem=strict"), unit);
        run("sh", "-n", data.resolve("usr/bin/smartregion-gateway").toString());
        String wrapper = Files.readString(data.resolve("usr/bin/smartregion-gateway"));
        assertTrue(wrapper.contains("-Dgateway.home=\"$HOME_DIR\"") && wrapper.contains("HOME_DIR=/usr/share/smartregion-gateway"));
    }

    private static boolean has(List<String> lines, String modeAndOwner, String path) {
        return lines.stream().anyMatch(l -> l.startsWith(modeAndOwner) && l.endsWith(" " + path));
    }

    private String dpkgDeb(String... args) throws Exception {
        if (!Files.isRegularFile(DEB)) {
            fail(DEB + " is missing: build it with mvn -pl gateway-bundles/launcher package");
        }
        List<String> command = new ArrayList<>(List.of(MqttEnrollIT.require("dpkg-deb", "dpkg")));
        command.addAll(List.of(args));
        return run(command.toArray(String[]::new));
    }

    private String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            fail(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
