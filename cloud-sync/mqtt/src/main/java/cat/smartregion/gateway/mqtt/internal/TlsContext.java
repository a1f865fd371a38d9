package cat.smartregion.gateway.mqtt.internal;

import cat.smartregion.gateway.api.tls.PemFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS socket factory of the uplink: trusts exactly the CAs of the configured PEM file, presents
 * the client certificate when one is configured, TLS 1.2+ and TCP_NODELAY. Server certificates are
 * always checked (chain, validity, and the host name, which Paho checks with the HTTPS rules).
 */
final class TlsContext {

    private TlsContext() {
    }

    /** @throws IllegalArgumentException naming the attribute whose file cannot be used */
    static SSLSocketFactory socketFactory(Security security) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(security), trust(security.caFile().orElseThrow()).getTrustManagers(), null);
            return NoDelaySockets.tls(context.getSocketFactory());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    private static TrustManagerFactory trust(Path caFile) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            List<X509Certificate> cas = PemFiles.certificates(caFile);
            for (int i = 0; i < cas.size(); i++) {
                store.setCertificateEntry("ca-" + i, cas.get(i));
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            return trust;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("ca.file: cannot read CA certificates from " + caFile + ": " + e.getMessage(), e);
        }
    }

    private static KeyManager[] keyManagers(Security security) throws GeneralSecurityException {
        if (security.clientCertificate().isEmpty()) {
            return new KeyManager[0];
        }
        Path certificate = security.clientCertificate().get();
        char[] password = security.keystorePassword().toCharArray();
        KeyStore store;
        try {
            store = PemFiles.isPem(certificate) ? pemStore(certificate, security.clientKey(), password)
                    : pkcs12Store(certificate, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("client.certificate: cannot use " + certificate + ": " + e.getMessage(), e);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        return keys.getKeyManagers();
    }

    private static KeyStore pemStore(Path certificate, Optional<Path> key, char[] password)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        X509Certificate[] chain = PemFiles.certificates(certificate).toArray(X509Certificate[]::new);
        store.setKeyEntry("client", PemFiles.privateKey(key.orElse(certificate)), password, chain);
        return store;
    }

    private static KeyStore pkcs12Store(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store;
    }
}
