package cat.smartregion.gateway.driver.modbus.internal;

import cat.smartregion.gateway.api.driver.PointStatus;
import com.ghgande.j2mod.modbus.ModbusException;
import java.util.List;
import java.util.Locale;

/**
 * Which point status a j2mod transport failure means. j2mod 3.2.1 reports every transport failure
 * as a {@code ModbusIOException} without its cause, so the message is all there is to go by:
 * a socket timeout is TIMEOUT; a failed (re)connection, a write failure, the peer closing the
 * stream or a reset socket is UNREACHABLE; any other read failure is a BAD_FRAME.
 */
final class FailureKind {

    private static final List<String> BROKEN_SOCKET = List.of(
            "connection failed", "failed to write", "premature end of stream", "connection reset",
            "broken pipe", "socket closed", "socket is closed", "connection refused", "connection aborted");

    private FailureKind() {
    }

    static PointStatus of(ModbusException failure) {
        String message = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("timeout") || message.contains("timed out")) {
            return PointStatus.TIMEOUT;
        }
        if (BROKEN_SOCKET.stream().anyMatch(message::contains)) {
            return PointStatus.UNREACHABLE;
        }
        return PointStatus.BAD_FRAME;
    }
}
