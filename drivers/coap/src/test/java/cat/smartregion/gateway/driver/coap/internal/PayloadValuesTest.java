package cat.smartregion.gateway.driver.coap.internal;

import static cat.smartregion.gateway.driver.coap.internal.CoapDriverTest.point;
import static cat.smartregion.gateway.driver.coap.internal.CoapDriverTest.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.api.driver.RawValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Values picked out of payloads, on payloads written out in full. */
class PayloadValuesTest {

    @Test
    void senmlBaseFieldsApplyToTheRecordsThatFollow() {
        // RFC 8428 section 5.1.3 style: base name, base unit and base value
        String pack = "[{\"bn\":\"urn:dev:ow:10e2073a0108006:\",\"bu\":\"A\",\"bv\":10,\"n\":\"current\",\"v\":1.2},"
                + "{\"n\":\"voltage\",\"u\":\"V\",\"v\":110},"
                + "{\"bn\":\"other:\",\"n\":\"current\",\"v\":-0.5},"
                + "{\"n\":\"state\",\"vs\":\"on\"}]";
        List<RawValue> values = PayloadValues.extract(PayloadFormat.SENML_JSON, bytes(pack), List.of(
                point("i", "urn:dev:ow:10e2073a0108006:current;u=A"), point("u", "voltage ; u=V"),
                point("other", "other:current"), point("last", "current"), point("state", "state")));

        assertEquals("11.2", value(values.get(0)));
        assertEquals("120", value(values.get(1)));
        assertEquals("9.5", value(values.get(2)));
        assertEquals("9.5", value(values.get(3)), "the last record of the name");
        assertEquals("on", value(values.get(4)));
    }

    @Test
    void theAddressStarAnswersEveryRecordResolvedAsJson() {
        // bt 1800000000 s is absolute; the second record's t = 10 s after it (u is its own, only bu carries over);
        // the third sets bt back to 0: no time
        String pack = "[{\"bn\":\"n1:\",\"bt\":1800000000,\"n\":\"temp\",\"u\":\"Cel\",\"v\":21.50},"
                + "{\"n\":\"temp\",\"t\":10,\"v\":21.75},{\"bn\":\"n2:\",\"bt\":0,\"n\":\"door\",\"vb\":true}]";
        RawValue all = PayloadValues.extract(PayloadFormat.SENML_JSON, bytes(pack), List.of(point("records", "*"))).get(0);

        assertEquals("[{\"bn\":\"n1:\",\"n\":\"temp\",\"u\":\"Cel\",\"v\":\"21.50\",\"t\":1800000000000},"
                + "{\"bn\":\"n1:\",\"n\":\"temp\",\"u\":\"\",\"v\":\"21.75\",\"t\":1800000010000},"
                + "{\"bn\":\"n2:\",\"n\":\"door\",\"u\":\"\",\"v\":\"true\"}]", value(all));
    }

    @Test
    void aMissingRecordOrMemberFailsItsPointOnly() {
        List<RawValue> senml = PayloadValues.extract(PayloadFormat.SENML_JSON, bytes("[{\"n\":\"a\",\"v\":1}]"),
                List.of(point("a", "a"), point("b", "b")));
        assertEquals(PointStatus.OK, senml.get(0).status());
        assertEquals(PointStatus.BAD_FRAME, senml.get(1).status());
        assertTrue(senml.get(1).detail().contains("no SenML record named 'b'"), senml.get(1).detail());

        List<RawValue> json = PayloadValues.extract(PayloadFormat.JSON, bytes("{\"a\":{\"b\":[1,2.50]}}"),
                List.of(point("x", "/a/b/1"), point("y", "/a"), point("z", "a")));
        assertEquals("2.50", value(json.get(0)), "the number as written");
        assertEquals(PointStatus.BAD_FRAME, json.get(1).status(), "an object is not a value");
        assertEquals(PointStatus.BAD_FRAME, json.get(2).status(), "not a JSON pointer");
    }

    @Test
    void unparsablePayloadsAreBadFrames() {
        for (PayloadFormat format : List.of(PayloadFormat.JSON, PayloadFormat.SENML_JSON, PayloadFormat.SENML_CBOR)) {
            RawValue value = PayloadValues.extract(format, bytes("{\"pm10\": 1"), List.of(point("p", "pm10"))).get(0);
            assertEquals(PointStatus.BAD_FRAME, value.status(), format + ": " + value);
        }
        assertEquals(PointStatus.BAD_FRAME, PayloadValues.extract(PayloadFormat.SENML_JSON, bytes("{\"n\":\"a\"}"),
                List.of(point("a", "a"))).get(0).status(), "a pack is an array");
        assertEquals(PointStatus.BAD_FRAME, PayloadValues.extract(PayloadFormat.TEXT, bytes(" \n"),
                List.of(point("a", "value"))).get(0).status(), "empty text");
        assertEquals("63.2", value(PayloadValues.extract(PayloadFormat.TEXT, bytes("63.2\n"),
                List.of(point("a", "value"))).get(0)));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
