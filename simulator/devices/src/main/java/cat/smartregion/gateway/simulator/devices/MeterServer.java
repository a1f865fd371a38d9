package cat.smartregion.gateway.simulator.devices;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Modbus TCP server serving simulated meters under their unit ids. It owns its listening socket,
 * one thread per client connection and, unless ticking is off, a ticker moving every meter on.
 * {@link #close()} closes every client connection, stops every thread and frees the port.
 */
public final class MeterServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MeterServer.class);
    private static final Duration JOIN_LIMIT = Duration.ofSeconds(5);

    private final ServerSocket listener;
    private final UnitDirectory units = new UnitDirectory();
    private final List<SimulatedMeter> meters = new CopyOnWriteArrayList<>();
    private final Map<ServerSession, Thread> sessions = new ConcurrentHashMap<>();
    private final Thread acceptor;
    private final ScheduledExecutorService ticker;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final List<Thread> tickerThreads = new CopyOnWriteArrayList<>();

    private MeterServer(ServerSocket listener, Duration tickEvery) {
        this.listener = listener;
        this.acceptor = new Thread(this::accept, "meter-server-" + port() + "-accept");
        this.acceptor.setDaemon(true);
        this.ticker = tickEvery.isZero() ? null : startTicker(tickEvery);
        this.acceptor.start();
    }

    /** Serves on the address and port (0 picks a free port), meters ticking every second. */
    public static MeterServer start(InetAddress address, int port) throws IOException {
        return start(address, port, Duration.ofSeconds(1));
    }

    /**
     * Serves on the address and port (0 picks a free port).
     *
     * @param tickEvery how often the meters move on; {@link Duration#ZERO} leaves ticking to the caller
     */
    public static MeterServer start(InetAddress address, int port, Duration tickEvery) throws IOException {
        if (tickEvery.isNegative()) {
            throw new IllegalArgumentException("tick interval must not be negative: " + tickEvery);
        }
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        try {
            socket.bind(new InetSocketAddress(address, port));
        } catch (IOException e) {
            socket.close();
            throw new IOException("cannot listen on " + address.getHostAddress() + ":" + port + ": " + e.getMessage(), e);
        }
        MeterServer server = new MeterServer(socket, tickEvery);
        LOG.info("Simulated meters listening on {}:{}", address.getHostAddress(), server.port());
        return server;
    }

    /** Serves the meter under the unit id (1-247); returns this server. */
    public MeterServer add(int unitId, SimulatedMeter meter) {
        if (unitId < 1 || unitId > 247) {
            throw new IllegalArgumentException("unit id must be 1-247, got " + unitId);
        }
        units.put(unitId, new MeterImage(meter));
        meters.add(meter);
        LOG.info("Port {} unit {}: {}", port(), unitId, meter.model().title());
        return this;
    }

    /** The port the server listens on. */
    public int port() {
        return listener.getLocalPort();
    }

    /** The address the server listens on. */
    public InetAddress address() {
        return listener.getInetAddress();
    }

    private ScheduledExecutorService startTicker(Duration every) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "meter-server-" + port() + "-ticker");
            thread.setDaemon(true);
            tickerThreads.add(thread);
            return thread;
        });
        long millis = Math.max(1, every.toMillis());
        executor.scheduleAtFixedRate(this::tickAll, millis, millis, TimeUnit.MILLISECONDS);
        return executor;
    }

    private void tickAll() {
        Instant now = Instant.now();
        meters.forEach(meter -> meter.tick(now));
    }

    private void accept() {
        int count = 0;
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                socket.setTcpNoDelay(true);
                ServerSession session = new ServerSession(socket, units);
                Thread thread = new Thread(() -> serve(session), "meter-server-" + port() + "-session-" + ++count);
                thread.setDaemon(true);
                sessions.put(session, thread);
                thread.start();
            } catch (IOException e) {
                LOG.trace("accept ended: {}", e.getMessage());
            }
        }
    }

    private void serve(ServerSession session) {
        try {
            session.run();
        } finally {
            sessions.remove(session);
        }
    }

    /** Closes the client connections and the listening socket, and stops every thread. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        int port = port();
        try {
            listener.close();
        } catch (IOException e) {
            LOG.trace("closing listener: {}", e.getMessage());
        }
        stopTicker();
        join(acceptor);
        sessions.keySet().forEach(ServerSession::close);
        sessions.values().forEach(MeterServer::join);
        units.stop();
        LOG.info("Simulated meters on port {} stopped", port);
    }

    private void stopTicker() {
        if (ticker == null) {
            return;
        }
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(JOIN_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tickerThreads.forEach(MeterServer::join);
    }

    private static void join(Thread thread) {
        try {
            thread.join(JOIN_LIMIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
