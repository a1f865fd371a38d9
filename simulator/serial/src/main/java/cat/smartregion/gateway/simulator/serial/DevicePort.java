package cat.smartregion.gateway.simulator.serial;

import cat.smartregion.gateway.simulator.devices.SocatPair;
import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;

/** The device's end of a serial line (a pty of a {@link SocatPair} in tests), through jSerialComm. */
final class DevicePort implements AutoCloseable {

    private final String path;
    private final SerialPort port;

    private DevicePort(String path, SerialPort port) {
        this.path = path;
        this.port = port;
    }

    /** Opens the port at 9600 8N1 with reads that return after at most {@code sliceMs} without data. */
    static DevicePort open(String path, int sliceMs) throws IOException {
        SerialPort port;
        try {
            port = SerialPort.getCommPort(path);
        } catch (SerialPortInvalidPortException e) {
            throw new IOException("no serial port " + path + ": " + e.getMessage(), e);
        }
        port.setComPortParameters(9600, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, sliceMs, 1000);
        if (!port.openPort()) {
            throw new IOException("cannot open serial port " + path + " (error " + port.getLastErrorCode() + ")");
        }
        return new DevicePort(path, port);
    }

    void write(byte[] bytes) throws IOException {
        int written = port.writeBytes(bytes, bytes.length);
        if (written != bytes.length) {
            throw new IOException("serial port " + path + " took " + written + " of " + bytes.length + " bytes");
        }
    }

    /** Reads what came, waiting at most one slice; 0 when nothing came. */
    int read(byte[] buffer) throws IOException {
        int n = port.readBytes(buffer, buffer.length);
        if (n < 0) {
            throw new IOException("serial port " + path + " failed (error " + port.getLastErrorCode() + ")");
        }
        return n;
    }

    @Override
    public void close() {
        port.closePort();
    }
}
