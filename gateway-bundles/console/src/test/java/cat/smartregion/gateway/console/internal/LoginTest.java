package cat.smartregion.gateway.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Password check with the lock-out: 5 wrong passwords in a row lock the login for 15 minutes. */
class LoginTest {

    private final MutableClock clock = new MutableClock();
    private final Sessions sessions = new Sessions(Duration.ofMinutes(30), clock, new SecureRandom());
    private final Login login = new Login(PasswordHash.of("right".toCharArray(), 10_000, new SecureRandom()),
            new Lockout(5, Duration.ofMinutes(15), clock), sessions);

    @Test
    void fiveWrongPasswordsLockEvenTheRightOneForFifteenMinutes() {
        for (int i = 0; i < 4; i++) {
            assertInstanceOf(Login.Outcome.Refused.class, login.attempt("wrong".toCharArray()));
        }
        Login.Outcome locked = login.attempt("wrong".toCharArray());
        assertEquals(new Login.Outcome.Locked(clock.instant().plus(Duration.ofMinutes(15))), locked);
        clock.advance(Duration.ofMinutes(14));
        assertInstanceOf(Login.Outcome.Locked.class, login.attempt("right".toCharArray()), "the right password while locked");
        clock.advance(Duration.ofMinutes(1));
        assertInstanceOf(Login.Outcome.Accepted.class, login.attempt("right".toCharArray()));
        assertEquals(1, sessions.count());
    }

    @Test
    void aSuccessStartsTheCountAgain() {
        for (int i = 0; i < 4; i++) {
            login.attempt("wrong".toCharArray());
        }
        assertInstanceOf(Login.Outcome.Accepted.class, login.attempt("right".toCharArray()));
        for (int i = 0; i < 4; i++) {
            assertInstanceOf(Login.Outcome.Refused.class, login.attempt("wrong".toCharArray()));
        }
    }

    @Test
    void theLockoutCountsAgainAfterALock() {
        Lockout lockout = new Lockout(2, Duration.ofMinutes(1), clock);
        lockout.failed();
        lockout.failed();
        Instant until = lockout.lockedUntil().orElseThrow();
        clock.advance(Duration.ofMinutes(1));
        assertEquals(java.util.Optional.empty(), lockout.lockedUntil(), "unlocked at " + until);
        lockout.failed();
        assertEquals(java.util.Optional.empty(), lockout.lockedUntil());
        assertEquals(1, lockout.failures());
    }
}
