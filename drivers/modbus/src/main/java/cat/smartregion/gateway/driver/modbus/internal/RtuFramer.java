package cat.smartregion.gateway.driver.modbus.internal;

import java.io.IOException;
import java.util.Arrays;

/**
 * Modbus RTU framing: unit, PDU, CRC-16 low byte first. The answer's length follows from its
 * function code: an exception is 5 bytes, a read answer (01-04) 5 plus its byte count.
 */
final class RtuFramer implements Framer {

    private static final int MAX_FRAME = 256;

    private final LateAnswers late = new LateAnswers();

    @Override
    public byte[] encode(int unit, byte[] pdu) {
        byte[] frame = new byte[pdu.length + 3];
        frame[0] = (byte) unit;
        System.arraycopy(pdu, 0, frame, 1, pdu.length);
        int crc = Crc16.of(frame, 0, pdu.length + 1);
        frame[pdu.length + 1] = (byte) crc;
        frame[pdu.length + 2] = (byte) (crc >>> 8);
        return frame;
    }

    @Override
    public Frame receive(FrameReader in, int unit, long deadline) throws IOException {
        return late.awaitAnswer(unit, () -> receiveOne(in, unit, deadline));
    }

    private Frame receiveOne(FrameReader in, int unit, long deadline) throws IOException {
        byte[] frame = new byte[MAX_FRAME];
        int got = in.readFully(frame, 0, 2, deadline);
        if (got == 0) {
            return Frame.silence();
        }
        if (got < 2) {
            return Frame.shortFrame(got, 5);
        }
        int function = frame[1] & 0xFF;
        int length;
        if ((function & 0x80) != 0) {
            length = 5;
        } else if (function >= 1 && function <= 4) {
            if (in.readFully(frame, 2, 1, deadline) < 1) {
                return Frame.shortFrame(2, 5);
            }
            length = 5 + (frame[2] & 0xFF);
        } else {
            return Frame.badFrame("function code " + function + " in an answer to a read");
        }
        int have = (function & 0x80) != 0 ? 2 : 3;
        got = in.readFully(frame, have, length - have, deadline);
        if (got < length - have) {
            return Frame.shortFrame(have + got, length);
        }
        if (!Crc16.matches(frame, length)) {
            return Frame.badFrame("CRC error in a " + length + "-byte answer");
        }
        if ((frame[0] & 0xFF) != unit && late.settle(frame[0] & 0xFF)) {
            return LateFrame.INSTANCE;
        }
        if ((frame[0] & 0xFF) != unit) {
            return Frame.badFrame("answer from unit " + (frame[0] & 0xFF) + ", expected " + unit);
        }
        return new Frame.Answer(Arrays.copyOfRange(frame, 1, length - 2));
    }
}
