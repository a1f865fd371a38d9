package cat.smartregion.gateway.sentilo.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sensors a Sentilo 404 on a data request names: unknown ones ({@code Sensor [X] not found on
 * Sentilo (404.1)}) and offline ones (404.2), among the sensors of the request.
 *
 * @param unknown sensors the catalog does not know
 * @param offline sensors set offline in the catalog
 */
record NotFound(Set<String> unknown, Set<String> offline) {

    private static final Pattern NAMED = Pattern.compile("\\[([A-Za-z0-9_-]+)\\]");
    static final String OFFLINE_CODE = "404.2";

    NotFound {
        unknown = Set.copyOf(unknown);
        offline = Set.copyOf(offline);
    }

    static NotFound of(List<String> messages, Set<String> sensorsSent) {
        Set<String> unknown = new LinkedHashSet<>();
        Set<String> offline = new LinkedHashSet<>();
        for (String message : messages) {
            Matcher m = NAMED.matcher(message);
            while (m.find()) {
                if (sensorsSent.contains(m.group(1))) {
                    (message.contains(OFFLINE_CODE) ? offline : unknown).add(m.group(1));
                }
            }
        }
        unknown.removeAll(offline);
        return new NotFound(unknown, offline);
    }

    boolean namesNone() {
        return unknown.isEmpty() && offline.isEmpty();
    }

    boolean names(String sensor) {
        return unknown.contains(sensor) || offline.contains(sensor);
    }
}
