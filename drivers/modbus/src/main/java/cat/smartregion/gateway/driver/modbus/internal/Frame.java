package cat.smartregion.gateway.driver.modbus.internal;

import cat.smartregion.gateway.api.driver.PointStatus;
import java.util.Objects;

/** What came back for one request frame: the answer's PDU, or why there is none. */
sealed interface Frame permits Frame.Answer, Frame.Failed, LateFrame {

    /** How the detail of a frame cut off by the timeout starts. */
    String SHORT_FRAME = "short frame: ";

    /** A well-formed answer from the unit asked: function code first. */
    record Answer(byte[] pdu) implements Frame {
        public Answer {
            if (pdu.length < 2) {
                throw new IllegalArgumentException("a PDU has at least a function code and one byte");
            }
        }
    }

    /**
     * No usable answer.
     *
     * @param status TIMEOUT, BAD_FRAME or UNREACHABLE
     * @param detail what happened
     * @param resync whether the line must be cleared before the next request: stray bytes of this
     *               answer may still come (serial: wait for silence; TCP: connect again)
     */
    record Failed(PointStatus status, String detail, boolean resync) implements Frame {

        /** Whether the whole response timeout went by: nothing came, or a frame stopped short. */
        public boolean waitedOut() {
            return status == PointStatus.TIMEOUT || detail.startsWith(SHORT_FRAME);
        }

        public Failed {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(detail, "detail");
        }
    }

    static Failed badFrame(String detail) {
        return new Failed(PointStatus.BAD_FRAME, detail, true);
    }

    /** Nothing at all arrived before the deadline. */
    static Failed silence() {
        return new Failed(PointStatus.TIMEOUT, "no answer", false);
    }

    /** Part of a frame arrived, then nothing until the deadline. */
    static Failed shortFrame(int got, int expected) {
        return badFrame(SHORT_FRAME + got + " of " + expected + " bytes before the timeout");
    }
}
