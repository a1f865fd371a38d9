package cat.smartregion.gateway.driver.coap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.push.PushedRecord;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pushed SenML packs, written out in full: base fields, times per RFC 8428 section 4.5.3, mistakes. */
class PushedPackTest {

    private static final long NOW = 1_800_000_000_000L;

    @Test
    void baseTimeAndTimeAddUpAbsoluteFromTwoToThe28thRelativeBelow() {
        String pack = "[{\"bn\":\"aq:\",\"bt\":1790000000.125,\"bu\":\"ug/m3\",\"n\":\"pm10\",\"v\":14.8},"
                + "{\"n\":\"pm25\",\"v\":8.0,\"t\":-1.5},"
                + "{\"bt\":-60,\"n\":\"pm10\",\"v\":15},"             // relative: a minute before receipt
                + "{\"bt\":0,\"n\":\"co2\",\"u\":\"ppm\",\"v\":420,\"t\":268435455},"  // 2^28 - 1: still relative
                + "{\"n\":\"note\",\"vs\":\"ok\",\"t\":268435456},"    // 2^28: absolute
                + "{\"n\":\"no-value\",\"u\":\"Cel\"}]";
        assertEquals(List.of(new PushedRecord("aq:", "pm10", "ug/m3", "14.8", 1_790_000_000_125L),
                new PushedRecord("aq:", "pm25", "ug/m3", "8.0", 1_789_999_998_625L),
                new PushedRecord("aq:", "pm10", "ug/m3", "15", NOW - 60_000),
                new PushedRecord("aq:", "co2", "ppm", "420", NOW + 268_435_455_000L),
                new PushedRecord("aq:", "note", "ug/m3", "ok", 268_435_456_000L)), json(pack), "no-value is left out");
    }

    @Test
    void cborUsesTheIntegerLabelsOfBaseTimeAndTime() {
        // [{-2: "aq:", -3: 1790000000, 0: "pm10", 1: "ug/m3", 2: 14.5}, {0: "pm25", 2: 8, 6: -2}]
        byte[] pack = HexFormat.of().parseHex("82"
                + "a5" + "21" + "63" + "61713a"                 // -2: "aq:"
                + "22" + "1a" + "6ab13b80"                      // -3: 1790000000 (uint32)
                + "00" + "64" + "706d3130"                      // 0: "pm10"
                + "01" + "65" + "75672f6d33"                    // 1: "ug/m3"
                + "02" + "f9" + "4b40"                          // 2: 14.5 (half float)
                + "a3" + "00" + "64" + "706d3235"               // 0: "pm25"
                + "02" + "08"                                   // 2: 8
                + "06" + "21");                                 // 6: -2
        List<PushedRecord> records = PushedPack.parse(pack, true, NOW);
        assertEquals(List.of(new PushedRecord("aq:", "pm10", "ug/m3", "14.5", 1_790_000_000_000L),
                new PushedRecord("aq:", "pm25", "", "8", 1_789_999_998_000L)), records);
    }

    @Test
    void whatIsNotAPackWithAValueIsRefusedWithOneLine() {
        assertRefused("[{\"n\":\"a\",\"v\":", "the payload is not SenML JSON");
        assertRefused("[{\"n\":\"a\",\"v\":1}] trailing", "the payload is not SenML JSON");
        assertRefused("", "the payload is empty");
        assertRefused("{\"n\":\"a\",\"v\":1}", "a SenML pack is an array");
        assertRefused("[1]", "a SenML record is a map");
        assertRefused("[{\"n\":\"a\"}]", "no record with a value");
        assertRefused("[{\"v\":1}]", "needs a name or a base name");
        assertRefused("[{\"n\":\"a\",\"v\":1,\"bt\":\"yesterday\"}]", "must be a number");
        assertRefused("[{\"n\":\"a\",\"v\":1,\"t\":1e-999999999}]", "digits");
        assertRefused("[{\"n\":\"a\",\"v\":1,\"t\":1e40}]", "out of range");
    }

    private static void assertRefused(String pack, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> json(pack));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertTrue(!PayloadValues.firstLine(e.getMessage()).isEmpty(), e.getMessage());
    }

    private static List<PushedRecord> json(String pack) {
        return PushedPack.parse(pack.getBytes(StandardCharsets.UTF_8), false, NOW);
    }
}
