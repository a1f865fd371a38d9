package cat.smartregion.gateway.simulator.devices;

import java.time.Duration;
import java.util.Objects;

/**
 * A misbehaviour a {@link ModbusSlave} shows instead of its correct answer.
 *
 * @param kind  what goes wrong
 * @param code  the exception code for {@link Kind#EXCEPTION} (1-255), otherwise 0
 * @param delay how late a {@link Kind#LATE_REPLY} comes, otherwise zero
 */
public record Fault(Kind kind, int code, Duration delay) {

    /** The misbehaviours. */
    public enum Kind {
        /** Answers a Modbus exception (01-0B) instead of data. */
        EXCEPTION,
        /** TCP: answers with the next transaction id; RTU and ASCII: answers as the next unit id. */
        WRONG_TRANSACTION_ID,
        /** Sends the first half of the answer frame only. */
        SHORT_FRAME,
        /** RTU: wrong CRC; ASCII: wrong LRC; TCP (no checksum): a corrupt MBAP protocol id. */
        CRC_ERROR,
        /** Answers correctly after a delay (meant to exceed the master's timeout). */
        LATE_REPLY,
        /** Does not answer at all. */
        SILENCE
    }

    public Fault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(delay, "delay");
        if (kind == Kind.EXCEPTION && (code < 1 || code > 255)) {
            throw new IllegalArgumentException("exception code must be 1-255, got " + code);
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
    }

    public static Fault exception(int code) {
        return new Fault(Kind.EXCEPTION, code, Duration.ZERO);
    }

    public static Fault wrongTransactionId() {
        return new Fault(Kind.WRONG_TRANSACTION_ID, 0, Duration.ZERO);
    }

    public static Fault shortFrame() {
        return new Fault(Kind.SHORT_FRAME, 0, Duration.ZERO);
    }

    public static Fault crcError() {
        return new Fault(Kind.CRC_ERROR, 0, Duration.ZERO);
    }

    public static Fault lateReply(Duration delay) {
        return new Fault(Kind.LATE_REPLY, 0, delay);
    }

    public static Fault silence() {
        return new Fault(Kind.SILENCE, 0, Duration.ZERO);
    }
}
