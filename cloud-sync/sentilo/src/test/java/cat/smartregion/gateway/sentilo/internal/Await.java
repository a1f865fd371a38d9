package cat.smartregion.gateway.sentilo.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds, failing after a generous deadline. */
final class Await {

    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final long POLL_NANOS = Duration.ofMillis(20).toNanos();

    private Await() {
    }

    static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}
