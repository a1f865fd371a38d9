package cat.smartregion.gateway.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gateway read} from the built distribution over CoAP: the CoAP driver bundle (Californium
 * embedded) resolves and works in Felix, against the simulated air-quality node run as its own
 * process (simulator/coap's classes, with the Californium and Jackson classes of the distribution).
 */
class CoapReadIT {

    private static final Path SIMULATOR = Paths.get("..", "..", "simulator", "coap", "target", "classes").toAbsolutePath();

    @TempDir
    Path work;

    @Test
    void readsTheSenmlAirQualityNodeAsJsonLines() throws Exception {
        try (Simulator simulator = Simulator.start(work)) {
            GatewayProcess.Outcome outcome = GatewayProcess.run(work, 60, "read", "--profile", "senml-air-quality-coap",
                    "--endpoint", simulator.uri() + "/aq/senml", "--device", "aq-1", "--json");

            assertEquals(0, outcome.exit(), outcome.err());
            Map<String, JsonNode> readings = outcome.lines().stream().map(GatewayProcess::json)
                    .collect(Collectors.toMap(r -> r.get("point").asText(), Function.identity()));
            assertEquals(List.of("pm10", "pm25", "relativeHumidity", "temperature"), readings.keySet().stream().sorted().toList());
            readings.values().forEach(r -> assertEquals("GOOD", r.get("quality").asText(), r.toString()));
            readings.values().forEach(r -> assertEquals("aq-1", r.get("device").asText(), r.toString()));
            // the simulator's first values (tick 0): PM10 14.8 ug/m3, PM2.5 8.0, 18.0 Cel, 70.0 %RH
            assertEquals("kg/m3", readings.get("pm10").get("unit").asText());
            assertEquals(14.8e-9, readings.get("pm10").get("value").asDouble(), 1e-15);
            assertEquals(8.0e-9, readings.get("pm25").get("value").asDouble(), 1e-15);
            assertEquals(18.0, readings.get("temperature").get("value").asDouble(), 1e-9);
            assertEquals("Cel", readings.get("temperature").get("unit").asText());
            assertEquals(70.0, readings.get("relativeHumidity").get("value").asDouble(), 1e-9);
            assertFalse(Files.exists(work.resolve("Californium3.properties")), "Californium3.properties written");
        }
    }

    @Test
    void theGenericSenmlProfileReadsEveryRecordWithItsNameAndUnit() throws Exception {
        try (Simulator simulator = Simulator.start(work)) {
            GatewayProcess.Outcome outcome = GatewayProcess.run(work, 60, "read", "--profile", "generic-senml",
                    "--endpoint", simulator.uri() + "/aq/senml", "--device", "aq-1", "--json");

            assertEquals(0, outcome.exit(), outcome.err());
            Map<String, JsonNode> readings = outcome.lines().stream().map(GatewayProcess::json)
                    .collect(Collectors.toMap(r -> r.get("point").asText(), Function.identity()));
            assertEquals(List.of("humidity", "pm10", "pm25", "temperature"), readings.keySet().stream().sorted().toList(),
                    "the records' own names");
            assertEquals("massConcentration", readings.get("pm10").get("quantity").asText());
            assertEquals(14.8e-9, readings.get("pm10").get("value").asDouble(), 1e-15);
            assertEquals("relativeHumidity", readings.get("humidity").get("quantity").asText());
            assertEquals(70.0, readings.get("humidity").get("value").asDouble(), 1e-9);
            assertEquals("Cel", readings.get("temperature").get("unit").asText());
        }
    }

    @Test
    void aMissingResourceIsReportedWithItsCoapCode() throws Exception {
        try (Simulator simulator = Simulator.start(work)) {
            GatewayProcess.Outcome outcome = GatewayProcess.run(work, 60, "read", "--profile", "senml-air-quality-coap",
                    "--endpoint", simulator.uri() + "/aq/nothing-here");

            assertEquals(Main.NO_ANSWER, outcome.exit(), outcome.err());
            assertTrue(outcome.err().contains("EXCEPTION (exception 4.04)"), outcome.err());
            assertFalse(outcome.err().contains("\tat org.eclipse.californium") || outcome.err().contains("\tat cat.smartregion.gateway.driver.coap"),
                    "no stack trace of the CoAP driver: " + outcome.err());
        }
    }

    /** The simulator as a separate process, stopped by closing its standard input. */
    private record Simulator(Process process, String uri) implements AutoCloseable {

        static Simulator start(Path work) throws IOException {
            if (!Files.isDirectory(SIMULATOR)) {
                throw new AssertionError("the CoAP simulator is not built at " + SIMULATOR
                        + ": mvn -B -q -pl simulator/coap install");
            }
            Path bundles = GatewayProcess.DIST.resolve("bundles");
            String classPath = Stream.concat(Stream.of(SIMULATOR.toString(), GatewayProcess.DIST.resolve("lib") + "/*"),
                    Stream.of("driver-coap-", "jackson-dataformat-cbor-").map(prefix -> jar(bundles, prefix)))
                    .collect(Collectors.joining(File.pathSeparator));
            Process process = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx64m", "-XX:+UseSerialGC", "-cp", classPath,
                    "cat.smartregion.gateway.simulator.coap.CoapSimulatorMain", "0", "0")
                    .directory(work.toFile()).redirectError(work.resolve("simulator.log").toFile()).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String uri = out.readLine();
            if (uri == null || !uri.startsWith("coap://")) {
                process.destroyForcibly();
                throw new AssertionError("the simulator did not start: " + Files.readString(work.resolve("simulator.log")));
            }
            return new Simulator(process, uri);
        }

        @Override
        public void close() throws Exception {
            process.getOutputStream().close();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** The jar of the distribution's bundles whose name starts with the prefix. */
    static String jar(Path folder, String prefix) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + prefix + "*.jar in " + folder)).toString();
        } catch (IOException e) {
            throw new AssertionError("cannot list " + folder, e);
        }
    }
}
