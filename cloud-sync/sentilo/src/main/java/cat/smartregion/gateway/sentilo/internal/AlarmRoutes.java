package cat.smartregion.gateway.sentilo.internal;

import java.util.Map;
import java.util.Optional;

/** Which Sentilo alert an alarm key is published to: the longest configured prefix of the key; {@code *} matches all. */
record AlarmRoutes(Map<String, String> byPrefix) {

    static final String ANY = "*";

    AlarmRoutes {
        byPrefix = Map.copyOf(byPrefix);
    }

    Optional<String> alertFor(String key) {
        return byPrefix.entrySet().stream()
                .filter(e -> key.startsWith(e.getKey()))
                .max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length()))
                .map(Map.Entry::getValue)
                .or(() -> Optional.ofNullable(byPrefix.get(ANY)));
    }

    boolean isEmpty() {
        return byPrefix.isEmpty();
    }
}
