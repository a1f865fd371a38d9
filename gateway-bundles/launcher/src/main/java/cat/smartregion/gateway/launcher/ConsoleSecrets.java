package cat.smartregion.gateway.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The local console's secrets, made by {@code init}: an EC P-256 key pair with a self-signed
 * certificate in a PKCS12 keystore (made by the JDK's keytool, its password in a file it reads),
 * and the installer's password kept only as a PBKDF2WithHmacSHA256 hash {@code iterations:salt:hash}
 * (salt and hash in Base64).
 */
final class ConsoleSecrets {

    static final String KEYSTORE = "console.p12";
    static final String KEYSTORE_PASSWORD = "console.p12.pass";
    static final String PASSWORD_HASH = "console-password.hash";
    static final String ALIAS = "console";
    static final int ITERATIONS = 210_000;

    /** Letters and digits that cannot be mistaken for one another on a label or a phone screen. */
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ConsoleSecrets() {
    }

    static String randomPassword(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** {@code iterations:salt:hash} of the password. */
    static String hash(String password) throws GeneralSecurityException {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return ITERATIONS + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(pbkdf2(password, salt, ITERATIONS));
    }

    /** Whether {@code password} matches a hash made by {@link #hash}. */
    static boolean matches(String password, String stored) throws GeneralSecurityException {
        String[] parts = stored.strip().split(":");
        if (parts.length != 3) {
            return false;
        }
        byte[] expected = Base64.getDecoder().decode(parts[2]);
        byte[] actual = pbkdf2(password, Base64.getDecoder().decode(parts[1]), Integer.parseInt(parts[0]));
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } finally {
            spec.clearPassword();
        }
    }

    /**
     * Makes {@code secrets/console.p12} with keytool: an EC P-256 key and a self-signed certificate
     * for {@code gatewayId}, valid 10 years, for the host names and addresses given. The keystore's
     * password must already be in {@code secrets/console.p12.pass}.
     */
    static void makeKeystore(Path secrets, String gatewayId, List<String> subjectAltNames) throws IOException {
        Path keytool = Paths.get(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new ArrayList<>(List.of(keytool.toString(), "-genkeypair", "-noprompt",
                "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                "-dname", "CN=" + gatewayId + ", O=Smart Region gateway", "-validity", "3650",
                "-storetype", "PKCS12", "-keystore", secrets.resolve(KEYSTORE).toString(),
                "-storepass:file", secrets.resolve(KEYSTORE_PASSWORD).toString()));
        if (!subjectAltNames.isEmpty()) {
            command.addAll(List.of("-ext", "SAN=" + String.join(",", subjectAltNames)));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("keytool could not make the console's certificate: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making the console's certificate", e);
        }
        Files.setPosixFilePermissions(secrets.resolve(KEYSTORE), AtomicFiles.SECRET);
    }

    /** The SHA-256 fingerprint of the console's certificate, as browsers show it (AB:CD:...). */
    static String fingerprint(Path secrets) throws IOException, GeneralSecurityException {
        char[] password = Files.readString(secrets.resolve(KEYSTORE_PASSWORD)).strip().toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(secrets.resolve(KEYSTORE))) {
            store.load(in, password);
        }
        Certificate certificate = store.getCertificate(ALIAS);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }
}
