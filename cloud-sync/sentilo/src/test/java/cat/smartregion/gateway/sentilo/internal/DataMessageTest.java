package cat.smartregion.gateway.sentilo.internal;

import static cat.smartregion.gateway.sentilo.internal.Readings.T0;
import static cat.smartregion.gateway.sentilo.internal.Readings.givenReadingsFrom;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cat.smartregion.gateway.api.Value;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataMessageTest {

    private static final UplinkSettings SETTINGS = UplinkSettings.of(URI.create("http://127.0.0.1:1"), "prov", "t0ken");

    @Test
    void groupsReadingsBySensorWithStringValuesAndUtcSecondTimestamps() throws Exception {
        var batch = givenReadingsFrom(10)
                .number("m.1", "voltage", "voltage", 230.1, "V", T0)
                .add("m.1", "relay", "status", Value.of(true), "/", T0)
                .number("m.1", "voltage", "voltage", 231, "V", T0 + 1000)
                .batch();

        List<DataMessage.SensorSeries> series = DataMessage.group(batch, SETTINGS);
        JsonNode body = new ObjectMapper().readTree(DataMessage.body(series));

        // {"sensors":[{"sensor":"m_1_voltage","observations":[{"value":"230.1","timestamp":"27/11/2026T08:00:00"},
        //                                                     {"value":"231","timestamp":"27/11/2026T08:00:01"}]},
        //             {"sensor":"m_1_relay","observations":[{"value":"true","timestamp":"27/11/2026T08:00:00"}]}]}
        JsonNode voltage = body.path("sensors").get(0);
        assertEquals("m_1_voltage", voltage.path("sensor").asText());
        assertEquals("230.1", voltage.path("observations").get(0).path("value").textValue());
        assertEquals("27/11/2026T08:00:00", voltage.path("observations").get(0).path("timestamp").asText());
        assertEquals("231", voltage.path("observations").get(1).path("value").textValue());
        assertEquals("27/11/2026T08:00:01", voltage.path("observations").get(1).path("timestamp").asText());
        JsonNode relay = body.path("sensors").get(1);
        assertEquals("m_1_relay", relay.path("sensor").asText());
        assertEquals("true", relay.path("observations").get(0).path("value").textValue());
        assertEquals(2, body.path("sensors").size());
    }

    @Test
    void describesTheSensorForTheCatalog() {
        var reading = givenReadingsFrom(1).add("m 2", "label", "mysteryQuantity", Value.of("on"), "", T0)
                .batch().readings().get(0);

        CatalogEntry entry = CatalogEntry.of(reading, SETTINGS);

        assertEquals(List.of("m_2_label", "other", "TEXT", "gw1_m_2", "generic"),
                List.of(entry.sensor(), entry.type(), entry.dataType(), entry.component(), entry.componentType()));
    }

    @Test
    void truncatesTimesToTheSecondAlsoBeforeTheEpoch() {
        assertEquals("01/01/1970T00:00:00", DataMessage.timestamp(999));
        assertEquals("31/12/1969T23:59:59", DataMessage.timestamp(-1));
    }
}
