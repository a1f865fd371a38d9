package cat.smartregion.gateway.driver.modbus.internal;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;

/**
 * A serial port (RS-485 adapter, RS-232, or a pseudo-terminal in tests) through jSerialComm.
 * Reads poll in short semi-blocking slices so that a read returns as soon as a byte arrives and
 * honours its deadline within a slice.
 */
final class SerialLink implements Link {

    private static final int SLICE_MS = 20;

    private final String path;
    private final SerialSettings settings;
    private SerialPort port;

    SerialLink(String path, SerialSettings settings) {
        this.path = path;
        this.settings = settings;
    }

    @Override
    public void open() throws IOException {
        close();
        SerialPort p;
        try {
            p = SerialPort.getCommPort(path);
        } catch (SerialPortInvalidPortException e) {
            throw new IOException("no serial port " + path + ": " + e.getMessage(), e);
        }
        p.setComPortParameters(settings.baud(), settings.dataBits(), stopBits(), parity());
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, SLICE_MS, 1000);
        if (!p.openPort()) {
            throw new IOException("cannot open serial port " + describe() + " (error " + p.getLastErrorCode() + ")");
        }
        port = p;
    }

    private int stopBits() {
        return settings.stopBits() == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT;
    }

    private int parity() {
        return switch (settings.parity()) {
            case 'E' -> SerialPort.EVEN_PARITY;
            case 'O' -> SerialPort.ODD_PARITY;
            default -> SerialPort.NO_PARITY;
        };
    }

    @Override
    public boolean isOpen() {
        return port != null;
    }

    @Override
    public void write(byte[] frame) throws IOException {
        int written = port.writeBytes(frame, frame.length);
        if (written != frame.length) {
            throw new IOException("serial port " + path + " took " + written + " of " + frame.length + " bytes");
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length, long deadline) throws IOException {
        do {
            int n = port.readBytes(buffer, length, offset);
            if (n < 0) {
                throw new IOException("serial port " + path + " failed (error " + port.getLastErrorCode() + ")");
            }
            if (n > 0) {
                return n;
            }
        } while (System.nanoTime() - deadline < 0);
        return 0;
    }

    @Override
    public int discard() throws IOException {
        int dropped = 0;
        byte[] sink = new byte[256];
        for (int available = port.bytesAvailable(); available != 0; available = port.bytesAvailable()) {
            if (available < 0) {
                throw new IOException("serial port " + path + " failed (error " + port.getLastErrorCode() + ")");
            }
            dropped += Math.max(0, port.readBytes(sink, Math.min(available, sink.length)));
        }
        return dropped;
    }

    @Override
    public void close() {
        if (port != null) {
            port.closePort();
            port = null;
        }
    }

    @Override
    public String describe() {
        return path + " " + settings;
    }
}
