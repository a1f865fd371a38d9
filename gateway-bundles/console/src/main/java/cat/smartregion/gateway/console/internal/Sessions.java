package cat.smartregion.gateway.console.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The console's sessions in memory: random ids, idle expiry, at most a few at a time. Thread-safe. */
public final class Sessions {

    static final int MAX_SESSIONS = 20;

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final Duration idle;
    private final Clock clock;
    private final SecureRandom random;

    public Sessions(Duration idle, Clock clock, SecureRandom random) {
        this.idle = idle;
        this.clock = clock;
        this.random = random;
    }

    /** A new session after a successful login; the oldest goes when too many are open. */
    public synchronized Session open() {
        byId.values().removeIf(s -> !s.expires().isAfter(clock.instant()));
        if (byId.size() >= MAX_SESSIONS) {
            byId.values().stream().min(java.util.Comparator.comparing(Session::expires))
                    .ifPresent(oldest -> byId.remove(oldest.id()));
        }
        Session session = new Session(token(), token(), clock.instant().plus(idle));
        byId.put(session.id(), session);
        return session;
    }

    /** The live session with this id, its idle time restarted; empty when unknown or expired. */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = byId.get(id);
        if (session == null) {
            return Optional.empty();
        }
        if (!session.expires().isAfter(clock.instant())) {
            byId.remove(id, session);
            return Optional.empty();
        }
        Session renewed = session.until(clock.instant().plus(idle));
        byId.replace(id, session, renewed);
        return Optional.of(renewed);
    }

    /** Logs the session out. */
    public void close(String id) {
        if (id != null) {
            byId.remove(id);
        }
    }

    public int count() {
        return byId.size();
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
