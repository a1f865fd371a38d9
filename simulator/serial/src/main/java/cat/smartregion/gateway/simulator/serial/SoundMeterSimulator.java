package cat.smartregion.gateway.simulator.serial;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sound level meter with the remote-control line protocol of Svantek meters (SV 971A, SVAN 958A):
 * a request {@code #2,1,...;} is answered with the current results, e.g.
 * {@code #2,1,T3,V0,P76.92,M52.92,N38.50,S46.35,R64.50;}. In push mode it prints that line (and a
 * CR LF) every period unasked, like a meter logging to a serial printer. Fault injection with
 * {@link SerialFault}. One thread, {@code sound-meter-<port>}, ended by {@link #close()}.
 */
public final class SoundMeterSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SoundMeterSimulator.class);

    private final DevicePort port;
    private final long periodMs;
    private final boolean push;
    private final Thread thread;
    private final Random random = new Random(971);
    private final AtomicReference<SoundSample> fixed = new AtomicReference<>();
    private final AtomicReference<SerialFault> fault = new AtomicReference<>(SerialFault.NONE);
    private final AtomicLong linesSent = new AtomicLong();
    private final long started = System.nanoTime();
    private volatile boolean running = true;

    private SoundMeterSimulator(DevicePort port, String name, long periodMs, boolean push) {
        this.port = port;
        this.periodMs = periodMs;
        this.push = push;
        this.thread = new Thread(this::run, "sound-meter-" + name);
    }

    /** A meter that answers requests. */
    public static SoundMeterSimulator answering(String path) throws IOException {
        return start(path, 0, false);
    }

    /** A meter that prints its results every {@code periodMs} unasked. */
    public static SoundMeterSimulator pushing(String path, long periodMs) throws IOException {
        return start(path, periodMs, true);
    }

    private static SoundMeterSimulator start(String path, long periodMs, boolean push) throws IOException {
        SoundMeterSimulator meter = new SoundMeterSimulator(DevicePort.open(path, 20), path, periodMs, push);
        meter.thread.start();
        LOG.info("Sound meter simulator on {} ({})", path, push ? "printing every " + periodMs + " ms" : "answering #2 requests");
        return meter;
    }

    /** Reports these values from now on. */
    public SoundMeterSimulator fix(SoundSample sample) {
        fixed.set(sample);
        return this;
    }

    /** Injects a fault in every line from now on ({@link SerialFault#NONE} ends it). */
    public void fault(SerialFault f) {
        fault.set(f);
    }

    /** Lines (answers or printed results) written so far. */
    public long linesSent() {
        return linesSent.get();
    }

    private void run() {
        byte[] buffer = new byte[256];
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        long next = System.nanoTime();
        while (running) {
            try {
                int n = port.read(buffer);
                if (push && System.nanoTime() - next >= 0) {
                    send("\r\n");
                    next += periodMs * 1_000_000L;
                }
                for (int i = 0; i < n; i++) {
                    request.write(buffer[i]);
                    if (buffer[i] == ';') {
                        answer(request.toString(StandardCharsets.US_ASCII).strip());
                        request.reset();
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("Sound meter simulator: {}", e.getMessage());
                return;
            }
        }
    }

    private void answer(String request) throws IOException {
        if (request.startsWith("#2")) {
            send("");
        } else {
            LOG.debug("Sound meter simulator ignores '{}'", request);
        }
    }

    private void send(String after) throws IOException {
        String line = withFault(sample().svantekAnswer());
        if (line.isEmpty()) {
            return;
        }
        port.write((line + after).getBytes(StandardCharsets.US_ASCII));
        linesSent.incrementAndGet();
    }

    private SoundSample sample() {
        SoundSample f = fixed.get();
        int seconds = (int) ((System.nanoTime() - started) / 1_000_000_000L);
        return f != null ? f : SoundSample.around(58 + random.nextGaussian() * 2, seconds, random);
    }

    private String withFault(String line) {
        return switch (fault.get()) {
            case NONE -> line;
            case CORRUPT -> line.replace(',', '@');
            case TRUNCATED -> line.substring(0, line.length() / 2) + ";";
            case GARBAGE -> "xq\u0007ZZ" + random.nextInt(1000) + line;
            case SILENCE -> "";
        };
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        port.close();
    }
}
