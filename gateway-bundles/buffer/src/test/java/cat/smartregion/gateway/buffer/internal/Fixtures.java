package cat.smartregion.gateway.buffer.internal;

import cat.smartregion.gateway.api.Priority;
import cat.smartregion.gateway.api.Quality;
import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.Value;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Readings and buffers for the tests. */
final class Fixtures {

    static final long T0 = 1_767_225_600_000L;

    private Fixtures() {
    }

    static SqliteBuffer givenBuffer(Path dir) {
        return SqliteBuffer.open(BufferConfig.of(dir.resolve("buffer.db")));
    }

    static Reading givenReading(String device, String point, Value value, long time) {
        return new Reading("diba-sant-cugat", "gw-0001", device, point, "voltage", value, "V", time,
                Quality.GOOD, Priority.SAMPLE, 0);
    }

    /** {@code count} voltage readings of meter-1, numbered from {@code from} in their values and times. */
    static List<Reading> givenReadings(int from, int count) {
        List<Reading> readings = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            readings.add(givenReading("meter-" + (i % 3), "voltage", Value.of(230 + i / 10.0), T0 + i));
        }
        return readings;
    }

    /** A cycle of meter readings: {@code samples} SAMPLE voltages, then one COUNTER energy and one ALARM state. */
    static List<Reading> givenCycle(int cycle, int samples) {
        List<Reading> readings = new ArrayList<>();
        long time = T0 + cycle * 60_000L;
        for (int i = 0; i < samples; i++) {
            readings.add(new Reading("diba-sant-cugat", "gw-0001", "meter-" + i, "voltage", "voltage",
                    Value.of(230 + cycle % 10 / 10.0), "V", time, Quality.GOOD, Priority.SAMPLE, 0));
        }
        readings.add(new Reading("diba-sant-cugat", "gw-0001", "meter-0", "totalActiveEnergyImport", "energy",
                Value.of(1_000_000 + cycle), "Wh", time, Quality.GOOD, Priority.COUNTER, 0));
        readings.add(new Reading("diba-sant-cugat", "gw-0001", "meter-0", "phaseFailure", "state",
                Value.of(cycle % 2 == 0), "/", time, Quality.GOOD, Priority.ALARM, 0));
        return readings;
    }

    static List<Long> seqs(List<Reading> readings) {
        return readings.stream().map(Reading::seq).toList();
    }

    static List<Long> range(long first, long last) {
        List<Long> seqs = new ArrayList<>();
        for (long s = first; s <= last; s++) {
            seqs.add(s);
        }
        return seqs;
    }
}
