package cat.smartregion.gateway.console.internal;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * A logged-in browser: the id its cookie carries and the CSRF token its POSTs must repeat in the
 * {@code X-CSRF-Token} header. Both are random and never logged.
 */
public record Session(String id, String csrfToken, Instant expires) {

    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(csrfToken, "csrfToken");
        Objects.requireNonNull(expires, "expires");
    }

    /** Whether a POST's token is this session's; the comparison takes the same time whatever matches. */
    public boolean acceptsCsrf(String token) {
        return token != null && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    Session until(Instant newExpiry) {
        return new Session(id, csrfToken, newExpiry);
    }

    @Override
    public String toString() {
        return "Session[expires=" + expires + "]";
    }
}
