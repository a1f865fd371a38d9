package cat.smartregion.gateway.simulator.devices;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one link until it closes: reads each request, lets the fault script decide, and answers
 * correctly or misbehaves as scripted.
 */
final class SlaveSession implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(SlaveSession.class);

    private final SlaveLink link;
    private final Wire wire;
    private final Responder responder;
    private final FaultScript faults;
    private final SlaveFigures figures;
    private final CountDownLatch closing;

    SlaveSession(SlaveLink link, Wire wire, Responder responder, FaultScript faults, SlaveFigures figures,
                 CountDownLatch closing) {
        this.link = link;
        this.wire = wire;
        this.responder = responder;
        this.faults = faults;
        this.figures = figures;
        this.closing = closing;
    }

    @Override
    public void run() {
        try {
            while (closing.getCount() > 0) {
                Optional<SlaveRequest> request = SlaveFrames.read(wire, link);
                if (request.isPresent()) {
                    answer(request.get());
                } else {
                    figures.dropped();
                }
            }
        } catch (IOException e) {
            LOG.trace("session {} ended: {}", link.describe(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            link.close();
        }
    }

    void close() {
        link.close();
    }

    private void answer(SlaveRequest request) throws IOException, InterruptedException {
        figures.request(request.unit());
        Optional<byte[]> pdu = responder.answer(request.unit(), request.pdu());
        Optional<Fault> fault = faults.next(request.unit());
        if (fault.isEmpty()) {
            pdu.ifPresent(p -> send(request.unit(), request.transaction(), p));
            return;
        }
        Fault f = fault.get();
        LOG.trace("unit {}: {}", request.unit(), f);
        byte[] data = pdu.orElse(Responder.exception(request.pdu()[0], 0x0B));
        switch (f.kind()) {
            case EXCEPTION -> send(request.unit(), request.transaction(), Responder.exception(request.pdu()[0], f.code()));
            case WRONG_TRANSACTION_ID -> {
                if (wire == Wire.TCP) {
                    send(request.unit(), (request.transaction() + 1) & 0xFFFF, data);
                } else {
                    send((request.unit() + 1) & 0xFF, 0, data);
                }
            }
            case SHORT_FRAME -> {
                byte[] frame = SlaveFrames.encode(wire, request.unit(), request.transaction(), data);
                link.write(Arrays.copyOf(frame, frame.length / 2));
            }
            case CRC_ERROR -> link.write(SlaveFrames.corrupt(wire, SlaveFrames.encode(wire, request.unit(), request.transaction(), data)));
            case LATE_REPLY -> {
                if (!closing.await(f.delay().toNanos(), TimeUnit.NANOSECONDS)) {
                    pdu.ifPresent(p -> send(request.unit(), request.transaction(), p));
                }
            }
            case SILENCE -> LOG.trace("unit {}: silent", request.unit());
        }
    }

    private void send(int unit, int transaction, byte[] pdu) {
        try {
            link.write(SlaveFrames.encode(wire, unit, transaction, pdu));
        } catch (IOException e) {
            LOG.trace("session {}: cannot answer: {}", link.describe(), e.getMessage());
            link.close();
        }
    }
}
