package cat.smartregion.gateway.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;

class PasswordHashTest {

    @Test
    void theRightPasswordMatchesAndAnyOtherDoesNot() {
        PasswordHash hash = PasswordHash.of("correct horse".toCharArray(), 10_000, new SecureRandom());
        assertTrue(hash.matches("correct horse".toCharArray()));
        assertFalse(hash.matches("correct hors".toCharArray()));
        assertFalse(hash.matches("".toCharArray()));
    }

    @Test
    void readsTheStoredFormAndWritesItBack() {
        PasswordHash hash = PasswordHash.of("s3cret-Pass".toCharArray(), 12_345, new SecureRandom());
        PasswordHash read = PasswordHash.parse(hash.text() + "\n");
        assertEquals(hash, read);
        assertEquals(12_345, read.iterations());
        assertTrue(read.matches("s3cret-Pass".toCharArray()));
    }

    @Test
    void checksAHashMadeByTheJdkDirectlyAsGatewayInitWould() throws Exception {
        byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        PBEKeySpec spec = new PBEKeySpec("installer".toCharArray(), salt, 10_000, 256);
        byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        String text = "10000:" + Base64.getEncoder().encodeToString(salt) + ":" + Base64.getEncoder().encodeToString(derived);
        assertTrue(PasswordHash.parse(text).matches("installer".toCharArray()));
        assertEquals(32, derived.length, HexFormat.of().formatHex(derived));
    }

    @Test
    void refusesMalformedOrWeakHashesWithoutEchoingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse("secret"));
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse("10000:!!:??"));
        String weak = "1000:" + Base64.getEncoder().encodeToString(new byte[16]) + ":" + Base64.getEncoder().encodeToString(new byte[32]);
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.parse(weak));
    }

    @Test
    void neverShowsTheHashInItsText() {
        PasswordHash hash = PasswordHash.of("pw-pw-pw".toCharArray(), 10_000, new SecureRandom());
        assertFalse(hash.toString().contains(hash.text().split(":")[2]));
    }
}
