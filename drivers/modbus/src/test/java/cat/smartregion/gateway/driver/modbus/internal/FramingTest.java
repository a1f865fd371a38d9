package cat.smartregion.gateway.driver.modbus.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cat.smartregion.gateway.api.driver.PointStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The three framings on commented bytes. */
class FramingTest {

    private static final byte[] READ_INPUT_0_2 = {0x04, 0x00, 0x00, 0x00, 0x02}; // function 04, start 0, 2 registers

    @Test
    void crcOfTheSpecificationExamples() {
        byte[] frame = bytes(0x01, 0x03, 0x00, 0x00, 0x00, 0x0A, 0xC5, 0xCD); // unit 1, read 10 holding registers from 0
        assertEquals(0xCDC5, Crc16.of(frame, 0, 6));
        assertTrue(Crc16.matches(frame, 8));
        frame[7] ^= 1;
        assertTrue(!Crc16.matches(frame, 8));
    }

    @Test
    void rtuEncodesUnitPduAndCrcLowByteFirst() {
        assertArrayEquals(bytes(
                0x01,                         // unit
                0x04, 0x00, 0x00, 0x00, 0x02, // read input registers 0-1
                0x71, 0xCB),                  // CRC 0xCB71, low byte first
                new RtuFramer().encode(1, READ_INPUT_0_2));
    }

    @Test
    void rtuReadsAnAnswerAnExceptionAndRefusesABadCrc() throws IOException {
        byte[] answer = new RtuFramer().encode(1, bytes(0x04, 0x04, 0x43, 0x66, 0x80, 0x00)); // 4 bytes: 230.5f
        assertArrayEquals(bytes(0x04, 0x04, 0x43, 0x66, 0x80, 0x00), pdu(new RtuFramer(), 1, answer));
        assertArrayEquals(bytes(0x84, 0x02), pdu(new RtuFramer(), 1, new RtuFramer().encode(1, bytes(0x84, 0x02))));
        answer[answer.length - 1] ^= 0x40;
        assertBad(new RtuFramer(), 1, answer, "CRC error");
        assertBad(new RtuFramer(), 2, new RtuFramer().encode(1, bytes(0x84, 0x02)), "answer from unit 1, expected 2");
        assertBad(new RtuFramer(), 1, bytes(0x01, 0x04, 0x04, 0x43), "short frame: 4 of 9 bytes");
        assertBad(new RtuFramer(), 1, bytes(0x01, 0x10, 0x00), "function code 16");
    }

    @Test
    void aLateAnswerOfAUnitThatTimedOutIsDroppedAndTheRightOneTaken() throws IOException {
        RtuFramer framer = new RtuFramer();
        assertEquals(PointStatus.TIMEOUT, ((Frame.Failed) receive(framer, 3, new byte[0])).status()); // unit 3 owes an answer
        byte[] late = framer.encode(3, bytes(0x84, 0x02));
        byte[] ours = framer.encode(1, bytes(0x84, 0x03));
        byte[] both = new byte[late.length + ours.length];
        System.arraycopy(late, 0, both, 0, late.length);
        System.arraycopy(ours, 0, both, late.length, ours.length);
        assertArrayEquals(bytes(0x84, 0x03), pdu(framer, 1, both));
    }

    @Test
    void asciiEncodesHexWithLrcAndReadsItBack() throws IOException {
        byte[] frame = new AsciiFramer().encode(1, bytes(0x03, 0x00, 0x00, 0x00, 0x0A));
        // ':' unit 01, function 03, start 0000, count 000A, LRC -(01+03+0A) = F2, CR LF
        assertEquals(":01030000000AF2\r\n", new String(frame, StandardCharsets.US_ASCII));
        byte[] answer = "xx:010302ABCD82\r\n".getBytes(StandardCharsets.US_ASCII); // noise, then 2 bytes ABCD, LRC -(01+03+02+AB+CD) = 82
        assertArrayEquals(bytes(0x03, 0x02, 0xAB, 0xCD), pdu(new AsciiFramer(), 1, answer));
        assertBad(new AsciiFramer(), 1, ":010302ABCD7E\r\n".getBytes(StandardCharsets.US_ASCII), "LRC error");
        assertBad(new AsciiFramer(), 1, ":010302AB".getBytes(StandardCharsets.US_ASCII), "short frame");
    }

