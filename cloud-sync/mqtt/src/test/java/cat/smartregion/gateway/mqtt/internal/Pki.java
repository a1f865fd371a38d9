package cat.smartregion.gateway.mqtt.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Certificates made for a test with the openssl CLI (EC P-256): a CA, the broker's certificate for
 * 127.0.0.1 and localhost, one for another host name, an expired one, a second unrelated CA, and
 * client certificates whose common name is the MQTT user name.
 */
final class Pki {

    final Path dir;
    final Path ca;
    final Path otherCa;
    private final String openssl;

    Pki(Path dir) {
        this.dir = dir;
        this.openssl = Tools.require("openssl", "openssl");
        this.ca = selfSigned("ca");
        this.otherCa = selfSigned("other-ca");
    }

    /** A broker certificate and key signed by the CA: {@code name.pem}, {@code name.key}. */
    Path server(String name, String subjectAltName, int days) {
        return signed(name, "server", "subjectAltName=" + subjectAltName, days);
    }

    /** A client certificate (PEM, PKCS#8 key beside it) with this common name. */
    Path client(String commonName) {
        return signed(commonName, commonName, "extendedKeyUsage=clientAuth", 2);
    }

    Path key(String name) {
        return dir.resolve(name + ".key");
    }

    /** The client's certificate and key as a PKCS12 file with this password. */
    Path pkcs12(String name, String password) {
        Path p12 = dir.resolve(name + ".p12");
        Tools.run(dir, openssl, "pkcs12", "-export", "-in", name + ".pem", "-inkey", name + ".key",
                "-out", p12.toString(), "-passout", "pass:" + password);
        return p12;
    }

    private Path selfSigned(String name) {
        Tools.run(dir, openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", name + ".key", "-out", name + ".pem", "-days", "2", "-subj", "/CN=Test " + name);
        return dir.resolve(name + ".pem");
    }

    private Path signed(String name, String commonName, String extension, int days) {
        try {
            Files.writeString(dir.resolve(name + ".ext"), extension + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Tools.run(dir, openssl, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", name + ".key", "-out", name + ".csr", "-subj", "/CN=" + commonName);
        Tools.run(dir, openssl, "x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                "-CAcreateserial", "-out", name + ".pem", "-days", Integer.toString(days), "-extfile", name + ".ext");
        return dir.resolve(name + ".pem");
    }
}
