package cat.smartregion.gateway.launcher;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * SIGTERM or Ctrl-C as a signal the main thread waits for: the JVM's shutdown waits (up to a
 * limit) until the main thread has stopped the gateway cleanly and said {@link #finished()}.
 */
final class ShutdownSignal {

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);

    private ShutdownSignal() {
    }

    static ShutdownSignal install(Duration cleanStopLimit) {
        ShutdownSignal signal = new ShutdownSignal();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            signal.stop.countDown();
            try {
                signal.finished.await(cleanStopLimit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "gateway-shutdown"));
        return signal;
    }

    /** Waits up to {@code wait}; true when the process is asked to stop. */
    boolean awaitStop(Duration wait) throws InterruptedException {
        return stop.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    void awaitStop() throws InterruptedException {
        stop.await();
    }

    void finished() {
        finished.countDown();
    }
}
