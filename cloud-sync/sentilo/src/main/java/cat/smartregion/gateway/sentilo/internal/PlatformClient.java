package cat.smartregion.gateway.sentilo.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP calls to one Sentilo provider, each with the {@code IDENTITY_KEY} header. Every outcome is a
 * {@link PlatformAnswer}; nothing the network or the platform does is thrown. After a refused token
 * (401/403) the {@link AuthGate} holds every call back for its pause. HTTPS always verifies the
 * certificate chain and the host name (the JDK's trust store, or the configured CA file).
 */
final class PlatformClient {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformClient.class);

    private final UplinkSettings settings;
    private final AuthGate gate;
    private final HttpClient http;

    PlatformClient(UplinkSettings settings, AuthGate gate) {
        this.settings = settings;
        this.gate = gate;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.timeout());
        if ("https".equals(settings.url().getScheme())) {
            builder.sslContext(settings.caFile().map(TrustedCas::fromPem).orElseGet(PlatformClient::jdkDefault));
        }
        this.http = builder.build();
    }

    /** How long calls pause after the platform refused the credentials. */
    java.time.Duration authPause() {
        return settings.authRetry();
    }

    PlatformAnswer putData(byte[] body, String batchSeqs) {
        return exchange(request("/data/" + settings.provider())
                .header("X-Gateway-Batch", batchSeqs)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    PlatformAnswer postCatalog(byte[] body) {
        return exchange(request("/catalog/" + settings.provider())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    PlatformAnswer putCatalog(byte[] body) {
        return exchange(request("/catalog/" + settings.provider())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    PlatformAnswer getCatalog() {
        return exchange(request("/catalog").GET().build());
    }

    PlatformAnswer putAlarm(String alertId, byte[] body) {
        return exchange(request("/alarm/" + URLEncoder.encode(alertId, StandardCharsets.UTF_8))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(settings.url() + path))
                .timeout(settings.timeout())
                .header("IDENTITY_KEY", settings.token())
                .header("Content-Type", "application/json");
    }

    private PlatformAnswer exchange(HttpRequest request) {
        Optional<java.time.Duration> held = gate.held();
        if (held.isPresent()) {
            return new PlatformAnswer.Held(held.get(), "the platform refused the provider's token or the provider;"
                    + " next try in " + held.get().toSeconds() + " s; check provider and token");
        }
        long start = System.nanoTime();
        PlatformAnswer answer = call(request);
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} {} -> {} in {} ms", request.method(), request.uri(), describe(answer),
                    (System.nanoTime() - start) / 1_000_000);
        }
        watchCredentials(answer);
        return answer;
    }

    private PlatformAnswer call(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new PlatformAnswer.Answered(response.statusCode(), response.body(), response.headers().map());
        } catch (HttpTimeoutException e) {
            return new PlatformAnswer.Unreachable("no answer within " + settings.timeout().toMillis() + " ms");
        } catch (ConnectException e) {
            return new PlatformAnswer.Unreachable("cannot connect to " + settings.url() + ": " + e);
        } catch (SSLException e) {
            return new PlatformAnswer.Unreachable("TLS with " + settings.url() + " failed: " + e.getMessage());
        } catch (IOException e) {
            return new PlatformAnswer.Unreachable("exchange with " + settings.url() + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PlatformAnswer.Unreachable("interrupted");
        }
    }

    private void watchCredentials(PlatformAnswer answer) {
        if (answer instanceof PlatformAnswer.Answered a) {
            if (a.status() == 401 || a.status() == 403) {
                gate.refused(a.status(), a.message());
            } else if (a.status() != 503) {
                gate.accepted();
            }
        }
    }

    private static String describe(PlatformAnswer answer) {
        if (answer instanceof PlatformAnswer.Answered a) {
            return Integer.toString(a.status());
        }
        return answer instanceof PlatformAnswer.Unreachable u ? u.reason() : "held";
    }

    private static SSLContext jdkDefault() {
        try {
            return SSLContext.getDefault();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no default TLS context", e);
        }
    }
}
