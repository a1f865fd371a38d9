package cat.smartregion.gateway.driver.modbus.internal;

import cat.smartregion.gateway.api.driver.PointStatus;
import java.io.IOException;
import java.util.Arrays;

/**
 * Modbus TCP framing: the MBAP header (transaction id, protocol 0, length, unit) before the PDU.
 * Every request gets the next transaction id; an answer carrying another one is a late answer to an
 * earlier request (or a foreign one) and a bad frame that asks for a new connection.
 */
final class MbapFramer implements Framer {

    private static final int HEADER = 7;

    private final LateAnswers late = new LateAnswers();
    private int transaction;

    @Override
    public byte[] encode(int unit, byte[] pdu) {
        transaction = (transaction + 1) & 0xFFFF;
        byte[] frame = new byte[HEADER + pdu.length];
        frame[0] = (byte) (transaction >>> 8);
        frame[1] = (byte) transaction;
        frame[4] = (byte) ((pdu.length + 1) >>> 8);
        frame[5] = (byte) (pdu.length + 1);
        frame[6] = (byte) unit;
        System.arraycopy(pdu, 0, frame, HEADER, pdu.length);
        return frame;
    }

    /** The transaction id of the last request encoded. */
    int transaction() {
        return transaction;
    }

    @Override
    public Frame receive(FrameReader in, int unit, long deadline) throws IOException {
        return late.awaitAnswer(transaction, () -> receiveOne(in, unit, deadline));
    }

    private Frame receiveOne(FrameReader in, int unit, long deadline) throws IOException {
        byte[] header = new byte[HEADER];
        int got = in.readFully(header, 0, HEADER, deadline);
        if (got == 0) {
            return Frame.silence();
        }
        if (got < HEADER) {
            return Frame.shortFrame(got, HEADER);
        }
        int protocol = word(header, 2);
        int length = word(header, 4);
        if (protocol != 0) {
            return Frame.badFrame("protocol id " + protocol + " in the MBAP header, expected 0");
        }
        if (length < 3 || length > 254) {
            return Frame.badFrame("MBAP length " + length + " outside 3-254");
        }
        byte[] pdu = new byte[length - 1];
        got = in.readFully(pdu, 0, pdu.length, deadline);
        if (got < pdu.length) {
            return Frame.shortFrame(HEADER + got, HEADER + pdu.length);
        }
        int id = word(header, 0);
        if (id != transaction && late.settle(id)) {
            return LateFrame.INSTANCE;
        }
        if (id != transaction) {
            return Frame.badFrame("transaction id " + id + ", expected " + transaction + ": a late or foreign answer");
        }
        if ((header[6] & 0xFF) != unit) {
            return new Frame.Failed(PointStatus.BAD_FRAME, "answer from unit " + (header[6] & 0xFF) + ", expected " + unit, false);
        }
        return new Frame.Answer(Arrays.copyOf(pdu, pdu.length));
    }

    private static int word(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) << 8 | bytes[at + 1] & 0xFF;
    }
}
