package cat.smartregion.gateway.simulator.devices;

import com.fazecast.jSerialComm.SerialPort;
import java.io.EOFException;
import java.io.IOException;

/** A serial port (or pseudo-terminal) a slave answers on, through jSerialComm. */
final class SerialSlaveLink implements SlaveLink {

    private static final int SLICE_MS = 50;

    private final SerialPort port;
    private final byte[] buffer = new byte[512];
    private int position;
    private int limit;
    private volatile boolean closed;

    private SerialSlaveLink(SerialPort port) {
        this.port = port;
    }

    static SerialSlaveLink open(String path, int baud, int dataBits, char parity, int stopBits) throws IOException {
        SerialPort port = SerialPort.getCommPort(path);
        int parityMode = switch (parity) {
            case 'E' -> SerialPort.EVEN_PARITY;
            case 'O' -> SerialPort.ODD_PARITY;
            case 'N' -> SerialPort.NO_PARITY;
            default -> throw new IllegalArgumentException("parity must be N, E or O, got " + parity);
        };
        port.setComPortParameters(baud, dataBits, stopBits == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT, parityMode);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, SLICE_MS, 1000);
        if (!port.openPort()) {
            throw new IOException("cannot open serial port " + path + " (error " + port.getLastErrorCode() + ")");
        }
        return new SerialSlaveLink(port);
    }

    @Override
    public int read(long timeoutMs) throws IOException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        while (position == limit) {
            if (closed) {
                throw new EOFException("serial port closed");
            }
            int n = port.readBytes(buffer, buffer.length);
            if (n < 0) {
                throw new EOFException("serial port " + port.getSystemPortPath() + " failed");
            }
            position = 0;
            limit = n;
            if (n == 0 && timeoutMs > 0 && System.nanoTime() - deadline >= 0) {
                return -1;
            }
        }
        return buffer[position++] & 0xFF;
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        if (port.writeBytes(bytes, bytes.length) != bytes.length) {
            throw new IOException("serial port " + port.getSystemPortPath() + " did not take the answer");
        }
    }

    @Override
    public void close() {
        closed = true;
        port.closePort();
    }

    @Override
    public String describe() {
        return port.getSystemPortPath();
    }
}
