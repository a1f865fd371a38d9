package cat.smartregion.gateway.driver.modbus.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;

/** A TCP connection to a Modbus TCP device or a serial-to-Ethernet server. */
final class SocketLink implements Link {

    private final String host;
    private final int port;
    private final int connectTimeoutMs;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    SocketLink(String host, int port, int connectTimeoutMs) {
        this.host = host;
        this.port = port;
        this.connectTimeoutMs = connectTimeoutMs;
    }

    @Override
    public void open() throws IOException {
        close();
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(host, port), connectTimeoutMs);
            in = new BufferedInputStream(s.getInputStream(), 1024);
            out = s.getOutputStream();
            socket = s;
        } catch (IOException e) {
            s.close();
            throw new IOException("cannot connect to " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean isOpen() {
        return socket != null;
    }

    @Override
    public void write(byte[] frame) throws IOException {
        out.write(frame);
    }

    @Override
    public int read(byte[] buffer, int offset, int length, long deadline) throws IOException {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0 && in.available() == 0) {
            return 0;
        }
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left)));
        try {
            int n = in.read(buffer, offset, length);
            if (n < 0) {
                throw new IOException(describe() + " closed the connection");
            }
            return n;
        } catch (SocketTimeoutException e) {
            return 0;
        }
    }

    @Override
    public int discard() throws IOException {
        int dropped = 0;
        for (int n = in.available(); n > 0; n = in.available()) {
            dropped += (int) in.skip(n);
        }
        return dropped;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a broken socket: nothing more to free
            }
            socket = null;
            in = null;
            out = null;
        }
    }

    @Override
    public String describe() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