    @Test
    void mbapCarriesTheTransactionIdAndRefusesAnotherOne() throws IOException {
        MbapFramer framer = new MbapFramer();
        assertArrayEquals(bytes(
                0x00, 0x01,                   // transaction 1
                0x00, 0x00,                   // protocol 0
                0x00, 0x06,                   // 6 bytes follow
                0x07,                         // unit 7
                0x04, 0x00, 0x00, 0x00, 0x02), framer.encode(7, READ_INPUT_0_2));
        byte[] answer = bytes(0x00, 0x01, 0x00, 0x00, 0x00, 0x03, 0x07, 0x84, 0x02);
        assertArrayEquals(bytes(0x84, 0x02), pdu(framer, 7, answer));
        byte[] other = bytes(0x00, 0x09, 0x00, 0x00, 0x00, 0x03, 0x07, 0x84, 0x02);
        assertBad(framer, 7, other, "transaction id 9, expected 1");
        assertBad(framer, 7, bytes(0x00, 0x01, 0x00, 0x05, 0x00, 0x03, 0x07, 0x84, 0x02), "protocol id 5");
    }

    @Test
    void answersAreCheckedAgainstTheirRequest() {
        RegisterBlock block = new RegisterBlock(Table.INPUT, 0, 2, java.util.List.of());
        assertEquals(PointStatus.OK, Pdu.answer(block, bytes(0x04, 0x04, 1, 2, 3, 4)).status());
        assertEquals(PointStatus.BAD_FRAME, Pdu.answer(block, bytes(0x04, 0x02, 1, 2)).status(), "one register too few");
        assertEquals(PointStatus.BAD_FRAME, Pdu.answer(block, bytes(0x03, 0x04, 1, 2, 3, 4)).status(), "function 03 for 04");
        BlockAnswer exception = Pdu.answer(block, bytes(0x84, 0x0B));
        assertEquals(11, exception.exceptionCode());
        assertTrue(exception.detail().contains("gateway target device failed to respond"), exception.detail());
        RegisterBlock coils = new RegisterBlock(Table.COIL, 0, 10, java.util.List.of());
        // 10 coils in 2 bytes, low bit first: 1 0 1 1 0 0 0 0 | 1 1
        assertArrayEquals(bytes(1, 0, 1, 1, 0, 0, 0, 0, 1, 1), Pdu.answer(coils, bytes(0x01, 0x02, 0x0D, 0x03)).data());
        assertArrayEquals(bytes(0x04, 0x00, 0x10, 0x00, 0x7D), Pdu.request(Table.INPUT, 16, 125));
    }

    private static Frame receive(Framer framer, int unit, byte[] incoming) throws IOException {
        int[] ints = new int[incoming.length];
        for (int i = 0; i < incoming.length; i++) {
            ints[i] = incoming[i] & 0xFF;
        }
        return framer.receive(new FrameReader(new BytesLink(ints)), unit, System.nanoTime());
    }

    private static byte[] pdu(Framer framer, int unit, byte[] incoming) throws IOException {
        return assertInstanceOf(Frame.Answer.class, receive(framer, unit, incoming)).pdu();
    }

    private static void assertBad(Framer framer, int unit, byte[] incoming, String detail) throws IOException {
        Frame.Failed failed = assertInstanceOf(Frame.Failed.class, receive(framer, unit, incoming));
        assertEquals(PointStatus.BAD_FRAME, failed.status(), failed.detail());
        assertTrue(failed.detail().contains(detail), failed.detail());
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
