package cat.smartregion.gateway.core.internal.device;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Configuration lists of {@code key=value} entries, e.g. a device's {@code params}. */
final class KeyValues {

    private KeyValues() {
    }

    /** @throws IllegalArgumentException naming the property when an entry has no key or is given twice */
    static Map<String, String> parse(String property, String[] entries) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0 || entry.substring(0, eq).isBlank()) {
                throw new IllegalArgumentException(property + ": '" + entry + "' is not key=value");
            }
            if (map.put(entry.substring(0, eq).strip(), entry.substring(eq + 1).strip()) != null) {
                throw new IllegalArgumentException(property + ": '" + entry.substring(0, eq).strip() + "' given twice");
            }
        }
        return Collections.unmodifiableMap(map);
    }

    static long number(String property, String key, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(property + ": " + key + "=" + value + " is not a number of milliseconds", e);
        }
    }
}
