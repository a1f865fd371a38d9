package cat.smartregion.gateway.driver.serial.internal;

import static org.junit.jupiter.api.Assertions.fail;

import cat.smartregion.gateway.api.driver.PointRequest;
import cat.smartregion.gateway.api.driver.PointStatus;
import cat.smartregion.gateway.api.driver.RawValue;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/** Test helpers: polling a connection until its answer looks as expected, with a generous deadline. */
final class SerialRig {

    static final Duration PATIENCE = Duration.ofSeconds(20);

    private SerialRig() {
    }

    /** Reads until the first value satisfies {@code expected}; fails with the last answer after {@link #PATIENCE}. */
    static List<RawValue> readUntil(SerialConnection connection, List<PointRequest> points, Predicate<RawValue> expected,
                                    String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        List<RawValue> answer = connection.read(points);
        while (!expected.test(answer.get(0))) {
            if (System.nanoTime() - deadline > 0) {
                fail("waited " + PATIENCE + " for " + what + "; last answer " + answer + " (" + answer.get(0).detail() + ")");
            }
            answer = connection.read(points);
        }
        return answer;
    }

    static Predicate<RawValue> status(PointStatus status) {
        return v -> v.status() == status;
    }

    /** Threads of connections still alive (none once every connection is closed). */
    static long readerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("serial-")).count();
    }
}
