package cat.smartregion.gateway.driver.modbus.internal;

import java.io.IOException;

/** Puts a request PDU into the frame format of a line and takes the answer's PDU out. State of one line. */
interface Framer {

    /** The frame carrying the PDU to the unit. */
    byte[] encode(int unit, byte[] pdu);

    /** Reads the answer to the frame last encoded. */
    Frame receive(FrameReader in, int unit, long deadline) throws IOException;

    /** The framer of a framing, fresh for one line. */
    static Framer of(Framing framing) {
        return switch (framing) {
            case TCP -> new MbapFramer();
            case RTU, RTU_OVER_TCP -> new RtuFramer();
            case ASCII -> new AsciiFramer();
        };
    }
}
