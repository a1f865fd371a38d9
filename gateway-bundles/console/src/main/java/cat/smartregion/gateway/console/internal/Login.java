package cat.smartregion.gateway.console.internal;

import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Checks the installer password against its hash, with the lock-out, and opens a session when right. */
public final class Login {

    private static final Logger LOG = LoggerFactory.getLogger(Login.class);

    /** What a login attempt gave. */
    public sealed interface Outcome {
        record Accepted(Session session) implements Outcome {
        }

        record Refused() implements Outcome {
        }

        record Locked(Instant until) implements Outcome {
        }
    }

    private final PasswordHash hash;
    private final Lockout lockout;
    private final Sessions sessions;

    public Login(PasswordHash hash, Lockout lockout, Sessions sessions) {
        this.hash = hash;
        this.lockout = lockout;
        this.sessions = sessions;
    }

    /** One attempt from a client address; while that address is locked, the password is not even checked. */
    public synchronized Outcome attempt(String client, char[] password) {
        Optional<Instant> locked = lockout.lockedUntil(client);
        if (locked.isPresent()) {
            return new Outcome.Locked(locked.get());
        }
        if (hash.matches(password)) {
            lockout.succeeded(client);
            LOG.info("Console: installer logged in from {}", client);
            return new Outcome.Accepted(sessions.open());
        }
        lockout.failed(client);
        Optional<Instant> now = lockout.lockedUntil(client);
        if (now.isPresent()) {
            LOG.warn("Console: login from {} locked until {} after repeated wrong passwords", client, now.get());
            return new Outcome.Locked(now.get());
        }
        LOG.warn("Console: wrong password from {}", client);
        return new Outcome.Refused();
    }
}
