package cat.smartregion.gateway.driver.modbus.internal;

import cat.smartregion.gateway.api.driver.Connection;
import cat.smartregion.gateway.api.driver.PointRequest;
import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.api.driver.RawValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to one unit on a shared {@link Line}. A read plans its requests ({@link RequestPlan}),
 * sends them one at a time and slices each point's bytes out of its block's answer. A block that
 * answers illegal data address is read again point by point and the unit's {@link Holes} learn why.
 * A read stops sending once the unit proved absent, so a dead unit costs one timeout per read and
 * does not hold up the others on the bus: after a timeout, or a gateway's exception 0A/0B, the
 * remaining points get the same status without a request; after the line broke they are
 * UNREACHABLE, as every later read until the owner connects again. Confined to one thread.
 */
final class UnitConnection implements Connection {

    private static final Logger LOG = LoggerFactory.getLogger(UnitConnection.class);

    private final Endpoint endpoint;
    private final Line line;
    private final Holes holes;
    private final RequestPlan.Limits limits;
    private final Runnable onClose;
    private boolean broken;
    private boolean closed;
    private Optional<BlockAnswer> unitAbsent = Optional.empty();
    private ReadFigures lastRead = ReadFigures.NONE;
    private List<PointRequest> plannedFor = List.of();
    private int plannedWithHoles = -1;
    private RequestPlan plan = new RequestPlan(List.of());
    private long requestsSent;
    private int requests;
    private int fallbacks;

    UnitConnection(Endpoint endpoint, Line line, Holes holes, int maxBits, Runnable onClose) {
        this.endpoint = endpoint;
        this.line = line;
        this.holes = holes;
        this.limits = new RequestPlan.Limits(endpoint.maxRegisters(), maxBits, endpoint.gap());
        this.onClose = onClose;
    }

    @Override
    public List<RawValue> read(List<PointRequest> points) {
        long started = System.nanoTime();
        RawValue[] results = new RawValue[points.size()];
        requests = 0;
        fallbacks = 0;
        unitAbsent = Optional.empty();
        planFor(points).blocks().forEach(block -> read(block, results, true));
        lastRead = new ReadFigures(points.size(), requests, fallbacks, System.nanoTime() - started);
        requestsSent += requests;
        return List.of(results);
    }

    /**
     * The plan of the last read when the same immutable list comes again and nothing was learned
     * since (a poller's case: {@code List.copyOf} returns an immutable list itself, copies any other).
     */
    private RequestPlan planFor(List<PointRequest> asked) {
        List<PointRequest> points = List.copyOf(asked);
        if (points != plannedFor || holes.size() != plannedWithHoles) {
            plan = RequestPlan.of(plan(points), limits, holes);
            plannedFor = points;
            plannedWithHoles = holes.size();
        }
        return plan;
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
        if (answer.isIllegalAddress() && mayFallBack && (block.members().size() > 1 || block.bridges())) {
            LOG.trace("{} {}: illegal address, reading its points one by one", endpoint, block);
            List<PlannedPoint> failedAlone = new ArrayList<>();
            for (PlannedPoint point : block.members()) {
                fallbacks++;
                read(RegisterBlock.of(point), results, false);
                if (results[point.index()].status() == PointStatus.EXCEPTION
                        && results[point.index()].exceptionCode() == ExceptionCode.ILLEGAL_DATA_ADDRESS) {
                    failedAlone.add(point);
                }
            }
            if (!broken && unitAbsent.isEmpty()) {
                holes.learn(block, failedAlone);
            }
            return;
        }
        for (PlannedPoint point : block.members()) {
            results[point.index()] = answer.forPoint(block, point);
        }
    }

    private BlockAnswer send(RegisterBlock block) {
        if (closed || broken) {
            return BlockAnswer.failed(PointStatus.UNREACHABLE, (closed ? "connection closed" : "the line broke earlier")
                    + ", connect to " + endpoint.hostPort() + " again");
        }
        if (unitAbsent.isPresent()) {
            return unitAbsent.get();
        }
        requests++;
        Frame frame = line.exchange(endpoint.unit(), block.pdu(), endpoint.timeoutMs());
        BlockAnswer answer = frame instanceof Frame.Answer a ? Pdu.answer(block, a.pdu()) : failed((Frame.Failed) frame, block);
        LOG.trace("{} {}: {}", endpoint, block, answer.status());
        remember(answer);
        if (frame instanceof Frame.Failed f && f.waitedOut() && unitAbsent.isEmpty()) {
            unitAbsent = Optional.of(BlockAnswer.failed(f.status(),
                    "not sent: the unit's answer to an earlier request of this read stopped short"));
        }
        return answer;
    }

    private BlockAnswer failed(Frame.Failed failure, RegisterBlock block) {
        String detail = failure.status() == PointStatus.TIMEOUT
                ? "no answer within " + endpoint.timeoutMs() + " ms" : failure.detail();
        return BlockAnswer.failed(failure.status(), detail + " (unit " + endpoint.unit() + " on " + line.describe()
                + ", " + block + ")");
    }

    private void remember(BlockAnswer answer) {
        if (answer.status() == PointStatus.UNREACHABLE) {
            broken = true;
        } else if (answer.status() == PointStatus.TIMEOUT) {
            unitAbsent = Optional.of(BlockAnswer.failed(PointStatus.TIMEOUT,
                    "not sent: the unit did not answer an earlier request of this read"));
        } else if (answer.status() == PointStatus.EXCEPTION && (answer.exceptionCode() == ExceptionCode.GATEWAY_PATH_UNAVAILABLE
                || answer.exceptionCode() == ExceptionCode.GATEWAY_TARGET_NO_RESPONSE)) {
            unitAbsent = Optional.of(answer);
        }
    }

    /** Figures of the last read call. */
    ReadFigures lastRead() {
        return lastRead;
    }

    /** Requests sent since the connection opened. */
    long requestsSent() {
        return requestsSent;
    }

    Holes holes() {
        return holes;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            onClose.run();
            LOG.debug("Modbus connection to {} closed", endpoint);
        }
    }

    @Override
    public String toString() {
        return "UnitConnection[" + endpoint + (broken ? " broken" : "") + (closed ? " closed" : "") + "]";
    }
}
