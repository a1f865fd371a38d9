package cat.smartregion.gateway.simulator.devices;

import com.ghgande.j2mod.modbus.util.ModbusUtil;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The slave side of the three framings: reads request frames and encodes answer frames. A frame
 * that fails its checksum is dropped, as a real slave drops it. The checksums come from j2mod
 * (CRC) and from the Modbus specification (LRC), independently of the gateway's driver.
 */
final class SlaveFrames {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    /** A pause this long ends an RTU frame of unknown length. */
    private static final long QUIET_MS = 30;

    private SlaveFrames() {
    }

    /** The next request, or empty when a bad frame was dropped. @throws java.io.EOFException when the link closed */
    static Optional<SlaveRequest> read(Wire wire, SlaveLink link) throws IOException {
        return switch (wire) {
            case TCP -> mbap(link);
            case RTU -> rtu(link);
            case ASCII -> ascii(link);
        };
    }

    static byte[] encode(Wire wire, int unit, int transaction, byte[] pdu) {
        return switch (wire) {
            case TCP -> {
                byte[] frame = new byte[7 + pdu.length];
                frame[0] = (byte) (transaction >> 8);
                frame[1] = (byte) transaction;
                frame[4] = (byte) ((pdu.length + 1) >> 8);
                frame[5] = (byte) (pdu.length + 1);
                frame[6] = (byte) unit;
                System.arraycopy(pdu, 0, frame, 7, pdu.length);
                yield frame;
            }
            case RTU -> {
                byte[] frame = new byte[pdu.length + 3];
                frame[0] = (byte) unit;
                System.arraycopy(pdu, 0, frame, 1, pdu.length);
                int[] crc = ModbusUtil.calculateCRC(frame, 0, pdu.length + 1);
                frame[pdu.length + 1] = (byte) crc[0];
                frame[pdu.length + 2] = (byte) crc[1];
                yield frame;
            }
            case ASCII -> {
                byte[] body = new byte[pdu.length + 2];
                body[0] = (byte) unit;
                System.arraycopy(pdu, 0, body, 1, pdu.length);
                body[body.length - 1] = lrc(body, body.length - 1);
                yield (":" + HEX.formatHex(body) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            }
        };
    }

    /** The frame with its checksum broken (TCP has none: its protocol id is broken instead). */
    static byte[] corrupt(Wire wire, byte[] frame) {
        byte[] bad = frame.clone();
        switch (wire) {
            case TCP -> bad[3] ^= 0x55;
            case RTU -> bad[bad.length - 1] ^= 0x55;
            case ASCII -> bad[bad.length - 3] = (byte) (bad[bad.length - 3] == '0' ? '1' : '0');
        }
        return bad;
    }

    private static Optional<SlaveRequest> mbap(SlaveLink link) throws IOException {
        byte[] header = bytes(link, 7, 0);
        int length = (header[4] & 0xFF) << 8 | header[5] & 0xFF;
        if (length < 2 || length > 254) {
            return Optional.empty();
        }
        byte[] pdu = bytes(link, length - 1, 0);
        return Optional.of(new SlaveRequest(header[6] & 0xFF, (header[0] & 0xFF) << 8 | header[1] & 0xFF, pdu));
    }

    private static Optional<SlaveRequest> rtu(SlaveLink link) throws IOException {
        byte[] head = bytes(link, 2, 0);
        int function = head[1] & 0xFF;
        if (function < 1 || function > 6) {
            awaitQuiet(link);
            return Optional.empty();
        }
        byte[] frame = Arrays.copyOf(head, 8);
        System.arraycopy(bytes(link, 6, 0), 0, frame, 2, 6);
        int[] crc = ModbusUtil.calculateCRC(frame, 0, 6);
        if ((frame[6] & 0xFF) != crc[0] || (frame[7] & 0xFF) != crc[1]) {
            awaitQuiet(link);
            return Optional.empty();
        }
        return Optional.of(new SlaveRequest(frame[0] & 0xFF, 0, Arrays.copyOfRange(frame, 1, 6)));
    }

    private static Optional<SlaveRequest> ascii(SlaveLink link) throws IOException {
        int c = link.read(0);
        while (c != ':') {
            c = link.read(0);
        }
        StringBuilder text = new StringBuilder();
        for (c = link.read(0); c != '\n' && text.length() < 513; c = link.read(0)) {
            text.append((char) c);
        }
        String hex = text.toString().strip();
        if (hex.length() < 6 || hex.length() % 2 != 0) {
            return Optional.empty();
        }
        byte[] body = HEX.parseHex(hex);
        if (lrc(body, body.length - 1) != body[body.length - 1]) {
            return Optional.empty();
        }
        return Optional.of(new SlaveRequest(body[0] & 0xFF, 0, Arrays.copyOfRange(body, 1, body.length - 1)));
    }

    private static byte[] bytes(SlaveLink link, int count, long timeoutMs) throws IOException {
        byte[] bytes = new byte[count];
        for (int i = 0; i < count; i++) {
            int b = link.read(timeoutMs);
            bytes[i] = (byte) b;
        }
        return bytes;
    }

    private static void awaitQuiet(SlaveLink link) throws IOException {
        while (link.read(QUIET_MS) >= 0) {
            // drop the rest of a frame we cannot use
        }
    }

    static byte lrc(byte[] bytes, int length) {
        int sum = 0;
        for (int i = 0; i < length; i++) {
            sum += bytes[i];
        }
        return (byte) -sum;
    }
}
