package cat.smartregion.gateway.driver.serial.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.driver.PointRequest;
import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.api.driver.RawValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Framers on commented bytes, options and endpoints; no port. */
class FramingTest {

    private static final Map<String, String> PMS = Map.of("frame", "binary", "header", "42 4D", "lengthOffset", "2",
            "lengthSize", "2", "lengthAdds", "4", "checksum", "sum16");

    /** A PMS5003 frame: header, length 28, 13 words (PM1.0=5, PM2.5=10, PM10=12, ...), check code. */
    private static final String GOOD = "424D" + "001C"
            + "0005" + "000A" + "000C" // PM1.0, PM2.5, PM10 standard (ug/m3)
            + "0004" + "0009" + "000B" // PM1.0, PM2.5, PM10 atmospheric
            + "0708" + "0220" + "005A" + "0009" + "0002" + "0000" // particles > 0.3 ... > 10 um per 0.1 L
            + "9700"; // reserved

    private final List<Frame> frames = new ArrayList<>();
    private final List<String> broken = new ArrayList<>();
    private final FrameListener listener = new FrameListener() {
        @Override
        public void frame(Frame frame) {
            frames.add(frame);
        }

        @Override
        public void broken(String detail) {
            broken.add(detail);
        }
    };

    static byte[] pms(String withoutChecksum) {
        byte[] body = HexFormat.of().parseHex(withoutChecksum);
        int sum = 0;
        for (byte b : body) {
            sum += b & 0xFF;
        }
        return HexFormat.of().parseHex(withoutChecksum + String.format("%04X", sum & 0xFFFF));
    }

    private void feed(Framer framer, byte[]... chunks) {
        for (byte[] chunk : chunks) {
            framer.accept(chunk, chunk.length, listener);
        }
    }

    @Test
    void aPmsFrameInPiecesGivesItsFieldsBigEndian() {
        byte[] frame = pms(GOOD);
        Framer framer = ProtocolOptions.parse(PMS).framers().get();
        feed(framer, java.util.Arrays.copyOf(frame, 3), java.util.Arrays.copyOfRange(frame, 3, 32));

        assertEquals(1, frames.size(), broken.toString());
        RawValue pm25 = frames.get(0).value(new PointRequest("pm25", "offset:6", 1));
        assertArrayEquals(new byte[] {0x00, 0x0A}, pm25.data());
        RawValue beyond = frames.get(0).value(new PointRequest("x", "offset:31", 1));
        assertEquals(PointStatus.BAD_FRAME, beyond.status());
    }

    @Test
    void garbageCorruptAndTruncatedFramesAreCountedAndTheNextGoodFrameIsFound() {
        byte[] good = pms(GOOD);
        byte[] corrupt = good.clone();
        corrupt[31] ^= 1; // check code off by one
        byte[] truncated = java.util.Arrays.copyOf(good, 20);
        byte[] garbage = {0x13, 0x42, 0x00, 0x7F}; // with a stray 0x42
        Framer framer = ProtocolOptions.parse(PMS).framers().get();

        feed(framer, garbage, good, corrupt, truncated, good, garbage, good);

        assertEquals(3, frames.size(), broken.toString());
        assertTrue(broken.stream().anyMatch(b -> b.contains("checksum")), broken.toString());
        assertTrue(broken.stream().anyMatch(b -> b.contains("garbage")), broken.toString());
    }

    @Test
    void anImpossibleLengthFieldIsBrokenAndResynced() {
        byte[] good = pms(GOOD);
        byte[] huge = HexFormat.of().parseHex("424DFFFF");
        Framer framer = ProtocolOptions.parse(PMS).framers().get();

        feed(framer, huge, good);

        assertEquals(1, frames.size());
        assertTrue(broken.get(0).contains("length 65539"), broken.toString());
    }

    @Test
    void linesAreCutAtTheTerminatorAndMatchedByNamedGroups() {
        Framer framer = ProtocolOptions.parse(Map.of("frame", "line", "terminator", ";",
                "pattern", "R(?<leq>[0-9.]+)(?:,X(?<x>\\d+))?")).framers().get();

        feed(framer, "\r\n#2,1,T3,R64.50;no match here;".getBytes(StandardCharsets.US_ASCII));

        assertEquals(1, frames.size());
        assertEquals(1, broken.size());
        Frame frame = frames.get(0);
        assertEquals("64.50", new String(frame.value(new PointRequest("leq", "leq", 1)).data(), StandardCharsets.US_ASCII));
        assertTrue(frame.value(new PointRequest("x", "x", 1)).detail().contains("absent"));
        assertTrue(frame.value(new PointRequest("y", "nope", 1)).detail().contains("no group named 'nope'"));
    }

    @Test
    void shortCapturesArePaddedWithSpacesToThePointsLength() {
        Framer framer = ProtocolOptions.parse(Map.of("frame", "line", "pattern", "id=(?<id>\\w+)")).framers().get();
        feed(framer, "id=AB1\n".getBytes(StandardCharsets.US_ASCII));

        assertEquals("AB1     ", new String(frames.get(0).value(new PointRequest("id", "id", 4)).data(), StandardCharsets.US_ASCII));
    }

    @Test
    void escapesAndHex() {
        assertArrayEquals(new byte[] {'#', '\r', '\n', 0x02}, Escapes.text("#\\r\\n\\x02"));
        assertArrayEquals(new byte[] {0x42, 0x4D}, Escapes.hex("42 4d"));
        assertThrows(IllegalArgumentException.class, () -> Escapes.text("a\\q"));
        assertThrows(IllegalArgumentException.class, () -> Escapes.text("a\\x4"));
    }

    @Test
    void badOptionsAreRefusedWithTheirName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ProtocolOptions.parse(Map.of("frame", "line")))
                .getMessage().contains("pattern"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ProtocolOptions.parse(
                Map.of("frame", "line", "pattern", "(?<a>x)", "mode", "poll"))).getMessage().contains("request"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ProtocolOptions.parse(
                Map.of("frame", "binary", "header", "42", "length", "8", "patern", "x"))).getMessage().contains("patern"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ProtocolOptions.parse(
                Map.of("frame", "line", "pattern", "([0-9]+"))).getMessage().contains("regular expression"));
    }

    @Test
    void endpointsParse() {
        SerialEndpoint e = SerialEndpoint.parse(java.net.URI.create("serial:///dev/ttyUSB0?baud=19200&parity=E&stop=2"), 2000);
        assertEquals(new SerialEndpoint("/dev/ttyUSB0", 19200, 8, 'E', 2, 2000), e);
        assertThrows(IllegalArgumentException.class, () -> SerialEndpoint.parse(java.net.URI.create("serial:///dev/x?speed=1"), 2000));
        assertThrows(IllegalArgumentException.class, () -> SerialEndpoint.parse(java.net.URI.create("serial:///dev/x?baud=12"), 2000));
    }
}
