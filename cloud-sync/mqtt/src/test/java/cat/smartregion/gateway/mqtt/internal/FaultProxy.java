package cat.smartregion.gateway.mqtt.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on loopback between the uplink and the broker that injects network faults: the
 * broker unreachable (connections reset at once), a reset after some bytes (in the middle of a
 * batch), a half-open connection (bytes vanish, nothing is closed) and a slow link (bandwidth cap).
 */
final class FaultProxy implements AutoCloseable {

    enum Mode { FORWARD, DOWN }

    private final ServerSocket server;
    private final int target;
    private final Thread acceptor;
    private final List<Pipe> pipes = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.FORWARD;
    private volatile int bytesPerSecond;
    private final AtomicLong resetAfterUpstreamBytes = new AtomicLong(-1);
    private final Queue<Long> laterResets = new ConcurrentLinkedQueue<>();
    private final AtomicLong connections = new AtomicLong();

    FaultProxy(int target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "fault-proxy-accept");
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Connections accepted so far. */
    long connections() {
        return connections.get();
    }

    /** Broker unreachable: resets every connection now and every new one at once. */
    void down() {
        mode = Mode.DOWN;
        pipes.forEach(Pipe::reset);
    }

    void up() {
        mode = Mode.FORWARD;
    }

    /**
     * Resets the connection after this many more bytes from the client, then (on the connection the
     * client opens next) after the next count, and so on: all armed at once, so none can be missed.
     */
    void resetAfter(long... upstreamBytes) {
        laterResets.clear();
        for (long n : upstreamBytes) {
            laterResets.add(n);
        }
        armNextReset();
    }

    private void armNextReset() {
        Long next = laterResets.poll();
        resetAfterUpstreamBytes.set(next == null ? -1 : next);
    }

    /** The current connections stop carrying bytes both ways, without closing; new ones work. */
    void freezeCurrent() {
        pipes.forEach(p -> p.frozen = true);
    }

    /** Caps both directions at this many bytes per second; 0: no cap. */
    void throttle(int limit) {
        bytesPerSecond = limit;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                connections.incrementAndGet();
                if (mode == Mode.DOWN) {
                    reset(client);
                    continue;
                }
                Socket broker = new Socket(InetAddress.getLoopbackAddress(), target);
                client.setTcpNoDelay(true);
                broker.setTcpNoDelay(true);
                Pipe pipe = new Pipe(client, broker);
                pipes.add(pipe);
                pipe.start();
            } catch (IOException e) {
                // closed, or the broker refused: the client sees its connection end
            }
        }
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }

    /** One proxied connection: a thread per direction. */
    private final class Pipe {
        private final Socket client;
        private final Socket broker;
        private final Thread up;
        private final Thread down;
        private volatile boolean frozen;

        Pipe(Socket client, Socket broker) {
            this.client = client;
            this.broker = broker;
            this.up = new Thread(() -> pump(client, broker, true), "fault-proxy-up");
            this.down = new Thread(() -> pump(broker, client, false), "fault-proxy-down");
        }

        void start() {
            up.start();
            down.start();
        }

        void reset() {
            FaultProxy.reset(client);
            FaultProxy.reset(broker);
        }

        void join() throws InterruptedException {
            up.join(5000);
            down.join(5000);
        }

        private void pump(Socket from, Socket to, boolean upstream) {
            byte[] buffer = new byte[4096];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    if (frozen) {
                        continue;
                    }
                    if (upstream && resetAfterUpstreamBytes.get() >= 0
                            && resetAfterUpstreamBytes.addAndGet(-n) < 0) {
                        armNextReset();
                        reset();
                        return;
                    }
                    pace(n);
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (SocketException e) {
                // reset or closed
            } catch (IOException e) {
                // the other side went away
            } finally {
                reset();
            }
        }

        private void pace(int n) {
            int limit = bytesPerSecond;
            if (limit > 0) {
                try {
                    Thread.sleep(Math.max(1, n * 1000L / limit));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
        acceptor.join(5000);
        for (Pipe pipe : pipes) {
            pipe.reset();
            pipe.join();
        }
    }
}
