package cat.smartregion.gateway.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Password check with the lock-out: 5 wrong passwords in a row from one address lock it for 15 minutes. */
class LoginTest {

    private static final String LAPTOP = "192.168.1.50";
    private static final String NEIGHBOUR = "192.168.1.77";

    private final MutableClock clock = new MutableClock();
    private final Sessions sessions = new Sessions(Duration.ofMinutes(30), clock, new SecureRandom());
    private final Login login = new Login(PasswordHash.of("right".toCharArray(), 10_000, new SecureRandom()),
            new Lockout(5, Duration.ofMinutes(15), clock), sessions);

    @Test
    void fiveWrongPasswordsLockEvenTheRightOneForFifteenMinutes() {
        for (int i = 0; i < 4; i++) {
            assertInstanceOf(Login.Outcome.Refused.class, login.attempt(LAPTOP, "wrong".toCharArray()));
        }
        Login.Outcome locked = login.attempt(LAPTOP, "wrong".toCharArray());
        assertEquals(new Login.Outcome.Locked(clock.instant().plus(Duration.ofMinutes(15))), locked);
        clock.advance(Duration.ofMinutes(14));
        assertInstanceOf(Login.Outcome.Locked.class, login.attempt(LAPTOP, "right".toCharArray()), "the right password while locked");
        clock.advance(Duration.ofMinutes(1));
        assertInstanceOf(Login.Outcome.Accepted.class, login.attempt(LAPTOP, "right".toCharArray()));
        assertEquals(1, sessions.count());
    }

    @Test
    void aSuccessStartsTheCountAgain() {
        for (int i = 0; i < 4; i++) {
            login.attempt(LAPTOP, "wrong".toCharArray());
        }
        assertInstanceOf(Login.Outcome.Accepted.class, login.attempt(LAPTOP, "right".toCharArray()));
        for (int i = 0; i < 4; i++) {
            assertInstanceOf(Login.Outcome.Refused.class, login.attempt(LAPTOP, "wrong".toCharArray()));
        }
    }

    @Test
    void aNeighbourLockingItselfOutDoesNotLockTheInstaller() {
        for (int i = 0; i < 5; i++) {
            login.attempt(NEIGHBOUR, "guess".toCharArray());
        }
        assertInstanceOf(Login.Outcome.Locked.class, login.attempt(NEIGHBOUR, "right".toCharArray()));
        assertInstanceOf(Login.Outcome.Accepted.class, login.attempt(LAPTOP, "right".toCharArray()));
    }

    @Test
    void theLockoutCountsAgainAfterALock() {
        Lockout lockout = new Lockout(2, Duration.ofMinutes(1), clock);
        lockout.failed(LAPTOP);
        lockout.failed(LAPTOP);
        Instant until = lockout.lockedUntil(LAPTOP).orElseThrow();
        clock.advance(Duration.ofMinutes(1));
        assertEquals(java.util.Optional.empty(), lockout.lockedUntil(LAPTOP), "unlocked at " + until);
        lockout.failed(LAPTOP);
        assertEquals(java.util.Optional.empty(), lockout.lockedUntil(LAPTOP));
        assertEquals(1, lockout.failures(LAPTOP));
    }

    @Test
    void theTableOfAddressesIsBoundedButNeverForgetsALock() {
        Lockout lockout = new Lockout(1, Duration.ofMinutes(1), clock);
        lockout.failed(NEIGHBOUR);
        for (int i = 0; i < Lockout.ADDRESSES - 1; i++) {
            assertEquals(java.util.Optional.empty(), lockout.lockedUntil("10.0." + (i / 256) + "." + (i % 256)));
            lockout.failed("10.0." + (i / 256) + "." + (i % 256));
        }
        assertTrue(lockout.lockedUntil(NEIGHBOUR).isPresent(), "a lock is kept while the table is full of locks");
        assertTrue(lockout.lockedUntil(LAPTOP).isPresent(), "every client remembered is locked: a new one waits too");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(java.util.Optional.empty(), lockout.lockedUntil(LAPTOP), "the first lock ended: room again");
        lockout.failed(LAPTOP);
        assertTrue(lockout.lockedUntil(LAPTOP).isPresent());
    }

    @Test
    void anIpv6ClientIsItsSlash64() {
        assertEquals(Lockout.client("2001:db8:1:2::1"), Lockout.client("2001:db8:1:2:a:b:c:d"), "privacy addresses of one host");
        assertTrue(!Lockout.client("2001:db8:1:2::1").equals(Lockout.client("2001:db8:1:3::1")));
        assertEquals("192.168.1.50", Lockout.client("192.168.1.50"));
        assertEquals("192.168.1.50", Lockout.client("::ffff:192.168.1.50"), "an IPv4-mapped address is the IPv4 client");
    }
}
