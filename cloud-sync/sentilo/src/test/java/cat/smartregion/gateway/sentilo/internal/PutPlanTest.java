package cat.smartregion.gateway.sentilo.internal;

import static cat.smartregion.gateway.sentilo.internal.Readings.T0;
import static cat.smartregion.gateway.sentilo.internal.Readings.givenReadingsFrom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.Value;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PutPlanTest {

    private static final UplinkSettings SETTINGS = UplinkSettings.of(URI.create("http://127.0.0.1:1"), "prov", "t0ken");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void groupsReadingsBySensorWithStringValuesUtcSecondTimestampsAndLocation() throws Exception {
        List<Reading> readings = givenReadingsFrom(10)
                .number("m.1", "voltage", "voltage", 230.1, "V", T0)
                .add("m.1", "relay", "status", Value.of("say \"on\""), "/", T0)
                .number("m.1", "voltage", "voltage", 231, "V", T0 + 1000)
                .batch().readings();

        DataPut put = DataPut.of(readings.stream().map(r -> Observation.of(r, "41.38 2.15")).toList());
        byte[] body = put.body();

        assertEquals("{\"sensors\":["
                + "{\"sensor\":\"m_1_voltage\",\"location\":\"41.38 2.15\",\"observations\":["
                + "{\"value\":\"230.1\",\"timestamp\":\"27/11/2026T08:00:00\"},"
                + "{\"value\":\"231\",\"timestamp\":\"27/11/2026T08:00:01\"}]},"
                + "{\"sensor\":\"m_1_relay\",\"location\":\"41.38 2.15\",\"observations\":["
                + "{\"value\":\"say \\\"on\\\"\",\"timestamp\":\"27/11/2026T08:00:00\"}]}]}",
                new String(body, StandardCharsets.UTF_8));
        assertEquals(body.length, put.bytes(), "the counted size is the body's size");
        assertEquals("10-12", put.seqRange());
        JSON.readTree(body);
    }

    @Test
    void countsBytesExactlyWithoutLocationAndWithNonAsciiText() {
        List<Reading> readings = givenReadingsFrom(1)
                .add("m1", "label", "text", Value.of("Plaça àèò"), "", T0)
                .number("m2", "t", "temperature", 21.5, "Cel", T0).batch().readings();

        DataPut put = DataPut.of(readings.stream().map(r -> Observation.of(r, "")).toList());

        assertEquals(put.body().length, put.bytes());
    }

    @Test
    void capsRequestsByReadingsAndBytesKeepingTheOrder() {
        Readings given = givenReadingsFrom(1);
        for (int i = 0; i < 250; i++) {
            given.number("m1", "p" + (i % 50), "voltage", 230 + i, "V", T0 + (i / 50) * 1000L);
        }
        List<Observation> all = given.batch().readings().stream().map(r -> Observation.of(r, "")).toList();

        List<DataPut> byCount = PutPlan.split(all, 100, 65536);
        List<DataPut> byBytes = PutPlan.split(all, 1000, 2048);

        assertEquals(List.of(100, 100, 50), byCount.stream().map(DataPut::size).toList());
        assertTrue(byBytes.size() > 3);
        assertTrue(byBytes.stream().allMatch(p -> p.body().length <= 2048));
        assertEquals(all, byBytes.stream().flatMap(p -> p.observations().stream()).toList(), "in batch order");
    }

    @Test
    void neverPutsTwoObservationsOfASensorInOneSecondIntoOneRequest() {
        List<Observation> all = givenReadingsFrom(1)
                .number("m1", "v", "voltage", 1, "V", T0)          // second 0
                .number("m1", "v", "voltage", 2, "V", T0 + 300)    // second 0 again
                .number("m1", "i", "current", 3, "A", T0 + 300)
                .number("m1", "v", "voltage", 4, "V", T0 + 600)    // second 0 a third time
                .number("m1", "v", "voltage", 5, "V", T0 + 1000)   // second 1
                .batch().readings().stream().map(r -> Observation.of(r, "")).toList();

        List<DataPut> puts = PutPlan.split(all, 100, 65536);

        for (DataPut put : puts) {
            Set<String> seen = new HashSet<>();
            put.observations().forEach(o -> assertTrue(seen.add(o.sensor() + "@" + o.second()), o.toString()));
        }
        assertEquals(List.of(List.of("1"), List.of("2", "3"), List.of("4", "5")), puts.stream()
                .map(p -> p.readings().stream().map(r -> r.value().text()).toList()).toList(),
                "contiguous requests in batch order");
    }

    @Test
    void describesTheSensorForTheCatalog() {
        Reading reading = givenReadingsFrom(1).add("m 2", "label", "mysteryQuantity", Value.of("on"), "", T0)
                .batch().readings().get(0);

        CatalogEntry entry = CatalogEntry.of(reading, SETTINGS, "");

        assertEquals(List.of("m_2_label", "other", "TEXT", "gw1_m_2", "generic"),
                List.of(entry.sensor(), entry.type(), entry.dataType(), entry.component(), entry.componentType()));
    }

    @Test
    void truncatesTimesToTheSecondAlsoBeforeTheEpoch() {
        assertEquals("01/01/1970T00:00:00", Observation.timestamp(999));
        assertEquals("31/12/1969T23:59:59", Observation.timestamp(-1));
    }
}
