package cat.smartregion.gateway.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cat.smartregion.gateway.api.Quality;
import cat.smartregion.gateway.api.Reading;
import cat.smartregion.gateway.api.Value;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class SenmlWriterTest {

    private static final List<Reading> READINGS = List.of(
            Fixtures.reading("diba", "gw1", "meter-1", "voltage", "voltage", Value.of(230.1), "V", 1_767_225_600_000L).withSeq(7),
            Fixtures.reading("diba", "gw1", "meter-1", "energy", "activeEnergy", Value.of(42_060_973), "Wh", 1_767_225_600_250L).withSeq(8),
            Fixtures.reading("diba", "gw1", "door", "open", "state", Value.of(true), "/", 1_767_225_601_000L)
                    .withTime(1_767_225_601_000L, Quality.OUT_OF_RANGE).withSeq(9),
            Fixtures.reading("diba", "gw1", "door", "label", "state", Value.of("A"), "", 1_767_225_599_500L).withSeq(11));

    @Test
    void jsonPackHasBaseNameBaseTimeAndRelativeTimes() {
        String json = new String(new SenmlWriter(Encoding.SENML_JSON, false).write(READINGS), StandardCharsets.UTF_8);

        assertEquals("[{\"bn\":\"diba:gw1:\",\"bt\":1767225600,\"n\":\"meter-1:voltage\",\"u\":\"V\",\"v\":230.1},"
                + "{\"n\":\"meter-1:energy\",\"u\":\"Wh\",\"t\":0.25,\"v\":42060973},"
                + "{\"n\":\"door:open\",\"u\":\"/\",\"t\":1,\"vb\":true,\"q\":\"out_of_range\"},"
                + "{\"n\":\"door:label\",\"t\":-0.5,\"vs\":\"A\"}]", json);
    }

    @Test
    void cborPackUsesTheIntegerLabelsOfRfc8428() {
        byte[] cbor = new SenmlWriter(Encoding.SENML_CBOR, false).write(List.of(READINGS.get(0)));

        assertEquals("9f"             // array, indefinite length
                + "bf"                // map, indefinite length
                + "21" + "69" + HexFormat.of().formatHex("diba:gw1:".getBytes(StandardCharsets.US_ASCII)) // -2 bn
                + "22" + "1a" + "6955b900"                                                                  // -3 bt: 1767225600
                + "00" + "6f" + HexFormat.of().formatHex("meter-1:voltage".getBytes(StandardCharsets.US_ASCII)) // 0 n
                + "01" + "61" + "56"                                                                         // 1 u: "V"
                + "02" + "fb" + "406cc33333333333"                                                           // 2 v: 230.1 (double)
                + "ff" + "ff", HexFormat.of().formatHex(cbor));
    }

    @Test
    void gzipWrapsTheSamePack() throws Exception {
        byte[] plain = new SenmlWriter(Encoding.SENML_JSON, false).write(READINGS);
        byte[] gzip = new SenmlWriter(Encoding.SENML_JSON, true).write(READINGS);

        assertEquals(new String(plain, StandardCharsets.UTF_8),
                new String(new GZIPInputStream(new ByteArrayInputStream(gzip)).readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void aChangeOfGatewayRepeatsTheBaseName() {
        List<Reading> two = List.of(READINGS.get(0),
                Fixtures.reading("diba", "gw2", "m", "p", "voltage", Value.of(1), "V", 1_767_225_600_000L).withSeq(8));

        String json = new String(new SenmlWriter(Encoding.SENML_JSON, false).write(two), StandardCharsets.UTF_8);

        assertEquals("[{\"bn\":\"diba:gw1:\",\"bt\":1767225600,\"n\":\"meter-1:voltage\",\"u\":\"V\",\"v\":230.1},"
                + "{\"bn\":\"diba:gw2:\",\"n\":\"m:p\",\"u\":\"V\",\"v\":1}]", json);
    }

    @Test
    void numbersAndTimesAreWrittenPlain() {
        assertEquals("0.000012", SenmlWriter.decimal(new Value.Number(0.000012)));
        assertEquals("1.0E21".equals(Double.toString(1e21)) ? "1000000000000000000000" : "?",
                SenmlWriter.decimal(new Value.Number(1e21)));
        assertEquals("1767225600.123", SenmlWriter.millisAsSeconds(1_767_225_600_123L));
        assertEquals("-0.05", SenmlWriter.millisAsSeconds(-50));
        assertEquals("2.1", SenmlWriter.millisAsSeconds(2100));
    }

    @Test
    void sequenceNumbersAsRanges() {
        assertEquals("7-9,11", SeqRanges.of(READINGS));
        assertEquals(List.of(7L, 8L, 9L, 11L), SeqRanges.expand("7-9,11"));
        assertEquals(List.of(), SeqRanges.expand(""));
    }
}
