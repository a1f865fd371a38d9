package cat.smartregion.gateway.console.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The installer password as the console stores it: PBKDF2WithHmacSHA256, written
 * {@code iterations:salt:hash} with salt and hash in Base64 (the file {@code secrets/console-password.hash}).
 */
public record PasswordHash(int iterations, byte[] salt, byte[] hash) {

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";

    public PasswordHash {
        if (iterations < 10_000) {
            throw new IllegalArgumentException("a password hash needs at least 10000 PBKDF2 iterations, got " + iterations);
        }
        if (salt.length < 16 || hash.length < 32) {
            throw new IllegalArgumentException("a password hash needs a salt of at least 16 bytes and a hash of at least 32");
        }
        salt = salt.clone();
        hash = hash.clone();
    }

    /**
     * Reads {@code iterations:salt:hash}.
     *
     * @throws IllegalArgumentException when the text is not in that form; the message never repeats the text
     */
    public static PasswordHash parse(String text) {
        String[] parts = text.trim().split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("a password hash is iterations:salt:hash (PBKDF2WithHmacSHA256, Base64)");
        }
        try {
            return new PasswordHash(Integer.parseInt(parts[0]), Base64.getDecoder().decode(parts[1]),
                    Base64.getDecoder().decode(parts[2]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a password hash is iterations:salt:hash (PBKDF2WithHmacSHA256, Base64): "
                    + e.getClass().getSimpleName(), e);
        }
    }

    /** Hashes a new password with a fresh random salt. */
    public static PasswordHash of(char[] password, int iterations, SecureRandom random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return new PasswordHash(iterations, salt, derive(password, salt, iterations, 32));
    }

    /** Whether the password is the one hashed; the comparison takes the same time whatever matches. */
    public boolean matches(char[] password) {
        return MessageDigest.isEqual(hash, derive(password, salt, iterations, hash.length));
    }

    /** The stored form, {@code iterations:salt:hash}. */
    public String text() {
        return iterations + ":" + Base64.getEncoder().encodeToString(salt) + ":" + Base64.getEncoder().encodeToString(hash);
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations, int bytes) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bytes * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is missing from this Java runtime", e);
        } finally {
            spec.clearPassword();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PasswordHash p && p.iterations == iterations && Arrays.equals(p.salt, salt)
                && Arrays.equals(p.hash, hash);
    }

    @Override
    public int hashCode() {
        return 31 * iterations + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "PasswordHash[PBKDF2WithHmacSHA256, " + iterations + " iterations]";
    }
}
