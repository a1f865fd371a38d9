package cat.smartregion.gateway.simulator.devices;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** A client's TCP connection to a slave. */
final class SocketSlaveLink implements SlaveLink {

    private final Socket socket;
    private final InputStream in;
    private int timeout = -1;

    SocketSlaveLink(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
    }

    @Override
    public int read(long timeoutMs) throws IOException {
        if (timeout != timeoutMs) {
            socket.setSoTimeout((int) timeoutMs);
            timeout = (int) timeoutMs;
        }
        try {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("client left");
            }
            return b;
        } catch (SocketTimeoutException e) {
            return -1;
        }
    }

    @Override
    public void write(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public String describe() {
        return String.valueOf(socket.getRemoteSocketAddress());
    }
}
