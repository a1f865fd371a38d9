package cat.smartregion.gateway.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.simulator.platform.BatchRecord;
import cat.smartregion.gateway.simulator.platform.StoredObservation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The crash test's check must fail on every way of losing or garbling a reading, and pass a
 * re-send after a kill. Readings here: sequence number n is sensor "s" + (n % 2) at second n / 2.
 */
class CrashLedgerTest {

    private final List<BatchRecord> batches = new ArrayList<>();
    private final List<StoredObservation> observations = new ArrayList<>();

    @Test
    void acceptsBatchesThatFollowEachOther() {
        send(1, 4, 100, 200);
        send(5, 6, 101, 200);

        CrashLedger.Verdict verdict = CrashLedger.check(batches, observations, 6);

        assertEquals(6, verdict.readings());
        assertEquals(0, verdict.duplicates());
        assertEquals(List.of(0L, 1000L, 1000L, 2000L, 2000L, 3000L), verdict.readingTimes());
    }

    @Test
    void acceptsAReSendOfTheSameSequenceNumbersWithTheSameValues() {
        send(1, 4, 100, 200);
        send(3, 6, 101, 200);   // the ack of 1-4 was lost; 3-4 were claimed again with 5-6

        CrashLedger.Verdict verdict = CrashLedger.check(batches, observations, 6);

        assertEquals(2, verdict.duplicates());
        assertEquals(8, verdict.observations());
    }

    @Test
    void ignoresRefusedRequestsThatStoredNothing() {
        batches.add(new BatchRecord("p", 1, 2, 99, 2, 503));
        send(1, 2, 100, 200);

        assertEquals(1, CrashLedger.check(batches, observations, 2).refused());
    }

    @Test
    void failsOnAGap() {
        send(1, 2, 100, 200);
        send(4, 5, 101, 200);

        assertMessage("never accepted by the platform (1-5 expected): 3-3", 5);
    }

    @Test
    void failsWhenTheLastSequenceNumbersNeverArrived() {
        send(1, 2, 100, 200);

        assertMessage("never accepted by the platform (1-3 expected): 3-3", 3);
    }

    @Test
    void failsWhenOnlyARefusedRequestCarriedASequenceNumber() {
        send(1, 2, 100, 200);
        batches.add(new BatchRecord("p", 3, 3, 101, 1, 500));

        assertMessage("3-3", 3);
    }

    @Test
    void failsOnADuplicateWithAnotherValue() {
        send(1, 2, 100, 200);
        observations.add(observation(2, "changed", 101));
        batches.add(new BatchRecord("p", 2, 2, 101, 1, 200));

        assertMessage("1 duplicates differ from their original", 2);
    }

    @Test
    void failsOnAReadingStoredAgainUnderANewSequenceNumber() {
        send(1, 2, 100, 200);
        observations.add(observation(2, value(2), 101));   // reading 2 again, as sequence number 3
        batches.add(new BatchRecord("p", 3, 3, 101, 1, 200));

        assertMessage("arrived again under another sequence number", 3);
    }

    @Test
    void failsOnAnObservationOutsideAcceptedRequests() {
        send(1, 2, 100, 200);
        observations.add(observation(3, value(3), 555));

        assertMessage("arrival 555: 1 stored, accepted requests carried 0", 2);
    }

    @Test
    void failsOnAnAcceptedRequestMissingObservations() {
        send(1, 2, 100, 200);
        batches.add(new BatchRecord("p", 3, 4, 101, 1, 200));
        observations.add(observation(3, value(3), 101));

        assertMessage("do not carry one observation per sequence number", 4);
    }

    @Test
    void failsWhenThePlatformAcceptedBeyondTheLastSequenceNumber() {
        send(1, 3, 100, 200);

        assertMessage("accepted sequence numbers up to 3 but the buffer's last is 2", 2);
    }

    private void assertMessage(String expected, long lastSeq) {
        AssertionError error = assertThrows(AssertionError.class, () -> CrashLedger.check(batches, observations, lastSeq));
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    /** Sequence numbers first..last arrive in one request at time {@code received} with {@code status}. */
    private void send(long first, long last, long received, int status) {
        batches.add(new BatchRecord("p", first, last, received, (int) (last - first + 1), status));
        for (long seq = first; seq <= last; seq++) {
            observations.add(observation(seq, value(seq), received));
        }
    }

    private static String value(long seq) {
        return "23" + seq + ".5";
    }

    private static StoredObservation observation(long seq, String value, long received) {
        return new StoredObservation("p", "s" + (seq % 2), value, seq / 2 * 1000, "", received);
    }
}
