package cat.smartregion.gateway.console.internal;

import cat.smartregion.gateway.api.device.DeviceConfig;
import cat.smartregion.gateway.api.profile.ProfileException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console over HTTPS: pages, login, and the JSON API under {@code /api}, everything but the
 * login page behind a session. Every POST carries JSON; after login it also carries the session's
 * CSRF token in {@code X-CSRF-Token}.
 */
final class ConsoleServlet extends HttpServlet {

    /** The largest request body the console reads: its forms are a few hundred bytes. */
    static final int MAX_BODY_BYTES = 16 * 1024;

    static final String COOKIE = "__Host-console";
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleServlet.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final transient Login login;
    private final transient Sessions sessions;
    private final transient ConsoleApi api;

    ConsoleServlet(Login login, Sessions sessions, ConsoleApi api) {
        this.login = login;
        this.sessions = sessions;
        this.api = api;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!secure(req, resp)) {
            return;
        }
        String path = path(req);
        Optional<Session> session = sessions.find(cookie(req));
        if (path.startsWith("/api/")) {
            if (session.isEmpty()) {
                send(resp, 401, Map.of("error", "log in first"));
            } else {
                getApi(path, session.get(), resp);
            }
            return;
        }
        if (path.equals("/")) {
            path = "/index.html";
        }
        if (session.isEmpty() && !StaticPages.PUBLIC.contains(path)) {
            resp.sendRedirect("/login.html");
            return;
        }
        Optional<StaticPages.Page> page = StaticPages.find(path);
        if (page.isEmpty()) {
            resp.sendError(404);
            return;
        }
        resp.setContentType(page.get().type());
        resp.getOutputStream().write(page.get().bytes());
    }

    private void getApi(String path, Session session, HttpServletResponse resp) throws IOException {
        switch (path) {
            case "/api/session" -> send(resp, 200, Map.of("csrf", session.csrfToken()));
            case "/api/overview" -> send(resp, 200, api.overview());
            case "/api/devices" -> send(resp, 200, api.devices());
            case "/api/profiles" -> send(resp, 200, api.profiles());
            case "/api/logs" -> send(resp, 200, api.logs());
            default -> send(resp, 404, Map.of("error", "no such resource " + path));
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!secure(req, resp)) {
            return;
        }
        String type = req.getContentType();
        if (type == null || !type.startsWith("application/json")) {
            send(resp, 415, Map.of("error", "POST JSON"));
            return;
        }
        long length = req.getContentLengthLong();
        if (length < 0 || length > MAX_BODY_BYTES) {
            send(resp, 413, Map.of("error", "a request body needs a Content-Length of at most " + MAX_BODY_BYTES + " bytes"));
            return;
        }
        String path = path(req);
        if (path.equals("/api/login")) {
            login(req.getRemoteAddr(), body(req, length), resp);
            return;
        }
        // The session and its CSRF token are checked before the body is read.
        Optional<Session> session = sessions.find(cookie(req));
        if (session.isEmpty()) {
            send(resp, 401, Map.of("error", "log in first"));
        } else if (!session.get().acceptsCsrf(req.getHeader("X-CSRF-Token"))) {
            LOG.warn("Console: refused a POST to {} without the session's CSRF token from {}", path, req.getRemoteAddr());
            send(resp, 403, Map.of("error", "missing or wrong CSRF token: reload the page"));
        } else {
            postApi(path, body(req, length), session.get(), resp);
        }
    }

    /** The JSON body, reading no more than its declared length. */
    private static JsonNode body(HttpServletRequest req, long length) throws IOException {
        return JSON.readTree(req.getInputStream().readNBytes((int) length));
    }

    private void login(String client, JsonNode body, HttpServletResponse resp) throws IOException {
        char[] password = text(body, "password").toCharArray();
        try {
            Login.Outcome outcome = login.attempt(client, password);
            if (outcome instanceof Login.Outcome.Accepted accepted) {
                resp.addHeader("Set-Cookie", COOKIE + "=" + accepted.session().id()
                        + "; Path=/; Secure; HttpOnly; SameSite=Strict");
                send(resp, 200, Map.of("csrf", accepted.session().csrfToken()));
            } else if (outcome instanceof Login.Outcome.Locked locked) {
                send(resp, 429, Map.of("error", "too many wrong passwords from this address: its login is locked until "
                        + locked.until() + " (UTC)"));
            } else {
                send(resp, 401, Map.of("error", "wrong password"));
            }
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private void postApi(String path, JsonNode body, Session session, HttpServletResponse resp) throws IOException {
        try {
            switch (path) {
                case "/api/logout" -> {
                    sessions.close(session.id());
                    resp.addHeader("Set-Cookie", COOKIE + "=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0");
                    send(resp, 200, Map.of());
                }
                case "/api/test-read" -> send(resp, 200, api.testRead(device(body)));
                case "/api/devices" -> {
                    DeviceConfig device = device(body);
                    Map<String, Object> saved = api.save(device);
                    LOG.info("Console: device {} added ({} at {})", device.id(), device.profile(), device.endpoint());
                    send(resp, 200, saved);
                }
                default -> send(resp, 404, Map.of("error", "no such resource " + path));
            }
        } catch (IllegalArgumentException | ProfileException e) {
            send(resp, 400, Map.of("error", e.getMessage()));
        } catch (IllegalStateException e) {
            send(resp, 409, Map.of("error", e.getMessage()));
        } catch (IOException e) {
            LOG.warn("Console: {} failed: {}", path, e.toString());
            send(resp, 500, Map.of("error", "the gateway could not save: " + e.getMessage()));
        }
    }

    /** The device a form describes: id, profile, endpoint, interval in milliseconds. */
    static DeviceConfig device(JsonNode body) {
        URI endpoint = URI.create(text(body, "endpoint").trim());
        if (endpoint.getScheme() == null || endpoint.getHost() == null) {
            throw new IllegalArgumentException("the endpoint needs a protocol and a host, e.g. modbus-tcp://10.0.0.5:502?unit=1");
        }
        long interval = body.path("intervalMs").asLong(5000);
        if (interval > Duration.ofDays(1).toMillis()) {
            throw new IllegalArgumentException("the poll interval must be at most one day, got " + interval + " ms");
        }
        return new DeviceConfig(text(body, "id").trim(), text(body, "profile").trim(), endpoint, Duration.ofMillis(interval));
    }

    private static String text(JsonNode body, String field) {
        return body.path(field).asText("");
    }

    private static boolean secure(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("X-Frame-Options", "DENY");
        resp.setHeader("Referrer-Policy", "no-referrer");
        resp.setHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
        if (!req.isSecure()) {
            resp.sendError(403, "the console answers over HTTPS only");
            return false;
        }
        resp.setHeader("Strict-Transport-Security", "max-age=31536000");
        return true;
    }

    private static String path(HttpServletRequest req) {
        String info = req.getPathInfo();
        return info == null || info.isEmpty() ? req.getServletPath() + "" : req.getServletPath() + info;
    }

    private static String cookie(HttpServletRequest req) {
        Cookie[] cookies = req.getCookies();
        if (cookies == null) {
            return null;
        }
        return Arrays.stream(cookies).filter(c -> c.getName().equals(COOKIE)).map(Cookie::getValue).findFirst().orElse(null);
    }

    private static void send(HttpServletResponse resp, int status, Object body) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/json; charset=utf-8");
        JSON.writeValue(resp.getOutputStream(), body);
    }

}
