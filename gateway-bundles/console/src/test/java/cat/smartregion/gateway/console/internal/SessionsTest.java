package cat.smartregion.gateway.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Sessions: random ids and CSRF tokens, idle expiry, logout, a cap on how many are open. */
class SessionsTest {

    private final MutableClock clock = new MutableClock();
    private final Sessions sessions = new Sessions(Duration.ofMinutes(30), clock, new SecureRandom());

    @Test
    void aSessionLivesWhileUsedAndEndsAfterItsIdleTime() {
        Session s = sessions.open();
        clock.advance(Duration.ofMinutes(29));
        assertTrue(sessions.find(s.id()).isPresent(), "used within 30 min");
        clock.advance(Duration.ofMinutes(29));
        assertTrue(sessions.find(s.id()).isPresent(), "the idle time restarts at each request");
        clock.advance(Duration.ofMinutes(30));
        assertEquals(Optional.empty(), sessions.find(s.id()));
    }

    @Test
    void logoutEndsTheSessionAndUnknownIdsFindNothing() {
        Session s = sessions.open();
        sessions.close(s.id());
        assertEquals(Optional.empty(), sessions.find(s.id()));
        assertEquals(Optional.empty(), sessions.find(null));
        assertEquals(Optional.empty(), sessions.find("guess"));
    }

    @Test
    void idsAndTokensAreLongRandomAndDistinct() {
        Session a = sessions.open();
        Session b = sessions.open();
        assertNotEquals(a.id(), b.id());
        assertNotEquals(a.csrfToken(), b.csrfToken());
        assertNotEquals(a.id(), a.csrfToken());
        assertEquals(43, a.id().length(), "256 bits in URL-safe Base64");
        assertFalse(a.toString().contains(a.id()) || a.toString().contains(a.csrfToken()));
    }

    @Test
    void aPostNeedsItsOwnSessionsCsrfToken() {
        Session a = sessions.open();
        Session b = sessions.open();
        assertTrue(a.acceptsCsrf(a.csrfToken()));
        assertFalse(a.acceptsCsrf(b.csrfToken()), "another session's token");
        assertFalse(a.acceptsCsrf(null), "no header");
        assertFalse(a.acceptsCsrf(""));
        assertFalse(a.acceptsCsrf(a.csrfToken().substring(1)));
    }

    @Test
    void theOldestSessionGoesWhenTooManyAreOpen() {
        Session first = sessions.open();
        for (int i = 0; i < Sessions.MAX_SESSIONS; i++) {
            clock.advance(Duration.ofSeconds(1));
            sessions.open();
        }
        assertEquals(Sessions.MAX_SESSIONS, sessions.count());
        assertEquals(Optional.empty(), sessions.find(first.id()));
    }
}
