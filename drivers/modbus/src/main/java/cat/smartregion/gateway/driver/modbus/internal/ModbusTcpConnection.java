package cat.smartregion.gateway.driver.modbus.internal;

import cat.smartregion.gateway.api.driver.Connection;
import cat.smartregion.gateway.api.driver.PointRequest;
import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.api.driver.RawValue;
import com.ghgande.j2mod.modbus.net.TCPMasterConnection;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An open Modbus TCP connection to one unit. A read plans its requests ({@link RequestPlan}),
 * sends them one at a time and slices each point's bytes out of its block's answer. A block that
 * answers illegal data address is read again point by point, so that a bad address costs only its
 * own point. Once the socket broke, this read's remaining points and every later read answer
 * UNREACHABLE without a request: the owner connects again. Confined to one thread.
 */
final class ModbusTcpConnection implements Connection {

    private static final Logger LOG = LoggerFactory.getLogger(ModbusTcpConnection.class);

    private final TcpEndpoint endpoint;
    private final DriverSettings settings;
    private final TCPMasterConnection socket;
    private final ModbusExchange exchange;
    private boolean broken;
    private boolean closed;
    private ReadFigures lastRead = ReadFigures.NONE;
    private long requestsSent;
    private int requests;
    private int fallbacks;

    ModbusTcpConnection(TcpEndpoint endpoint, DriverSettings settings, TCPMasterConnection socket) {
        this.endpoint = endpoint;
        this.settings = settings;
        this.socket = socket;
        this.exchange = new ModbusExchange(socket, endpoint);
    }

    @Override
    public List<RawValue> read(List<PointRequest> points) {
        long started = System.nanoTime();
        List<PlannedPoint> planned = plan(points);
        RawValue[] results = new RawValue[points.size()];
        requests = 0;
        fallbacks = 0;
        RequestPlan plan = RequestPlan.of(planned, settings.maxRegistersPerRequest(), settings.maxBitsPerRequest());
        plan.blocks().forEach(block -> read(block, results, true));
        lastRead = new ReadFigures(points.size(), requests, fallbacks, System.nanoTime() - started);
        requestsSent += requests;
        return List.of(results);
    }

    private static List<PlannedPoint> plan(List<PointRequest> points) {
        List<PlannedPoint> planned = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            PointRequest p = points.get(i);
            try {
                planned.add(new PlannedPoint(i, p.point(), PointAddress.parse(p.address(), p.length())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("point " + p.point() + ": " + e.getMessage(), e);
            }
        }
        return planned;
    }

    private void read(RegisterBlock block, RawValue[] results, boolean mayFallBack) {
        BlockAnswer answer = send(block);
        if (answer.isIllegalAddress() && mayFallBack && block.members().size() > 1) {
            LOG.trace("{} {}: illegal address, reading its points one by one", endpoint, block);
            for (PlannedPoint point : block.members()) {
                fallbacks++;
                read(RegisterBlock.of(point), results, false);
            }
            return;
        }
        for (PlannedPoint point : block.members()) {
            results[point.index()] = answer.forPoint(block, point);
        }
    }

    private BlockAnswer send(RegisterBlock block) {
        if (closed || broken) {
            return BlockAnswer.failed(PointStatus.UNREACHABLE, (closed ? "connection closed" : "connection broke earlier")
                    + ", connect to " + endpoint.hostPort() + " again");
        }
        requests++;
        BlockAnswer answer = exchange.read(block);
        if (answer.status() == PointStatus.UNREACHABLE) {
            broken = true;
            socket.close();
        }
        return answer;
    }

    /** Figures of the last read call. */
    ReadFigures lastRead() {
        return lastRead;
    }

    /** Requests sent since the connection opened. */
    long requestsSent() {
        return requestsSent;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            socket.close();
            LOG.info("Modbus TCP connection to {} closed", endpoint);
        }
    }

    @Override
    public String toString() {
        return "ModbusTcpConnection[" + endpoint + (broken ? " broken" : "") + (closed ? " closed" : "") + "]";
    }
}
