package cat.smartregion.gateway.mqtt.internal;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How the gateway proves itself and trusts the broker. Secrets never appear in {@link #toString()}.
 *
 * @param caFile            PEM CA certificates trusted for the broker (required with TLS)
 * @param clientCertificate the gateway's certificate: PEM chain (with or without the key) or PKCS12
 * @param clientKey         PEM PKCS#8 private key of the certificate, when not in the certificate file
 * @param keystorePassword  password of a PKCS12 certificate file; empty when none
 * @param username          MQTT user name
 * @param password          MQTT password; empty when none
 */
public record Security(Optional<Path> caFile, Optional<Path> clientCertificate, Optional<Path> clientKey,
                       String keystorePassword, Optional<String> username, String password) {

    public Security {
        Objects.requireNonNull(caFile, "caFile");
        Objects.requireNonNull(clientCertificate, "clientCertificate");
        Objects.requireNonNull(clientKey, "clientKey");
        Objects.requireNonNull(keystorePassword, "keystorePassword");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (clientKey.isPresent() && clientCertificate.isEmpty()) {
            throw new IllegalArgumentException("client.key needs client.certificate");
        }
        if (!password.isEmpty() && username.isEmpty()) {
            throw new IllegalArgumentException(".password needs username");
        }
    }

    /** TLS trusting the CAs of a PEM file, no client credentials. */
    public static Security trusting(Path caFile) {
        return new Security(Optional.of(caFile), Optional.empty(), Optional.empty(), "", Optional.empty(), "");
    }

    /** No TLS and no credentials (plain tcp:// only). */
    public static Security none() {
        return new Security(Optional.empty(), Optional.empty(), Optional.empty(), "", Optional.empty(), "");
    }

    /** The same with a client certificate (PEM chain with its key, or PKCS12 with a password). */
    public Security withClientCertificate(Path certificate, Optional<Path> key, String storePassword) {
        return new Security(caFile, Optional.of(certificate), key, storePassword, username, password);
    }

    /** The same with a user name and password. */
    public Security withPassword(String user, String secret) {
        return new Security(caFile, clientCertificate, clientKey, keystorePassword, Optional.of(user), secret);
    }

    boolean usesTls() {
        return caFile.isPresent() || clientCertificate.isPresent();
    }

    @Override
    public String toString() {
        return "Security[ca=" + caFile.map(Path::toString).orElse("none")
                + ", certificate=" + clientCertificate.map(Path::toString).orElse("none")
                + ", user=" + username.orElse("none") + ", password=" + (password.isEmpty() ? "none" : "***") + "]";
    }
}
