package cat.smartregion.gateway.console.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses logins from an address for a while after repeated failures from it: {@code maxFailures}
 * wrong passwords in a row from one client address lock that address for {@code duration}. Other
 * addresses go on, so a neighbour on the municipal LAN cannot lock the installer out. The password
 * is random (about 92 bits), so the lock guards the CPU (each check is a PBKDF2) more than the
 * secret. At most {@link #ADDRESSES} addresses are remembered, the least recently seen forgotten
 * first. Thread-safe.
 */
public final class Lockout {

    static final int ADDRESSES = 1024;

    /** Wrong passwords in a row from one address, and until when it is locked. */
    private static final class State {
        private int failures;
        private Instant lockedUntil = Instant.MIN;
    }

    private final int maxFailures;
    private final Duration duration;
    private final Clock clock;
    private final Map<String, State> clients = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, State> eldest) {
            return size() > ADDRESSES;
        }
    };

    public Lockout(int maxFailures, Duration duration, Clock clock) {
        if (maxFailures < 1 || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a lockout needs at least one failure and a positive duration");
        }
        this.maxFailures = maxFailures;
        this.duration = duration;
        this.clock = clock;
    }

    /** When logins from {@code client} are refused now, the time they are accepted again. */
    public synchronized Optional<Instant> lockedUntil(String client) {
        State state = clients.get(client);
        return state != null && clock.instant().isBefore(state.lockedUntil) ? Optional.of(state.lockedUntil) : Optional.empty();
    }

    /** A wrong password from {@code client}; the one that reaches the limit starts its lock and resets its count. */
    public synchronized void failed(String client) {
        State state = clients.computeIfAbsent(client, c -> new State());
        state.failures++;
        if (state.failures >= maxFailures) {
            state.lockedUntil = clock.instant().plus(duration);
            state.failures = 0;
        }
    }

    /** The right password from {@code client}: its count starts again. */
    public synchronized void succeeded(String client) {
        clients.remove(client);
    }

    /** Wrong passwords from {@code client} since its last success or lock. */
    public synchronized int failures(String client) {
        State state = clients.get(client);
        return state == null ? 0 : state.failures;
    }
}
