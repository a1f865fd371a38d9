package cat.smartregion.gateway.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every mistake in gateway.yaml is caught before anything starts, naming where it is. */
class GatewayFileTest {

    private static final String GOOD = """
            tenant: sant-cugat
            gateway: gw-1
            buffer:
              path: data/buffer.db
            sentilo:
              url: https://sentilo.example.cat/api
              provider: sant-cugat-gw1
              tokenFile: sentilo.token
            devices:
              - id: sdm630-1
                profile: eastron-sdm630
                endpoint: "modbus-tcp://10.0.0.5:502?unit=1"
                interval: 5s
            """;

    @TempDir
    Path dir;

    private String error(String yaml) throws Exception {
        Path file = dir.resolve("gateway.yaml");
        Files.writeString(file, yaml);
        return assertThrows(GatewayFile.ConfigException.class, () -> GatewayFile.read(file)).getMessage();
    }

    @Test
    void aGoodFileReadsWithItsToken() throws Exception {
        Path file = dir.resolve("gateway.yaml");
        Files.writeString(file, GOOD);
        Path token = dir.resolve("sentilo.token");
        Files.writeString(token, "secret-token\\n");
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-------"));

        GatewayFile config = GatewayFile.read(file);

        assertEquals("gw-1", config.gateway());
        assertEquals(1, config.devices().size());
        assertEquals("secret-token", config.sentiloToken(file).replace("\\n", ""));
    }

    @Test
    void aTokenOthersMayReadIsRefused() throws Exception {
        Path file = dir.resolve("gateway.yaml");
        Files.writeString(file, GOOD);
        Path token = dir.resolve("sentilo.token");
        Files.writeString(token, "secret-token");
        Files.setPosixFilePermissions(token, PosixFilePermissions.fromString("rw-r--r--"));

        String message = assertThrows(GatewayFile.ConfigException.class,
                () -> GatewayFile.read(file).sentiloToken(file)).getMessage();

        assertTrue(message.contains("chmod 600"), message);
        assertTrue(!message.contains("secret-token"), "never the token itself: " + message);
    }

    @Test
    void anUnknownKeyNamesItsLineAndColumn() throws Exception {
        String message = error(GOOD.replace("  path: data/buffer.db", "  path: data/buffer.db\n  colour: red"));
        assertTrue(message.matches(".*gateway\\.yaml:\\d+:\\d+: unknown key 'colour' \\(expected one of \\[path, synchronous\\]\\)"),
                message);
    }

    @Test
    void aBadIntervalIsAConfigurationError() throws Exception {
        String message = error(GOOD.replace("interval: 5s", "interval: 5 sec"));
        assertTrue(message.contains("device sdm630-1") && message.contains("5 sec"), message);
    }

    @Test
    void theComponentsChecksComeFirst() throws Exception {
        assertTrue(error(GOOD.replace("gateway: gw-1", "gateway: gw 1")).contains("gw 1"));
        assertTrue(error(GOOD.replace("id: sdm630-1", "id: sdm630.1")).contains("sdm630.1"));
        assertTrue(error(GOOD.replace("interval: 5s", "interval: 50ms")).contains("at least 100 ms"));
        assertTrue(error(GOOD.replace("https://sentilo", "ftp://sentilo")).contains("https://"));
        assertTrue(error(GOOD.replace("tenant: sant-cugat\n", "")).contains("'tenant' is missing"));
    }

    @Test
    void deviceParametersAndSlowerPointsReachThePollersConfiguration() throws Exception {
        Path file = dir.resolve("gateway.yaml");
        Files.writeString(file, GOOD + """
                    params: {location: "41.39 2.17", ctRatio: "40"}
                    pointIntervals: {totalActiveEnergyImport: 15m}
                """);
        java.util.Map<String, Object> poller = GatewayFile.read(file).devices().get(0).configuration();
        assertEquals(java.util.List.of("ctRatio=40", "location=41.39 2.17"), java.util.List.of((String[]) poller.get("params")));
        assertEquals(java.util.List.of("totalActiveEnergyImport=900000"), java.util.List.of((String[]) poller.get("pointIntervals")));
        assertEquals(5000L, poller.get("interval.ms"));

        String notAMultiple = error(GOOD + """
                    pointIntervals: {totalActiveEnergyImport: 7s}
                """);
        assertTrue(notAMultiple.contains("device sdm630-1: point totalActiveEnergyImport: interval 7s must be a multiple"),
                notAMultiple);
    }

    @Test
    void aProfilesFolderIsReadFromTheFilesFolderAndMustExist() throws Exception {
        assertTrue(error(GOOD + "profiles: my-profiles\n").contains(dir.resolve("my-profiles").toString()));
    }

    @Test
    void aPushingDeviceNeedsTheCoapServerWhichThePlanConfigures() throws Exception {
        Path key = dir.resolve("sensor-7.psk");
        Files.writeString(key, "secret-key");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        String pushing = GOOD + """
                  - id: aq-7
                    profile: generic-senml
                    endpoint: "coap-push:sensor-7?keyFile=%s"
                """.formatted(key);
        assertTrue(error(pushing).contains("device aq-7 pushes to the gateway's CoAP server: add a 'coapServer:' section"));

        Path file = dir.resolve("gateway.yaml");
        Files.writeString(file, pushing + "coapServer: {port: 15684}\nprofiles: .\n");
        Plan plan = Plan.of(GatewayFile.read(file), dir, dir.resolve("buffer.db"), "token");
        assertEquals(java.util.Map.of("port", 15684), plan.singletons().get(GatewayRuntime.PID_COAP_SERVER));

        String server = "coapServer: {port: 15684}\n";
        String twice = pushing + """
                  - id: aq-8
                    profile: generic-senml
                    endpoint: "coap-push:sensor-7?keyFile=%s"
                """.formatted(key) + server;
        assertTrue(error(twice).contains("device aq-8: device aq-7 already pushes as sensor-7"), error(twice));
        assertTrue(error(pushing.replace("coap-push:", "mqtt-push:") + server).contains("no server takes pushes at mqtt-push:"));
        assertTrue(error(pushing + "coapServer: {maxPayloadBytes: 10}\n").contains("maxPayloadBytes must be 64-1048576"));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        assertTrue(error(pushing + server).contains("holds a secret but others may read it"), error(pushing + server));
    }
}
