package cat.smartregion.gateway.console.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

/** The console's pages and scripts, from the bundle's {@code console/} folder. */
final class StaticPages {

    /** Pages anyone may load: what the login needs. */
    static final java.util.Set<String> PUBLIC = java.util.Set.of("/login.html", "/login.js", "/console.css");

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8");
    private static final java.util.Set<String> FILES = java.util.Set.of(
            "/login.html", "/login.js", "/console.css", "/index.html", "/console.js");

    record Page(byte[] bytes, String type) {
    }

    private StaticPages() {
    }

    static Optional<Page> find(String path) throws IOException {
        if (!FILES.contains(path)) {
            return Optional.empty();
        }
        try (InputStream in = StaticPages.class.getResourceAsStream("/console" + path)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new Page(in.readAllBytes(), TYPES.get(path.substring(path.lastIndexOf('.') + 1))));
        }
    }
}
