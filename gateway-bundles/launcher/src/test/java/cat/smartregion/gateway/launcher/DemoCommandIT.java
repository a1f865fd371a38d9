package cat.smartregion.gateway.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gateway demo --duration} from the built distribution, in the distribution's 64 MB heap. */
class DemoCommandIT {

    @TempDir
    Path work;

    @Test
    void runsStopsByItselfAndDeliversEverythingItStored() throws Exception {
        GatewayProcess.Outcome outcome = GatewayProcess.run(work, 180, "demo", "--duration", "8s", "--interval", "1s",
                "--work", work.resolve("demo").toString());

        assertEquals(0, outcome.exit(), outcome.out() + outcome.err());
        assertTrue(outcome.out().contains("http://127.0.0.1:"), "prints the platform's base URL: " + outcome.out());
        JsonNode summary = GatewayProcess.json(outcome.lastLine());
        assertTrue(summary.get("polled").asLong() > 0, summary.toString());
        assertTrue(summary.get("stored").asLong() > 0, summary.toString());
        assertEquals(summary.get("stored").asLong(), summary.get("delivered").asLong(), summary.toString());
        assertEquals(0, summary.get("lost").asLong(), summary.toString());
        assertEquals(0, summary.get("backlog").asLong(), summary.toString());
        assertEquals(summary.get("delivered").asLong(), summary.get("platformObservations").asLong(), summary.toString());
    }
}
