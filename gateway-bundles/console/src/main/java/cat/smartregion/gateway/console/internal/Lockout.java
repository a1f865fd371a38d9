package cat.smartregion.gateway.console.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses logins from an address for a while after repeated failures from it: {@code maxFailures}
 * wrong passwords in a row from one client lock it for {@code duration}. Other clients go on, so a
 * neighbour on the municipal LAN cannot lock the installer out. A client is an IPv4 address or an
 * IPv6 /64 (one host's privacy addresses all fall in its /64). The password is random (about 92
 * bits), so the lock guards the CPU (each check is a PBKDF2) more than the secret. At most
 * {@link #ADDRESSES} clients are remembered, the least recently seen unlocked one forgotten first;
 * a lock is never forgotten before it ends: when every remembered client is locked, new ones are
 * refused too until the first lock ends. Thread-safe.
 */
public final class Lockout {

    static final int ADDRESSES = 1024;

    /** Wrong passwords in a row from one client, and until when it is locked. */
    private static final class State {
        private int failures;
        private Instant lockedUntil = Instant.MIN;
    }

    private final int maxFailures;
    private final Duration duration;
    private final Clock clock;
    private final Map<String, State> clients = new LinkedHashMap<>(16, 0.75f, true);

    public Lockout(int maxFailures, Duration duration, Clock clock) {
        if (maxFailures < 1 || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a lockout needs at least one failure and a positive duration");
        }
        this.maxFailures = maxFailures;
        this.duration = duration;
        this.clock = clock;
    }

    /** When logins from {@code address} are refused now, the time they are accepted again. */
    public synchronized Optional<Instant> lockedUntil(String address) {
        Instant now = clock.instant();
        State state = clients.get(client(address));
        if (state != null) {
            return now.isBefore(state.lockedUntil) ? Optional.of(state.lockedUntil) : Optional.empty();
        }
        return makeRoom(now) ? Optional.empty()
                : clients.values().stream().map(s -> s.lockedUntil).min(Instant::compareTo);
    }

    /** A wrong password from {@code address}; the one that reaches the limit starts its lock and resets its count. */
    public synchronized void failed(String address) {
        String client = client(address);
        if (!clients.containsKey(client) && !makeRoom(clock.instant())) {
            return;
        }
        State state = clients.computeIfAbsent(client, c -> new State());
        state.failures++;
        if (state.failures >= maxFailures) {
            state.lockedUntil = clock.instant().plus(duration);
            state.failures = 0;
        }
    }

    /** The right password from {@code address}: its count starts again. */
    public synchronized void succeeded(String address) {
        clients.remove(client(address));
    }

    /** Wrong passwords from {@code address} since its last success or lock. */
    public synchronized int failures(String address) {
        State state = clients.get(client(address));
        return state == null ? 0 : state.failures;
    }

    /** Room for one more client: false when every remembered client is locked. */
    private boolean makeRoom(Instant now) {
        if (clients.size() < ADDRESSES) {
            return true;
        }
        Iterator<State> eldestFirst = clients.values().iterator();
        while (eldestFirst.hasNext()) {
            if (!now.isBefore(eldestFirst.next().lockedUntil)) {
                eldestFirst.remove();
                return true;
            }
        }
        return false;
    }

    /** The client an address stands for: itself, or its /64 for IPv6. */
    static String client(String address) {
        try {
            InetAddress parsed = address.contains(":") ? InetAddress.getByName(address) : null;
            if (parsed instanceof Inet6Address) {
                return HexFormat.of().formatHex(Arrays.copyOf(parsed.getAddress(), 8)) + "::/64";
            }
            return parsed == null ? address : parsed.getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
