package cat.smartregion.gateway.simulator.devices;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scriptable Modbus slave: simulated meters or {@link RegisterBank}s under unit ids, served over
 * Modbus TCP, RTU or ASCII over TCP (a serial-to-Ethernet server), or RTU or ASCII on a serial
 * line (a pseudo-terminal of a socat pair in tests), misbehaving on demand: exception codes,
 * wrong transaction id, short frame, CRC error, late reply, silence ({@link Fault}).
 * A unit it does not serve answers exception 0B over Modbus TCP and stays silent otherwise.
 * {@link #close()} stops every thread and frees the port.
 */
public final class ModbusSlave implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModbusSlave.class);
    private static final Duration JOIN_LIMIT = Duration.ofSeconds(5);

    private final Wire wire;
    private final UnitDirectory units = new UnitDirectory();
    private final FaultScript faults = new FaultScript();
    private final SlaveFigures figures = new SlaveFigures();
    private final Responder responder;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Map<SlaveSession, Thread> sessions = new ConcurrentHashMap<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final ServerSocket listener;
    private final String where;

    private ModbusSlave(Wire wire, ServerSocket listener, String where) {
        this.wire = wire;
        this.listener = listener;
        this.where = where;
        this.responder = new Responder(units, listener != null && wire == Wire.TCP);
    }

    /**
     * Serves on a TCP port (0 picks a free one): Modbus TCP for {@link Wire#TCP}, or RTU or ASCII
     * frames over TCP as a serial-to-Ethernet server passes them.
     */
    public static ModbusSlave tcp(InetAddress address, int port, Wire wire) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        try {
            socket.bind(new InetSocketAddress(address, port));
        } catch (IOException e) {
            socket.close();
            throw new IOException("cannot listen on " + address.getHostAddress() + ":" + port + ": " + e.getMessage(), e);
        }
        ModbusSlave slave = new ModbusSlave(wire, socket, wire + " over TCP " + address.getHostAddress() + ":" + socket.getLocalPort());
        slave.start("modbus-slave-" + socket.getLocalPort() + "-accept", slave::accept);
        LOG.info("Modbus slave: {}", slave.where);
        return slave;
    }

    /** Serves RTU or ASCII on a serial port, e.g. one end of a socat pseudo-terminal pair. */
    public static ModbusSlave serial(String path, int baud, char parity, Wire wire) throws IOException {
        if (wire == Wire.TCP) {
            throw new IllegalArgumentException("a serial line carries RTU or ASCII, not Modbus TCP");
        }
        SerialSlaveLink link = SerialSlaveLink.open(path, baud, wire == Wire.ASCII ? 7 : 8, parity, 1);
        ModbusSlave slave = new ModbusSlave(wire, null, wire + " on " + path + " " + baud + " " + (wire == Wire.ASCII ? 7 : 8)
                + parity + "1");
        slave.serve(link, "modbus-slave-" + path.substring(path.lastIndexOf('/') + 1));
        LOG.info("Modbus slave: {}", slave.where);
        return slave;
    }

    /** Serves the meter under the unit id (1-247), refusing ranges across its holes; returns this slave. */
    public ModbusSlave add(int unit, SimulatedMeter meter) {
        return add(unit, meter, UndefinedRegisters.REFUSED);
    }

    /** Serves the meter under the unit id (1-247), answering ranges across its holes as asked; returns this slave. */
    public ModbusSlave add(int unit, SimulatedMeter meter, UndefinedRegisters undefined) {
        units.put(checked(unit), new MeterImage(meter, undefined));
        return this;
    }

    /** Serves the bank under the unit id (1-247); returns this slave. */
    public ModbusSlave add(int unit, RegisterBank bank) {
        units.put(checked(unit), new BankImage(bank));
        return this;
    }

    private static int checked(int unit) {
        if (unit < 1 || unit > 247) {
            throw new IllegalArgumentException("unit id must be 1-247, got " + unit);
        }
        return unit;
    }

    /** The unit shows the fault on its next {@code times} requests. */
    public void inject(int unit, Fault fault, int times) {
        faults.inject(unit, fault, times);
    }

    /** The unit shows the fault on every request until {@link #heal(int)}. */
    public void always(int unit, Fault fault) {
        faults.always(unit, fault);
    }

    /** The unit answers correctly again. */
    public void heal(int unit) {
        faults.heal(unit);
    }

    /** The TCP port served; 0 on a serial line. */
    public int port() {
        return listener == null ? 0 : listener.getLocalPort();
    }

    /** Requests received for the unit, answered or not. */
    public long requests(int unit) {
        return figures.requests(unit);
    }

    /** Requests received for any unit. */
    public long requests() {
        return figures.requests();
    }

    /** Request frames dropped for a bad checksum or length. */
    public long droppedFrames() {
        return figures.droppedFrames();
    }

    /** TCP connections accepted since start. */
    public long connections() {
        return figures.connections();
    }

    private void accept() {
        int count = 0;
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                socket.setTcpNoDelay(true);
                figures.connected();
                serve(new SocketSlaveLink(socket), "modbus-slave-" + port() + "-session-" + ++count);
            } catch (IOException e) {
                LOG.trace("accept ended: {}", e.getMessage());
            }
        }
    }

    private void serve(SlaveLink link, String name) {
        SlaveSession session = new SlaveSession(link, wire, responder, faults, figures, closing);
        Thread thread = thread(name, () -> {
            try {
                session.run();
            } finally {
                sessions.remove(session);
            }
        });
        sessions.put(session, thread);
        thread.start();
    }

    private void start(String name, Runnable body) {
        thread(name, body).start();
    }

    private Thread thread(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        threads.add(thread);
        return thread;
    }

    /** Closes every connection, the port and the serial line, and stops every thread. */
    @Override
    public void close() {
        if (closing.getCount() == 0) {
            return;
        }
        closing.countDown();
        if (listener != null) {
            try {
                listener.close();
            } catch (IOException e) {
                LOG.trace("closing listener: {}", e.getMessage());
            }
        }
        sessions.keySet().forEach(SlaveSession::close);
        for (Thread thread : threads) {
            try {
                thread.join(JOIN_LIMIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        units.stop();
        LOG.info("Modbus slave stopped: {}", where);
    }

    @Override
    public String toString() {
        return "ModbusSlave[" + where + "]";
    }
}
