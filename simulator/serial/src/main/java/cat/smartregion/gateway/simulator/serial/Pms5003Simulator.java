package cat.smartregion.gateway.simulator.serial;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Plantower PMS5003-class particulate sensor in active mode: one 32-byte frame per period
 * (the real sensor sends one every 0.2 to 2.3 s), values drifting plausibly unless fixed, with
 * fault injection ({@link SerialFault}). One thread, {@code pms5003-<port>}, ended by {@link #close()}.
 */
public final class Pms5003Simulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Pms5003Simulator.class);

    private final DevicePort port;
    private final ScheduledExecutorService timer;
    private final Random random = new Random(5003);
    private final AtomicReference<ParticleSample> fixed = new AtomicReference<>();
    private final AtomicReference<SerialFault> fault = new AtomicReference<>(SerialFault.NONE);
    private final AtomicLong framesSent = new AtomicLong();
    private int level = 12;

    private Pms5003Simulator(DevicePort port, String name) {
        this.port = port;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "pms5003-" + name));
    }

    /** Opens the serial port at {@code path} and sends a frame every {@code period}. */
    public static Pms5003Simulator start(String path, Duration period) throws IOException {
        Pms5003Simulator sensor = new Pms5003Simulator(DevicePort.open(path, 50), path);
        sensor.timer.scheduleAtFixedRate(sensor::emit, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("PMS5003 simulator on {}, one frame every {} ms", path, period.toMillis());
        return sensor;
    }

    /** Sends these values in every frame from now on. */
    public Pms5003Simulator fix(ParticleSample sample) {
        fixed.set(sample);
        return this;
    }

    /** Injects a fault in every frame from now on ({@link SerialFault#NONE} ends it). */
    public void fault(SerialFault f) {
        fault.set(f);
    }

    /** Frames (or parts of frames) written so far. */
    public long framesSent() {
        return framesSent.get();
    }

    private void emit() {
        try {
            byte[] bytes = withFault(Pms5003Frame.encode(sample()));
            if (bytes.length > 0) {
                port.write(bytes);
                framesSent.incrementAndGet();
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("PMS5003 simulator could not write: {}", e.getMessage());
        }
    }

    private ParticleSample sample() {
        ParticleSample f = fixed.get();
        if (f != null) {
            return f;
        }
        level = Math.max(2, Math.min(80, level + random.nextInt(3) - 1));
        return ParticleSample.around(level, random);
    }

    private byte[] withFault(byte[] frame) {
        return switch (fault.get()) {
            case NONE -> frame;
            case CORRUPT -> {
                frame[31] ^= 0x5A;
                yield frame;
            }
            case TRUNCATED -> Arrays.copyOf(frame, 20);
            case GARBAGE -> garbageThen(frame);
            case SILENCE -> new byte[0];
        };
    }

    /** Random bytes (with a stray 0x42 to tempt the reader) before the frame. */
    private byte[] garbageThen(byte[] frame) {
        byte[] junk = new byte[7 + random.nextInt(9)];
        random.nextBytes(junk);
        junk[2] = 0x42;
        byte[] out = Arrays.copyOf(junk, junk.length + frame.length);
        System.arraycopy(frame, 0, out, junk.length, frame.length);
        return out;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        port.close();
    }
}
