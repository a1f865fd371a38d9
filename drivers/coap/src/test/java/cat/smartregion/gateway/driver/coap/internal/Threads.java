package cat.smartregion.gateway.driver.coap.internal;

import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/** Checks that what a test started has stopped. */
final class Threads {

    private Threads() {
    }

    static Set<Thread> live() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).collect(Collectors.toSet());
    }

    /** Waits (up to 20 s) until no thread alive now but not in {@code before} remains; fails naming them. */
    static void awaitNoneBut(Set<Thread> before) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        Set<Thread> extra;
        do {
            extra = live();
            extra.removeAll(before);
            extra.removeIf(t -> t.getName().startsWith("ForkJoinPool") || t.getName().equals("process reaper"));
            if (extra.isEmpty()) {
                return;
            }
            LockSupport.parkNanos(20_000_000);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("threads left behind: " + extra.stream().map(Thread::getName).sorted().toList());
    }
}
