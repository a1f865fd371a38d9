package cat.smartregion.gateway.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.Quality;
import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.Value;
import cat.smartregion.gateway.api.device.DeviceConfig;
import cat.smartregion.gateway.api.device.DeviceReader;
import cat.smartregion.gateway.api.device.ReadResult;
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
import java.net.URI;
import java.time.Duration;
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
 * socat). A profile with derived points is read with the installation's parameters by the
 * distribution's DeviceReader in this JVM ({@code gateway read} takes no parameters). Serial and CoAP
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

    /**
     * {@code gateway read} takes no device parameters, so a profile whose derived points need the
     * installation's (a container's empty and full distances) is read by the same DeviceReader in the
     * distribution's OSGi runtime, started in this JVM, with a device configuration that has them.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("derivingProfileIds")
    void readsDerivedPointsWithTheInstallationsParameters(String id) throws Exception {
        ProfileDevice device = ProfileDevice.of(PROFILES.resolve(id + ".yaml"));
        int unit = UNITS.incrementAndGet();
        slave.add(unit, device.bank());
        Map<String, String> params = PARAMS.getOrDefault(id, Map.of());
        try (GatewayRuntime runtime = GatewayRuntime.start(GatewayProcess.DIST.resolve("bundles"), work.resolve("felix"))) {
            runtime.configure(GatewayRuntime.PID_IDENTITY, Map.of("tenant", "town", "gateway", "gw1"));
            runtime.configure(GatewayRuntime.PID_PROFILES, Map.of("directory", PROFILES.toString()));
            DeviceReader reader = runtime.service(DeviceReader.class, Duration.ofSeconds(20));
            ReadResult result = reader.read(new DeviceConfig(id, id, URI.create("modbus-tcp://127.0.0.1:" + slave.port()
                    + "?unit=" + unit), Duration.ofSeconds(5), params));

            assertEquals(List.of(), result.failures(), id);
            List<String> lines = result.readings().stream().map(ReadingJson::line).toList();
            assertReadingsMatch(device, new GatewayProcess.Outcome(0, String.join("\n", lines), ""));
            for (String derived : device.derived()) {
                Reading reading = result.readings().stream().filter(r -> r.point().equals(derived)).findFirst()
                        .orElseThrow(() -> new AssertionError(id + ": no reading of the derived point " + derived + " in " + lines));
                assertEquals(Quality.GOOD, reading.quality(), reading.toString());
                if (derived.equals("fillingLevel")) {
                    assertEquals(fillingLevel(device, params), ((Value.Number) reading.value()).value(), 1e-6, reading.toString());
                }
            }
        }
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
