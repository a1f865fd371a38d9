package cat.smartregion.gateway.driver.serial.internal;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;

/**
 * An open serial port through jSerialComm (an RS-232/RS-485 adapter, or a pseudo-terminal in
 * tests). Reads are semi-blocking with a short slice, so a reader notices a deadline or a close soon.
 */
final class PortLink implements AutoCloseable {

    static final int SLICE_MS = 50;

    private final SerialEndpoint endpoint;
    private final SerialPort port;

    private PortLink(SerialEndpoint endpoint, SerialPort port) {
        this.endpoint = endpoint;
        this.port = port;
    }

    static PortLink open(SerialEndpoint endpoint) throws IOException {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(endpoint.path());
        } catch (SerialPortInvalidPortException e) {
            throw new IOException("no serial port " + endpoint.path() + ": " + e.getMessage(), e);
        }
        port.setComPortParameters(endpoint.baud(), endpoint.dataBits(), stopBits(endpoint), parity(endpoint));
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, SLICE_MS, 1000);
        if (!port.openPort()) {
            throw new IOException("cannot open serial port " + endpoint + " (error " + port.getLastErrorCode() + ")");
        }
        return new PortLink(endpoint, port);
    }

    private static int stopBits(SerialEndpoint endpoint) {
        return endpoint.stopBits() == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT;
    }

    private static int parity(SerialEndpoint endpoint) {
        return switch (endpoint.parity()) {
            case 'E' -> SerialPort.EVEN_PARITY;
            case 'O' -> SerialPort.ODD_PARITY;
            default -> SerialPort.NO_PARITY;
        };
    }

    void write(byte[] bytes) throws IOException {
        int written = port.writeBytes(bytes, bytes.length);
        if (written != bytes.length) {
            throw new IOException("serial port " + endpoint.path() + " took " + written + " of " + bytes.length + " bytes");
        }
    }

    /** Reads what has come, waiting at most one slice; 0 when nothing came. */
    int read(byte[] buffer) throws IOException {
        int n = port.readBytes(buffer, buffer.length);
        if (n < 0) {
            throw new IOException("serial port " + endpoint.path() + " failed (error " + port.getLastErrorCode() + ")");
        }
        return n;
    }

    /** Drops what is waiting (a late answer) before a new request. */
    void discard() throws IOException {
        byte[] sink = new byte[256];
        for (int available = port.bytesAvailable(); available > 0; available = port.bytesAvailable()) {
            if (port.readBytes(sink, Math.min(available, sink.length)) < 0) {
                throw new IOException("serial port " + endpoint.path() + " failed (error " + port.getLastErrorCode() + ")");
            }
        }
    }

    SerialEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        port.closePort();
    }
}
