package cat.smartregion.gateway.driver.modbus.internal;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A misbehaving Modbus TCP peer on loopback for fault tests: reads each request frame and answers
 * what the script makes of it, or nothing at all.
 */
final class ScriptedPeer implements AutoCloseable {

    private final ServerSocket listener;
    private final Function<byte[], Optional<byte[]>> script;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    ScriptedPeer(Function<byte[], Optional<byte[]>> script) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.script = script;
        this.acceptor = new Thread(this::accept, "scripted-peer-accept");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    /** A peer that never answers. */
    static ScriptedPeer silent() throws IOException {
        return new ScriptedPeer(request -> Optional.empty());
    }

    int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                clients.add(client);
                Thread session = new Thread(() -> serve(client), "scripted-peer-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try {
            DataInputStream in = new DataInputStream(client.getInputStream());
            while (true) {
                byte[] header = new byte[6];
                in.readFully(header);
                byte[] request = new byte[6 + (header[4] << 8 | header[5] & 0xFF)];
                System.arraycopy(header, 0, request, 0, 6);
                in.readFully(request, 6, request.length - 6);
                Optional<byte[]> answer = script.apply(request);
                if (answer.isPresent()) {
                    client.getOutputStream().write(answer.get());
                }
            }
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    @Override
    public void close() throws Exception {
        listener.close();
        acceptor.join(5000);
        clients.forEach(ScriptedPeer::closeQuietly);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed: nothing left to free
        }
    }
}
