package cat.smartregion.gateway.launcher;

import cat.smartregion.gateway.simulator.platform.BatchRecord;
import cat.smartregion.gateway.simulator.platform.StoredObservation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The crash test's check at the receiving side: what the stand-in platform recorded (the data
 * requests with their {@code X-Gateway-Batch: first-last} header and HTTP status, and every
 * observation it stored) against the buffer's last sequence number.
 *
 * <p>The platform does not see sequence numbers per observation, only per request. A reading is
 * identified at the platform by its sensor and its timestamp (Sentilo timestamps have seconds
 * resolution, so the gateway must poll each device at most once per second), and an observation
 * belongs to the request it arrived with (the platform stamps both with the same arrival time).
 * From these the ledger proves:
 * <ol>
 *   <li>the accepted (HTTP 200) requests cover every sequence number from 1 to the last, no gap,
 *       and none beyond;</li>
 *   <li>each accepted request carried one observation per sequence number of its range, and the
 *       platform stored exactly those: no observation arrived outside an accepted request;</li>
 *   <li>every duplicate (same sensor and timestamp stored more than once) has the same value each
 *       time, and all its copies came in requests whose ranges share a sequence number: a re-send
 *       of the same sequence number, never the same reading stored again under a new number;</li>
 *   <li>the distinct readings are exactly as many as the sequence numbers.</li>
 * </ol>
 */
final class CrashLedger {

    private static final int EXAMPLES = 5;

    /** A reading as the platform identifies it. */
    record Key(String sensor, long time) {
    }

    /**
     * What the check found.
     *
     * @param lastSeq         the buffer's last sequence number
     * @param observations    observations the platform stored, duplicates included
     * @param readings        distinct readings (sensor, timestamp), equal to {@code lastSeq}
     * @param duplicates      observations that repeat an earlier one ({@code observations - readings})
     * @param accepted        accepted requests
     * @param refused         requests answered with another status (they stored nothing)
     * @param readingTimes    timestamp of every distinct reading, ms, ascending
     */
    record Verdict(long lastSeq, long observations, long readings, long duplicates, int accepted, int refused,
                   List<Long> readingTimes) {
        Verdict {
            readingTimes = List.copyOf(readingTimes);
        }
    }

    private record Range(long first, long last) {
        Range union(Range other) {
            return new Range(Math.min(first, other.first), Math.max(last, other.last));
        }
    }

    private CrashLedger() {
    }

    /**
     * Checks the platform's records against the buffer's last sequence number.
     *
     * @throws AssertionError naming the first problems found, with examples
     */
    static Verdict check(List<BatchRecord> batches, List<StoredObservation> observations, long lastSeq) {
        List<BatchRecord> accepted = batches.stream().filter(BatchRecord::delivered)
                .sorted(Comparator.comparingLong(BatchRecord::firstSeq).thenComparingLong(BatchRecord::lastSeq))
                .toList();
        checkCoverage(accepted, lastSeq);
        checkCounts(accepted);
        Map<Long, Range> rangeByArrival = checkArrivals(accepted, observations);
        Map<Key, List<StoredObservation>> byKey = observations.stream().collect(Collectors.groupingBy(
                o -> new Key(o.sensor(), o.time()), LinkedHashMap::new, Collectors.toList()));
        checkDuplicates(byKey, rangeByArrival);
        if (byKey.size() != lastSeq) {
            throw new AssertionError("the platform holds " + byKey.size() + " distinct readings (sensor, timestamp) for "
                    + lastSeq + " sequence numbers: a reading was stored twice under different numbers, or two"
                    + " readings of one sensor share a timestamp");
        }
        List<Long> times = byKey.keySet().stream().map(Key::time).sorted().toList();
        return new Verdict(lastSeq, observations.size(), byKey.size(), observations.size() - byKey.size(),
                accepted.size(), batches.size() - accepted.size(), times);
    }

