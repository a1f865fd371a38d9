package cat.smartregion.gateway.launcher;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/** What a connection test found: ok, or what failed and what to do next, with the exit code to give. */
record UplinkCheck(boolean ok, int exitCode, String message) {

    UplinkCheck {
        Objects.requireNonNull(message, "message");
    }

    static UplinkCheck passed(String message) {
        return new UplinkCheck(true, 0, message);
    }

    static UplinkCheck noAnswer(String message) {
        return new UplinkCheck(false, Main.NO_ANSWER, message);
    }

    static UplinkCheck refused(String message) {
        return new UplinkCheck(false, Main.USAGE, message);
    }

    /** {@code GET {url}/catalog} with the provider's token must answer 200, as Sentilo does. */
    static UplinkCheck sentilo(URI url, String provider, String token) {
        URI catalog = URI.create(url.toString().replaceAll("/+$", "") + "/catalog");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(catalog).timeout(Duration.ofSeconds(20))
                .header("IDENTITY_KEY", token).GET().build();
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return switch (status) {
                case 200 -> passed("the platform at " + url + " accepted provider " + provider + "'s token (GET /catalog: 200)");
                case 401, 403 -> refused("the platform at " + url + " refused the token (HTTP " + status + "): check that the "
                        + "token file holds provider " + provider + "'s token, as the platform's administrator issued it");
                case 404 -> refused("the platform at " + url + " has no /catalog (HTTP 404): check the URL (Sentilo's API base, "
                        + "e.g. https://sentilo.example.cat/api)");
                default -> noAnswer("the platform at " + url + " answered HTTP " + status + " to GET /catalog: try again later, "
                        + "or ask the platform's administrator");
            };
        } catch (HttpConnectTimeoutException | ConnectException e) {
            return noAnswer("cannot connect to " + url + " (" + describe(e) + "): check the URL, the gateway's network, "
                    + "DNS and the firewall");
        } catch (IOException e) {
            return noAnswer("no answer from " + url + " (" + describe(e) + "): check the URL (https?), the platform's "
                    + "certificate and the network");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return noAnswer("interrupted");
        }
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == e ? text : e.getClass().getSimpleName() + ": " + text;
    }
}
