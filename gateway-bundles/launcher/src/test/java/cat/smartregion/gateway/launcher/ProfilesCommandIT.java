package cat.smartregion.gateway.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gateway profiles list|validate} from the built distribution. */
class ProfilesCommandIT {

    @TempDir
    Path work;

    @Test
    void listsTheLibrary() throws Exception {
        GatewayProcess.Outcome outcome = GatewayProcess.run(work, 60, "profiles", "list");

        assertEquals(0, outcome.exit(), outcome.err());
        assertTrue(outcome.out().contains("eastron-sdm630"), outcome.out());
        assertTrue(outcome.out().contains("eastron-sdm120"), outcome.out());
    }

    @Test
    void validatesAGoodFileAndNamesTheLineOfABadOne() throws Exception {
        Path good = GatewayProcess.DIST.resolve("profiles").resolve("eastron-sdm120.yaml");
        Path bad = work.resolve("bad-meter.yaml");
        Files.writeString(bad, Files.readString(good).replace("quantity: voltage", "quantity: voltaje")
                .replace("id: eastron-sdm120", "id: bad-meter").replace("quantity: frequency", "quantity: frecuency"));

        GatewayProcess.Outcome outcome = GatewayProcess.run(work, 60, "profiles", "validate", good.toString(), bad.toString());

        assertEquals(Main.USAGE, outcome.exit(), outcome.out() + outcome.err());
        assertTrue(outcome.out().contains("eastron-sdm120.yaml: ok"), outcome.out());
        assertTrue(outcome.err().startsWith(bad + ":"), "the path as typed: " + outcome.err());
        for (String quantity : java.util.List.of("voltaje", "frecuency")) {
            assertTrue(outcome.err().lines().anyMatch(l -> l.matches(java.util.regex.Pattern.quote(bad.toString())
                    + ":\\d+:\\d+: point '\\w+': unknown quantity '" + quantity + "'.*")), "every bad point, one a line: " + outcome.err());
        }
    }
}
