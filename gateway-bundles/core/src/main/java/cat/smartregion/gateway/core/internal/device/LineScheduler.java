package cat.smartregion.gateway.core.internal.device;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls the devices of one physical line (an RS-485 bus, a TCP endpoint) on one thread, so that
 * one request at a time is in flight on it: each device's cycles fall on multiples of its interval
 * in wall-clock time, the earliest due runs first, missed cycles are skipped rather than piled up.
 * A cycle never throws out of the loop; a device leaving waits for its running cycle to end.
 */
final class LineScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(LineScheduler.class);

    /** A device on the line and when its next cycle is due. */
    private static final class Member {
        private final PollLoop loop;
        private final long intervalMs;
        private long due;
        private boolean running;

        Member(PollLoop loop, long due) {
            this.loop = loop;
            this.intervalMs = loop.interval().toMillis();
            this.due = due;
        }
    }

    private final String line;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Member> members = new ArrayList<>();
    private final Thread thread;
    private boolean stopped;

    LineScheduler(String line, Clock clock) {
        this.line = line;
        this.clock = clock;
        this.thread = new Thread(this::run, "poller-" + line);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    String line() {
        return line;
    }

    void add(PollLoop loop) {
        lock.lock();
        try {
            long interval = loop.interval().toMillis();
            members.add(new Member(loop, Math.floorDiv(clock.millis(), interval) * interval + interval));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    boolean isEmpty() {
        lock.lock();
        try {
            return members.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** Removes the device once its running cycle, if any, has ended. */
    void remove(PollLoop loop) {
        lock.lock();
        try {
            Optional<Member> member = members.stream().filter(m -> m.loop == loop).findFirst();
            while (member.isPresent() && member.get().running && Thread.currentThread() != thread) {
                changed.awaitUninterruptibly();
            }
            member.ifPresent(members::remove);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Stops the thread after the running cycle. */
    void stop() {
        lock.lock();
        try {
            stopped = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("Line {}: the poller thread did not stop within 30 s", line);
        }
    }

    private void run() {
        Optional<Member> next = nextDue();
        while (next.isPresent()) {
            Member member = next.get();
            try {
                member.loop.cycle(member.due);
            } catch (RuntimeException e) {
                LOG.warn("Line {}: a poll cycle of device {} failed", line, member.loop.device().id(), e);
                member.loop.close();
            }
            finished(member);
            next = nextDue();
        }
    }

    /** Waits for the earliest due member and marks it running; empty once stopped. */
    private Optional<Member> nextDue() {
        lock.lock();
        try {
            while (!stopped) {
                members.forEach(m -> realign(m, clock.millis()));
                Optional<Member> first = members.stream().min(Comparator.comparingLong(m -> m.due));
                long wait = first.map(m -> m.due - clock.millis()).orElse(Long.MAX_VALUE);
                if (wait <= 0) {
                    first.get().running = true;
                    return first;
                }
                changed.await(Math.min(wait, TimeUnit.HOURS.toMillis(1)), TimeUnit.MILLISECONDS);
            }
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    /**
     * After the wall clock stepped back (NTP correcting a clock that ran ahead), a cycle can be due
     * far in the future: it is moved to the next aligned time, so the device is not left unpolled
     * for as long as the step.
     */
    private void realign(Member member, long now) {
        long interval = member.intervalMs;
        long aligned = Math.floorDiv(now, interval) * interval + interval;
        if (!member.running && member.due > aligned + interval) {
            LOG.info("Line {}: the clock went back {} ms; device {} is polled again from now on", line,
                    member.due - aligned, member.loop.device().id());
            member.due = aligned;
        }
    }

    private void finished(Member member) {
        lock.lock();
        try {
            member.running = false;
            long now = clock.millis();
            long interval = member.intervalMs;
            member.due = Math.max(Math.floorDiv(now, interval) * interval + interval, member.due + interval);
            realign(member, now);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
