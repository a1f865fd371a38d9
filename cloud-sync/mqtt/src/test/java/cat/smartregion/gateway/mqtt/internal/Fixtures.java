package cat.smartregion.gateway.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cat.smartregion.gateway.api.Priority;
import cat.smartregion.gateway.api.Quality;
import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.Value;
import cat.smartregion.gateway.api.buffer.Batch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Readings for the tests and the checks on what a receiver got. */
final class Fixtures {

    static final long T0 = 1_767_225_600_000L;

    private Fixtures() {
    }

    /**
     * {@code count} readings of three meters (voltage, energy counter, a door switch, a status text),
     * numbered from {@code from} in values and times, with sequence numbers from {@code from + 1}.
     */
    static List<Reading> readings(String tenant, String gateway, int from, int count) {
        List<Reading> readings = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            String device = "meter-" + (i % 3);
            long time = T0 + (i / 12) * 1000L + (i % 2 == 0 ? 0 : 250);
            Reading r = switch (i % 4) {
                case 0 -> reading(tenant, gateway, device, "voltage", "voltage", Value.of(230 + (i % 50) / 10.0), "V", time);
                case 1 -> reading(tenant, gateway, device, "activeEnergyImport", "activeEnergy", Value.of(42_060_973.5 + i), "Wh", time);
                case 2 -> reading(tenant, gateway, device, "doorOpen", "state", Value.of(i % 8 == 2), "/", time);
                default -> reading(tenant, gateway, device, "status", "state", Value.of("ok " + i), "", time)
                        .withTime(time, i % 7 == 0 ? Quality.OUT_OF_RANGE : Quality.GOOD);
            };
            readings.add(r.withSeq(i + 1L));
        }
        return readings;
    }

    static Batch batch(String tenant, String gateway, int from, int count) {
        return new Batch(readings(tenant, gateway, from, count));
    }

    static Reading reading(String tenant, String gateway, String device, String point, String quantity, Value value,
                           String unit, long time) {
        return new Reading(tenant, gateway, device, point, quantity, value, unit, time, Quality.GOOD, Priority.SAMPLE, 0);
    }

    /** Asserts the records are the readings, one for one, with their sequence numbers. */
    static void assertSame(List<Reading> readings, List<SenmlReader.Record> records) {
        assertEquals(readings.size(), records.size(), "records");
        for (int i = 0; i < readings.size(); i++) {
            assertEquals(expected(readings.get(i)), records.get(i), "record " + i);
        }
    }

    static SenmlReader.Record expected(Reading r) {
        return new SenmlReader.Record(r.tenant() + ":" + r.gateway() + ":" + r.device() + ":" + r.point(), r.unit(),
                r.time(), r.value(), r.quality().name().toLowerCase(java.util.Locale.ROOT), r.seq());
    }

    /**
     * Asserts what arrived covers every stored reading, keeps the order of each sensor, and has
     * duplicates only as repeats (same sequence number, same content) of a reading that arrived before.
     */
    static void assertComplete(List<Reading> stored, List<SenmlReader.Record> arrived) {
        Map<Long, SenmlReader.Record> firstArrival = new HashMap<>();
        Map<String, Long> lastSeqPerSensor = new HashMap<>();
        int duplicates = 0;
        for (SenmlReader.Record record : arrived) {
            SenmlReader.Record before = firstArrival.putIfAbsent(record.seq(), record);
            if (before != null) {
                assertEquals(before, record, "a duplicate must repeat the reading of its sequence number");
                duplicates++;
                continue;
            }
            Long last = lastSeqPerSensor.put(record.name(), record.seq());
            if (last != null && last > record.seq()) {
                throw new AssertionError("order of " + record.name() + " broken: seq " + record.seq() + " after " + last);
            }
        }
        for (Reading r : stored) {
            SenmlReader.Record got = firstArrival.get(r.seq());
            if (got == null) {
                throw new AssertionError("reading " + r.seq() + " was lost (" + firstArrival.size() + " of "
                        + stored.size() + " arrived, " + duplicates + " duplicates)");
            }
            assertEquals(expected(r), got, "reading " + r.seq());
        }
    }
}
