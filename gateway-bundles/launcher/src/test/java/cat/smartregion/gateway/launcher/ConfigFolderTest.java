package cat.smartregion.gateway.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration folder read as a whole, and the plans it gives Config Admin. */
class ConfigFolderTest {

    @TempDir
    Path dir;
    private ConfigFolder folder;

    @BeforeEach
    void enrolledFolder() throws Exception {
        folder = ConfigFolder.of(dir);
        Files.createDirectories(folder.devices());
        Files.createDirectories(folder.secrets());
        Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(folder.gatewayFile(), """
                tenant: town
                gateway: gw1
                buffer: {path: state/buffer.db}
                profiles: profiles
                sentilo: {url: "http://127.0.0.1:1/api", provider: town-gw1, tokenFile: secrets/sentilo.token}
                """);
        AtomicFiles.write(folder.secrets().resolve("sentilo.token"), "secret-token-123\n", AtomicFiles.SECRET);
        device("a", "id: a\nprofile: eastron-sdm120\nendpoint: \"modbus-tcp://127.0.0.1:502?unit=1\"\ninterval: 1s\n");
    }

    private void device(String id, String yaml) throws Exception {
        Files.writeString(folder.deviceFile(id), yaml);
    }

    @Test
    void gatewayYamlAndDeviceFilesMakeOneConfiguration() throws Exception {
        device("b", "id: b\nprofile: eastron-sdm630\nendpoint: \"modbus-tcp://127.0.0.1:502?unit=2\"\nparams: {location: \"41.4 2.1\"}\n");
        Files.writeString(folder.devices().resolve(".b.yaml.tmp"), "half written");
        GatewayFile whole = folder.load();
        assertEquals(List.of("a", "b"), whole.devices().stream().map(GatewayFile.Device::id).toList());
        assertEquals(dir.resolve("state"), folder.stateFolder(whole));
    }

    @Test
    void aWrongDeviceFileIsNamedWithLineAndColumn() throws Exception {
        device("c", "id: c\nprofile: eastron-sdm120\nendpoint: \"modbus-tcp://127.0.0.1:502\"\ninterval: fast\n");
        GatewayFile.ConfigException e = assertThrows(GatewayFile.ConfigException.class, folder::load);
        assertTrue(e.getMessage().startsWith(folder.deviceFile("c").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("fast"), e.getMessage());

        device("c", "id: c\nprofile: eastron-sdm120\nendpoint: x\nintervall: 1s\n");
        e = assertThrows(GatewayFile.ConfigException.class, folder::load);
        assertTrue(e.getMessage().matches(java.util.regex.Pattern.quote(folder.deviceFile("c").toString()) + ":\\d+:\\d+: .*"),
                e.getMessage());
        assertTrue(e.getMessage().contains("unknown key 'intervall'"), e.getMessage());
    }

    @Test
    void aDeviceIdMustBeItsFileName() throws Exception {
        device("d", "id: other\nprofile: eastron-sdm120\nendpoint: \"modbus-tcp://127.0.0.1:502\"\n");
        GatewayFile.ConfigException e = assertThrows(GatewayFile.ConfigException.class, folder::load);
        assertTrue(e.getMessage().contains("must be the file's name (d)"), e.getMessage());
    }

    @Test
    void aFolderNotYetEnrolledSaysWhatToRun() throws Exception {
        Files.writeString(folder.gatewayFile(), "gateway: gw1\nbuffer: {path: state/buffer.db}\n");
        GatewayFile.ConfigException e = assertThrows(GatewayFile.ConfigException.class, folder::load);
        assertTrue(e.getMessage().contains("gateway enroll"), e.getMessage());
    }

    @Test
    void aPlanChangesOnlyWhatDiffersAndNeverShowsTheSecret() throws Exception {
        GatewayFile first = folder.load();
        Plan before = Plan.of(first, dir, dir.resolve("state/buffer.db"), "secret-token-123");
        assertTrue(Plan.of(first, dir, dir.resolve("state/buffer.db"), "secret-token-123").diff(before).none());

        device("a", "id: a\nprofile: eastron-sdm120\nendpoint: \"modbus-tcp://127.0.0.1:502?unit=1\"\ninterval: 2s\n");
        device("b", "id: b\nprofile: eastron-sdm630\nendpoint: \"modbus-tcp://127.0.0.1:502?unit=2\"\n");
        Plan after = Plan.of(folder.load(), dir, dir.resolve("state/buffer.db"), "new-token-456");
        Plan.Change change = after.diff(before);
        assertEquals(List.of("b"), change.added());
        assertEquals(List.of("a"), change.updated());
        assertEquals(List.of(GatewayRuntime.PID_SENTILO), change.pids(), "only the uplink's token changed");

        Files.delete(folder.deviceFile("a"));
        Plan.Change removal = Plan.of(folder.load(), dir, dir.resolve("state/buffer.db"), "new-token-456").diff(after);
        assertEquals(List.of("a"), removal.removed());
        assertFalse(after.toString().contains("new-token-456"), after.toString());
        assertFalse(change.toString().contains("new-token-456"), change.toString());
    }

    @Test
    void atomicWritesKeepTheirModeAndLeaveNoTemporaryFile() throws Exception {
        Path file = dir.resolve("x.yaml");
        AtomicFiles.write(file, "a: 1\n", AtomicFiles.CONFIG);
        AtomicFiles.write(file, "a: 2\n", AtomicFiles.CONFIG);
        assertEquals("a: 2\n", Files.readString(file));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertFalse(Files.exists(dir.resolve(".x.yaml.tmp")));
    }

    @Test
    void theConsolePasswordHashIsPbkdf2WithItsSaltAndIterations() throws Exception {
        String hash = ConsoleSecrets.hash("correct horse");
        String[] parts = hash.split(":");
        assertEquals(3, parts.length);
        assertEquals(ConsoleSecrets.ITERATIONS, Integer.parseInt(parts[0]));
        assertTrue(ConsoleSecrets.matches("correct horse", hash));
        assertFalse(ConsoleSecrets.matches("correct horsE", hash));
        assertFalse(hash.equals(ConsoleSecrets.hash("correct horse")), "a new salt each time");
        assertEquals(16, ConsoleSecrets.randomPassword(16).length());
    }

    @Test
    void theMqttConnectPacketIsVersion5WithCredentials() {
        byte[] p = MqttCheck.connectPacket(new MqttCheck.Target(java.net.URI.create("tcp://h:1"), null, null, null,
                "u", "pw", "gw1-enroll"));
        assertEquals(0x10, p[0] & 0xFF);
        assertEquals(p.length - 2, p[1]);
        assertEquals(5, p[8], "protocol level 5");
        assertEquals(0xC2, p[9] & 0xFF, "user name, password, clean start");
        assertTrue(new String(p, java.nio.charset.StandardCharsets.UTF_8).endsWith("gw1-enroll\0\1u\0\2pw"));
    }
}