    private static void checkCoverage(List<BatchRecord> sorted, long lastSeq) {
        List<String> gaps = new ArrayList<>();
        long next = 1;
        for (BatchRecord batch : sorted) {
            if (batch.firstSeq() > next) {
                gaps.add(next + "-" + (batch.firstSeq() - 1));
            }
            next = Math.max(next, batch.lastSeq() + 1);
        }
        if (next <= lastSeq) {
            gaps.add(next + "-" + lastSeq);
        }
        if (!gaps.isEmpty()) {
            throw new AssertionError("sequence numbers never accepted by the platform (1-" + lastSeq + " expected): "
                    + examples(gaps));
        }
        if (next != lastSeq + 1) {
            throw new AssertionError("the platform accepted sequence numbers up to " + (next - 1)
                    + " but the buffer's last is " + lastSeq);
        }
    }

    private static void checkCounts(List<BatchRecord> accepted) {
        List<BatchRecord> wrong = accepted.stream()
                .filter(b -> b.observations() != b.lastSeq() - b.firstSeq() + 1).toList();
        if (!wrong.isEmpty()) {
            throw new AssertionError(wrong.size() + " accepted requests do not carry one observation per sequence number: "
                    + examples(wrong));
        }
    }

    /** Every observation arrived with an accepted request, as many as those requests carried. */
    private static Map<Long, Range> checkArrivals(List<BatchRecord> accepted, List<StoredObservation> observations) {
        Map<Long, Long> expected = new HashMap<>();
        Map<Long, Range> ranges = new HashMap<>();
        for (BatchRecord b : accepted) {
            expected.merge(b.received(), (long) b.observations(), Long::sum);
            ranges.merge(b.received(), new Range(b.firstSeq(), b.lastSeq()), Range::union);
        }
        Map<Long, Long> stored = observations.stream()
                .collect(Collectors.groupingBy(StoredObservation::received, Collectors.counting()));
        List<String> wrong = new ArrayList<>();
        stored.forEach((received, count) -> {
            if (!Objects.equals(expected.get(received), count)) {
                wrong.add("arrival " + received + ": " + count + " stored, accepted requests carried "
                        + expected.getOrDefault(received, 0L));
            }
        });
        expected.forEach((received, count) -> {
            if (!stored.containsKey(received)) {
                wrong.add("arrival " + received + ": nothing stored, accepted requests carried " + count);
            }
        });
        if (!wrong.isEmpty()) {
            throw new AssertionError("observations stored outside accepted requests, or missing from them: "
                    + examples(wrong));
        }
        return ranges;
    }

    private static void checkDuplicates(Map<Key, List<StoredObservation>> byKey, Map<Long, Range> rangeByArrival) {
        List<String> differing = new ArrayList<>();
        List<String> renumbered = new ArrayList<>();
        byKey.forEach((key, copies) -> {
            if (copies.size() < 2) {
                return;
            }
            if (copies.stream().map(StoredObservation::value).distinct().count() > 1) {
                differing.add(key + " = " + copies.stream().map(StoredObservation::value).toList());
            }
            long highestFirst = Long.MIN_VALUE;
            long lowestLast = Long.MAX_VALUE;
            for (StoredObservation copy : copies) {
                Range range = rangeByArrival.get(copy.received());
                highestFirst = Math.max(highestFirst, range.first());
                lowestLast = Math.min(lowestLast, range.last());
            }
            if (highestFirst > lowestLast) {
                renumbered.add(key + " in requests " + copies.stream()
                        .map(c -> rangeByArrival.get(c.received())).map(r -> r.first() + "-" + r.last()).toList());
            }
        });
        if (!differing.isEmpty()) {
            throw new AssertionError(differing.size() + " duplicates differ from their original: " + examples(differing));
        }
        if (!renumbered.isEmpty()) {
            throw new AssertionError(renumbered.size() + " readings arrived again under another sequence number"
                    + " (their requests share no sequence number): " + examples(renumbered));
        }
    }

    private static String examples(List<?> items) {
        String shown = items.stream().limit(EXAMPLES).map(String::valueOf).collect(Collectors.joining("; "));
        return items.size() > EXAMPLES ? shown + "; ... (" + items.size() + " in all)" : shown;
    }
}
