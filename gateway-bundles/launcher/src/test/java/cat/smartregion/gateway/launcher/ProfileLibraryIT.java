package cat.smartregion.gateway.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.simulator.devices.ModbusSlave;
import cat.smartregion.gateway.simulator.devices.SocatPair;
import cat.smartregion.gateway.simulator.devices.Wire;
import cat.smartregion.gateway.simulator.devices.profile.ProfileDevice;
import cat.smartregion.gateway.simulator.devices.profile.ProfileFile;
import cat.smartregion.gateway.simulator.devices.profile.ServedPoint;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every profile of the distribution's library has a simulated device read through the gateway.
 * Each Modbus profile is served by simulator-devices' {@link ProfileDevice} (values inside each
 * point's range, encoded by the simulator's own code) under its own unit id on one Modbus TCP port;
 * {@code gateway read --json} runs as a separate process and every normalized reading must equal the
 * served value in the canonical unit, within half a register count (one part in a million for
 * float32). One profile is also read over Modbus RTU on a socat pseudo-terminal pair (Debian's
 * socat). A profile with derived points is read with the installation's parameters
 * ({@code gateway read --param}). Serial and CoAP
 * profiles are read by {@link SerialReadIT}, {@link CoapReadIT} and CoapPushIT; a profile of the
 * library that no test reads fails {@link #everyProfileOfTheLibraryIsReadThroughTheGatewayByATest()}.
 */
class ProfileLibraryIT {

    private static final Path PROFILES = GatewayProcess.DIST.resolve("profiles");

    /** Non-Modbus profiles and the test that reads each through the gateway. */
    private static final Map<String, String> READ_ELSEWHERE = Map.of(
            "plantower-pms5003", "SerialReadIT", "svantek-sv971a", "SerialReadIT", "senml-air-quality-coap", "CoapReadIT",
            "generic-senml", "CoapPushIT");

    /** Installation parameters of the profiles with derived points. */
    private static final Map<String, Map<String, String>> PARAMS = Map.of(
            "apg-mnu", Map.of("emptyDistance", "10.0", "fullDistance", "0.5"));

    private static final AtomicInteger UNITS = new AtomicInteger();
    private static ModbusSlave slave;

    @TempDir
    Path work;

    @BeforeAll
    static void startTheSlave() throws IOException {
        slave = ModbusSlave.tcp(InetAddress.getLoopbackAddress(), 0, Wire.TCP);
    }

    @AfterAll
    static void stop() {
        if (slave != null) {
            slave.close();
        }
    }

    /**
     * The ids of the library's Modbus profiles without derived points, and of any file that does not
     * even read (its test fails).
     */
    static Stream<String> modbusProfileIds() {
        return profileFiles().stream().filter(file -> read(file).map(p -> p.isModbus() && p.derived().isEmpty()).orElse(true))
                .map(ProfileLibraryIT::id);
    }

    /** The ids of the Modbus profiles with derived points, which need the installation's parameters. */
    static Stream<String> derivingProfileIds() {
        return profileFiles().stream().filter(file -> read(file).map(p -> p.isModbus() && !p.derived().isEmpty()).orElse(false))
                .map(ProfileLibraryIT::id);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modbusProfileIds")
    void readsTheServedValuesOverModbusTcp(String id) throws Exception {
        ProfileDevice device = ProfileDevice.of(PROFILES.resolve(id + ".yaml"));
        int unit = UNITS.incrementAndGet();
        slave.add(unit, device.bank());
        GatewayProcess.Outcome outcome = GatewayProcess.run(work, 60, "read", "--profile", id, "--endpoint",
                "modbus-tcp://127.0.0.1:" + slave.port() + "?unit=" + unit, "--device", id, "--json");

        assertEquals(0, outcome.exit(), id + ": " + outcome.err());
        assertReadingsMatch(device, outcome);
    }

    /** A profile whose derived points need the installation's parameters (a container's distances) gets them with --param. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("derivingProfileIds")
    void readsDerivedPointsWithTheInstallationsParameters(String id) throws Exception {
        ProfileDevice device = ProfileDevice.of(PROFILES.resolve(id + ".yaml"));
        int unit = UNITS.incrementAndGet();
        slave.add(unit, device.bank());
        Map<String, String> params = PARAMS.getOrDefault(id, Map.of());
        List<String> command = new ArrayList<>(List.of("read", "--profile", id, "--endpoint",
                "modbus-tcp://127.0.0.1:" + slave.port() + "?unit=" + unit, "--device", id, "--json"));
        params.forEach((key, value) -> command.addAll(List.of("--param", key + "=" + value)));
        GatewayProcess.Outcome outcome = GatewayProcess.run(work, 60, command.toArray(String[]::new));

        assertEquals(0, outcome.exit(), id + ": " + outcome.err());
        assertReadingsMatch(device, outcome);
        for (String derived : device.derived()) {
            JsonNode reading = outcome.lines().stream().map(GatewayProcess::json).filter(r -> r.get("point").asText().equals(derived))
                    .findFirst().orElseThrow(() -> new AssertionError(id + ": no reading of the derived point " + derived
                            + " in " + outcome.out()));
            assertEquals("GOOD", reading.get("quality").asText(), reading.toString());
            if (derived.equals("fillingLevel")) {
                assertEquals(fillingLevel(device, params), reading.get("value").asDouble(), 1e-6, reading.toString());
            }
        }

        GatewayProcess.Outcome without = GatewayProcess.run(work, 60, "read", "--profile", id, "--endpoint",
                "modbus-tcp://127.0.0.1:" + slave.port() + "?unit=" + unit);
        assertEquals(2, without.exit(), "the missing parameters are named: " + without.out() + without.err());
        assertTrue(without.err().contains("emptyDistance"), without.err());
    }

    /** 0 empty to 1 full: how far the surface has come from the empty distance towards the full one. */
    private static double fillingLevel(ProfileDevice device, Map<String, String> params) {
        double distance = device.served().stream().filter(p -> p.point().equals("distance")).findFirst().orElseThrow().value();
        double empty = Double.parseDouble(params.get("emptyDistance"));
        double full = Double.parseDouble(params.get("fullDistance"));
        return (empty - distance) / (empty - full);
    }

    @Test
    void readsAnInt32WordSwappedMeterOverModbusRtuOnASerialLine() throws Exception {
        ProfileDevice device = ProfileDevice.of(PROFILES.resolve("carlogavazzi-em340.yaml"));
        try (SocatPair pair = SocatPair.open(work);
             ModbusSlave serial = ModbusSlave.serial(pair.b(), 9600, 'N', Wire.RTU).add(7, device.bank())) {
            GatewayProcess.Outcome outcome = GatewayProcess.run(work, 60, "read", "--profile", device.id(), "--endpoint",
                    "modbus-rtu://" + pair.a() + "?baud=9600&unit=7", "--device", device.id(), "--json");

            assertEquals(0, outcome.exit(), outcome.err());
            assertReadingsMatch(device, outcome);
            assertTrue(serial.requests(7) > 0, "the RTU slave was asked");
        }
    }

    @Test
    void everyProfileOfTheLibraryIsReadThroughTheGatewayByATest() throws IOException {
        List<String> untested = new ArrayList<>();
        for (Path file : profileFiles()) {
            ProfileFile profile = ProfileFile.read(file);
            if (profile.isModbus()) {
                assertEquals(List.of(), ProfileDevice.of(profile).skipped(), profile.id() + ": points the simulator does not serve");
            } else if (!READ_ELSEWHERE.containsKey(profile.id())) {
                untested.add(profile.id());
            }
        }
        assertEquals(List.of(), untested, "profiles with no simulated device read through the gateway");
        List<String> ids = profileFiles().stream().map(ProfileLibraryIT::id).toList();
        assertTrue(ids.containsAll(List.of("siemens-sitrans-fm-mag6000", "hardwario-gauger")), ids.toString());
    }

    private static void assertReadingsMatch(ProfileDevice device, GatewayProcess.Outcome outcome) {
        Map<String, JsonNode> readings = outcome.lines().stream().map(GatewayProcess::json)
                .collect(Collectors.toMap(r -> r.get("point").asText(), Function.identity(), (a, b) -> a));
        List<String> wrong = new ArrayList<>();
        for (ServedPoint served : device.served()) {
            JsonNode reading = readings.get(served.point());
            if (reading == null) {
                wrong.add(served.point() + ": no reading");
            } else if (!served.unit().equals(reading.get("unit").asText()) || !served.matches(reading.get("value").asDouble())
                    || !"GOOD".equals(reading.get("quality").asText())) {
                wrong.add(served.point() + ": read " + reading.get("value") + " " + reading.get("unit").asText() + " "
                        + reading.get("quality").asText() + ", served " + served.value() + " " + served.unit()
                        + " +- " + served.tolerance() + " as " + served.json(0, device.id()));
            }
        }
        assertFalse(device.served().isEmpty(), device.id() + " serves nothing");
        assertEquals(List.of(), wrong, device.id() + ": readings differ from what was served");
    }

    private static List<Path> profileFiles() {
        if (!Files.isDirectory(PROFILES)) {
            throw new AssertionError("no profiles in the distribution at " + PROFILES + ": mvn -pl gateway-bundles/launcher package");
        }
        try (Stream<Path> files = Files.list(PROFILES)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.util.Optional<ProfileFile> read(Path file) {
        try {
            return java.util.Optional.of(ProfileFile.read(file));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static String id(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".yaml".length());
    }
}
