package cat.smartregion.gateway.buffer.internal;

import static cat.smartregion.gateway.buffer.internal.Fixtures.givenReadings;
import static cat.smartregion.gateway.buffer.internal.Fixtures.range;
import static cat.smartregion.gateway.buffer.internal.Fixtures.seqs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.buffer.Batch;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync agent's handling of SendResult.PartlyDelivered: reject the refused readings, ack the rest. */
class PartlyDeliveredTest {

    @TempDir
    Path dir;

    @Test
    void aClaimedBatchIsSplitIntoRejectedAndAcknowledged() throws Exception {
        try (SqliteBuffer buffer = Fixtures.givenBuffer(dir)) {
            buffer.append(givenReadings(0, 10));
            Batch claimed = buffer.claim(8, Long.MAX_VALUE);
            List<Reading> refused = List.of(claimed.readings().get(2), claimed.readings().get(5));
            buffer.reject(new Batch(refused), "point \"voltage\" unknown\tto the catalog");
            buffer.ack(new Batch(claimed.readings().stream().filter(r -> !refused.contains(r)).toList()));

            assertEquals(2, buffer.figures().backlog());
            assertEquals(6, buffer.figures().delivered());
            assertEquals(2, buffer.figures().deadLettered());
            assertEquals(range(9, 10), seqs(buffer.claim(100, Long.MAX_VALUE).readings()));

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertEquals(2, buffer.exportDeadLetters(out));
            String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
            assertEquals(2, lines.length);
            assertTrue(lines[0].startsWith("{\"seq\":3,\"tenant\":\"diba-sant-cugat\",\"gateway\":\"gw-0001\","
                    + "\"device\":\"meter-2\",\"point\":\"voltage\""), lines[0]);
            assertTrue(lines[0].contains("\"value\":\"230.2\""), lines[0]);
            assertTrue(lines[0].endsWith(",\"reason\":\"point \\\"voltage\\\" unknown\\tto the catalog\",\"rejectedAt\":"
                    + lines[0].substring(lines[0].lastIndexOf(':') + 1)), lines[0]);
            assertTrue(lines[1].startsWith("{\"seq\":6,"), lines[1]);
        }
        try (SqliteBuffer reopened = Fixtures.givenBuffer(dir)) {
            assertEquals(2, reopened.figures().deadLettered());
            assertEquals(11, reopened.append(givenReadings(0, 1)).get(0).seq(), "seqs of dead letters never reused");
        }
    }

    @Test
    void afterAckingEverythingTheSequenceStillContinues() {
        try (SqliteBuffer buffer = Fixtures.givenBuffer(dir)) {
            buffer.append(givenReadings(0, 5));
            buffer.ack(buffer.claim(5, Long.MAX_VALUE));
        }
        try (SqliteBuffer reopened = Fixtures.givenBuffer(dir)) {
            assertEquals(5, reopened.figures().lastSeq());
            assertEquals(6, reopened.append(givenReadings(0, 1)).get(0).seq());
        }
    }
}
