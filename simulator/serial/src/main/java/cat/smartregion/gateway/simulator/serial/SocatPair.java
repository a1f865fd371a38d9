package cat.smartregion.gateway.simulator.serial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A serial line on one machine: two pseudo-terminals joined by {@code socat}
 * ({@code socat -d -d pty,raw,echo=0,link=A pty,raw,echo=0,link=B}), what one end writes the
 * other reads. A pty has no baud timing, so it serves functional tests, not timing. Needs
 * Debian's {@code socat}. {@link #close()} ends the socat process.
 */
public final class SocatPair implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofSeconds(10);

    private final Process process;
    private final Path a;
    private final Path b;

    private SocatPair(Process process, Path a, Path b) {
        this.process = process;
        this.a = a;
        this.b = b;
    }

    /**
     * Starts socat with the two ends linked as {@code dir/A} and {@code dir/B}.
     *
     * @throws IOException when socat is missing or does not make the ptys in time
     */
    public static SocatPair open(Path dir) throws IOException {
        Path a = dir.resolve("A");
        Path b = dir.resolve("B");
        Process process;
        try {
            process = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
        } catch (IOException e) {
            throw new IOException("socat is missing: install it with 'apt-get install -y socat' (" + e.getMessage() + ")", e);
        }
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (!(Files.exists(a) && Files.exists(b))) {
            if (!process.isAlive() || System.nanoTime() - deadline > 0) {
                process.destroyForcibly();
                throw new IOException("socat did not make the pseudo-terminals " + a + " and " + b + " within "
                        + START_LIMIT + ": " + Files.readString(dir.resolve("socat.log")));
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        return new SocatPair(process, a, b);
    }

    /** One end (the master's, by convention). */
    public String a() {
        return a.toString();
    }

    /** The other end (the slave's, by convention). */
    public String b() {
        return b.toString();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
