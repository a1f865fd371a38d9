package cat.smartregion.gateway.driver.modbus.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Modbus ASCII framing: {@code :}, unit, PDU and LRC as upper-case hex pairs, CR LF. Bytes before
 * the colon are line noise and skipped.
 */
final class AsciiFramer implements Framer {

    private static final int MAX_CHARACTERS = 513;
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final LateAnswers late = new LateAnswers();

    @Override
    public byte[] encode(int unit, byte[] pdu) {
        byte[] body = new byte[pdu.length + 2];
        body[0] = (byte) unit;
        System.arraycopy(pdu, 0, body, 1, pdu.length);
        body[body.length - 1] = lrc(body, body.length - 1);
        return (":" + HEX.formatHex(body) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The two's complement of the sum of the bytes, as the Modbus ASCII LRC. */
    static byte lrc(byte[] bytes, int length) {
        int sum = 0;
        for (int i = 0; i < length; i++) {
            sum += bytes[i] & 0xFF;
        }
        return (byte) -sum;
    }

    @Override
    public Frame receive(FrameReader in, int unit, long deadline) throws IOException {
        return late.awaitAnswer(unit, () -> receiveOne(in, unit, deadline));
    }

    private Frame receiveOne(FrameReader in, int unit, long deadline) throws IOException {
        int skipped = 0;
        int c = in.readByte(deadline);
        while (c >= 0 && c != ':') {
            skipped++;
            c = in.readByte(deadline);
        }
        if (c < 0) {
            return skipped == 0 ? Frame.silence() : Frame.badFrame(skipped + " bytes of noise and no ':' before the timeout");
        }
        StringBuilder text = new StringBuilder();
        for (c = in.readByte(deadline); c >= 0 && c != '\n'; c = in.readByte(deadline)) {
            if (text.length() == MAX_CHARACTERS) {
                return Frame.badFrame("ASCII frame longer than " + MAX_CHARACTERS + " characters");
            }
            text.append((char) c);
        }
        if (c < 0) {
            return Frame.badFrame(Frame.SHORT_FRAME + "':" + text + "' without CR LF before the timeout");
        }
        return decode(text, unit);
    }

    private Frame decode(StringBuilder text, int unit) {
        if (text.length() < 7 || text.charAt(text.length() - 1) != '\r' || text.length() % 2 != 1) {
            return Frame.badFrame("malformed ASCII frame ':" + text.toString().strip() + "'");
        }
        byte[] body;
        try {
            body = HEX.parseHex(text, 0, text.length() - 1);
        } catch (IllegalArgumentException e) {
            return Frame.badFrame("ASCII frame is not hex: ':" + text.toString().strip() + "'");
        }
        if (lrc(body, body.length - 1) != body[body.length - 1]) {
            return Frame.badFrame("LRC error in ':" + text.toString().strip() + "'");
        }
        if ((body[0] & 0xFF) != unit && late.settle(body[0] & 0xFF)) {
            return LateFrame.INSTANCE;
        }
        if ((body[0] & 0xFF) != unit) {
            return Frame.badFrame("answer from unit " + (body[0] & 0xFF) + ", expected " + unit);
        }
        return new Frame.Answer(Arrays.copyOfRange(body, 1, body.length - 1));
    }
}
